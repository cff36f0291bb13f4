package org.nlb.augment;

import java.util.SplittableRandom;

/**
 * With probability p, inverts every value at or above the threshold 128 (of 255): v → 1 − v, as
 * PIL's {@code ImageOps.solarize} that solo-learn and BYOL use. Applies to any channel count.
 */
public final class Solarize implements ImageOp {
    /** PIL's default threshold, 128 of 255, in [0, 1] units. */
    public static final float THRESHOLD = 128f / 255f;

    private final double probability;

    public Solarize(double probability) {
        this.probability = AugmentConfig.checkProbability("solarisation probability", probability);
    }

    @Override
    public void apply(FloatImage image, SplittableRandom rng) {
        if (rng.nextDouble() < probability) {
            solarize(image);
        }
    }

    /** Inverts values ≥ {@link #THRESHOLD}, in place. */
    public static void solarize(FloatImage image) {
        float[] d = image.data();
        int n = image.size();
        for (int k = 0; k < n; k++) {
            float v = d[k];
            // branch-free select (pixels cross the threshold unpredictably): all ones iff v >= threshold
            int flip = ~(Float.floatToRawIntBits(v - THRESHOLD) >> 31);
            d[k] = Float.intBitsToFloat((Float.floatToRawIntBits(v) & ~flip)
                    | (Float.floatToRawIntBits(1f - v) & flip));
        }
    }
}
