package org.nlb.augment;

import java.util.SplittableRandom;

/** Mirrors the image left–right with probability p (torchvision {@code RandomHorizontalFlip}). */
public final class HorizontalFlip implements ImageOp {
    private final double probability;

    public HorizontalFlip(double probability) {
        this.probability = AugmentConfig.checkProbability("flip probability", probability);
    }

    @Override
    public void apply(FloatImage image, SplittableRandom rng) {
        if (rng.nextDouble() < probability) {
            mirror(image);
        }
    }

    /** Reverses every row of every channel, in place. */
    public static void mirror(FloatImage image) {
        float[] d = image.data();
        int w = image.width();
        int rows = image.channels() * image.height();
        for (int r = 0; r < rows; r++) {
            for (int a = r * w, b = a + w - 1; a < b; a++, b--) {
                float t = d[a];
                d[a] = d[b];
                d[b] = t;
            }
        }
    }
}
