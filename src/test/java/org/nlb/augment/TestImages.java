package org.nlb.augment;

import java.util.SplittableRandom;
import org.nlb.data.ImageSet;

/** Small generated image sets for the augmentation tests. */
final class TestImages {
    private TestImages() {}

    /** {@code n} images of random bytes, seeded. */
    static ImageSet random(int n, int c, int h, int w, long seed) {
        byte[] px = new byte[n * c * h * w];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < px.length; k++) {
            px[k] = (byte) rng.nextInt(256);
        }
        return ImageSet.of(px, n, c, h, w);
    }

    /** {@code n} images whose every byte is {@code value}. */
    static ImageSet constant(int n, int c, int h, int w, int value) {
        byte[] px = new byte[n * c * h * w];
        java.util.Arrays.fill(px, (byte) value);
        return ImageSet.of(px, n, c, h, w);
    }

    /** A scratch image holding {@code values} (C×H×W in [0, 1]). */
    static FloatImage floats(float[] values, int c, int h, int w) {
        FloatImage img = new FloatImage(values.length);
        img.load(values, c, h, w);
        return img;
    }

    /** Random floats in [0, 1], seeded. */
    static float[] randomFloats(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) rng.nextDouble();
        }
        return v;
    }
}
