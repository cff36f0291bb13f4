package org.nlb.augment;

import java.util.SplittableRandom;

/**
 * One random augmentation step on a scratch image in [0, 1] (DESIGN §5). An op draws all of its
 * random choices from the generator it is given, in a fixed order, and from nothing else: that
 * keeps a view a pure function of (seed, epoch, item, view).
 */
public interface ImageOp {
    void apply(FloatImage image, SplittableRandom rng);
}
