/**
 * Poisoning the pretrain set (DESIGN §1 step 5, §6, §7): reading the selector's
 * {@code poison.json}, pasting a {@linkplain org.nlb.poison.trigger trigger} on exactly those
 * train images, and writing the poisoned copy in the input's format with a {@code manifest.json}
 * of indices, trigger, seeds and SHA-256 hashes of every input and output file.
 */
package org.nlb.poison;
