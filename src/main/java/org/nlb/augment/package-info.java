/**
 * The two-view augmentation pipeline of SSL pretraining (DESIGN §5): random resized crop,
 * horizontal flip, colour jitter, grayscale and solarisation on the uint8
 * {@link org.nlb.data.ImageSet}, written as normalised float32 C×H×W arrays that the training
 * loop wraps into tensors.
 *
 * <p>{@link org.nlb.augment.AugmentConfig} is the one validated configuration (presets
 * {@code cifarReference()} and {@code cpuScale()}); {@link org.nlb.augment.TwoViewAugmenter}
 * applies it to one image; {@link org.nlb.augment.ViewPairLoader} shuffles, batches, augments on a
 * thread pool and prefetches; {@link org.nlb.augment.PlainTransform} is the no-augmentation path
 * (resize + normalise) for feature extraction. Every random draw comes from
 * {@link org.nlb.augment.AugmentSeeds}, keyed by (seed, epoch, item, view), so batches are the
 * same whatever the thread count.
 */
package org.nlb.augment;
