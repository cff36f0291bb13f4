/**
 * Triggers (DESIGN §3): the patterns pasted on or blended into images to poison the pretrain set
 * and to trigger test images. {@link org.nlb.poison.trigger.TriggerKind} is the registry of names,
 * {@link org.nlb.poison.trigger.TriggerConfig} the validated options with their defaults, and
 * {@link org.nlb.poison.trigger.TriggeredImages} applies a trigger to an image set without touching
 * the source: as it is when poisoning, in its {@link org.nlb.poison.trigger.Trigger#testTime()}
 * form on test images (the two differ only for layout-patch).
 */
package org.nlb.poison.trigger;
