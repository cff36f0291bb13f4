/**
 * Feature matrices for the selectors (DESIGN §2, §7 {@code nlb features}): the no-training
 * baseline of raw pixels or their principal components. Encoder features live with the encoders.
 */
package org.nlb.features;
