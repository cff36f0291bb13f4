package org.nlb.augment;

import java.util.SplittableRandom;

/**
 * With probability p, replaces every channel of an RGB image by its luma
 * {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R 601, PIL's "L" conversion; torchvision
 * {@code RandomGrayscale} keeps three channels). Only for 3-channel images: the pipeline leaves it
 * out for other channel counts.
 */
public final class RandomGrayscale implements ImageOp {
    static final float R = 0.299f;
    static final float G = 0.587f;
    static final float B = 0.114f;

    private final double probability;

    public RandomGrayscale(double probability) {
        this.probability = AugmentConfig.checkProbability("grayscale probability", probability);
    }

    @Override
    public void apply(FloatImage image, SplittableRandom rng) {
        if (rng.nextDouble() < probability) {
            toGray(image);
        }
    }

    /** Sets all three channels to the luma, in place. */
    public static void toGray(FloatImage image) {
        ColorJitter.requireRgb(image);
        float[] d = image.data();
        int n = image.plane();
        for (int k = 0; k < n; k++) {
            float y = R * d[k] + G * d[n + k] + B * d[2 * n + k];
            d[k] = y;
            d[n + k] = y;
            d[2 * n + k] = y;
        }
    }
}
