package org.nlb.train;

import java.util.SplittableRandom;

/**
 * The seeds of one pretraining run, split from its single seed (as Tribuo splits a
 * {@code SplittableRandom}) so that no two random choices share a stream.
 *
 * @param init the tensor library's generator, which draws the initial weights (DJL takes an int)
 * @param augment the shuffles and every augmentation draw ({@link org.nlb.augment.ViewPairLoader})
 * @param state the method's own random state (MoCo's initial queues)
 */
public record RunSeeds(int init, long augment, long state) {
    public static RunSeeds of(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        return new RunSeeds(root.split().nextInt(), root.split().nextLong(), root.split().nextLong());
    }
}
