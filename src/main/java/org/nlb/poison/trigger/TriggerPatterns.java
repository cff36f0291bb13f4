package org.nlb.poison.trigger;

import java.util.Random;

/**
 * The generated patterns of DESIGN §3, as C×H×W (or C×s×s) byte images with the same values in
 * every channel unless noted.
 */
final class TriggerPatterns {
    /** The paper's 3×3 checkerboard patch, row by row. */
    static final int[][] CHECKERBOARD = {{0, 0, 255}, {0, 255, 0}, {255, 0, 255}};

    /** Mean and standard deviation of the blend-noise image, in pixel values. */
    static final double NOISE_MEAN = 128;
    static final double NOISE_STD = 64;

    private TriggerPatterns() {}

    /**
     * The 3×3 checkerboard tiled to {@code size}×{@code size} (cell (r, c) is
     * {@code CHECKERBOARD[r mod 3][c mod 3]}), in every channel; {@code mirrored} flips it
     * left–right, as the reference does in the left corners of checkerboard-4corner.
     */
    static byte[] checkerboardPatch(int channels, int size, boolean mirrored) {
        byte[] patch = new byte[channels * size * size];
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < size; r++) {
                for (int x = 0; x < size; x++) {
                    int col = mirrored ? size - 1 - x : x;
                    patch[(c * size + r) * size + x] = (byte) CHECKERBOARD[r % 3][col % 3];
                }
            }
        }
        return patch;
    }

    /** {@code P(i, j) = 255·((i + j) mod 2)} over the whole image, in every channel. */
    static byte[] fullCheckerboard(ImageShape shape) {
        byte[] p = new byte[shape.bytes()];
        for (int c = 0; c < shape.channels(); c++) {
            for (int i = 0; i < shape.height(); i++) {
                for (int j = 0; j < shape.width(); j++) {
                    p[shape.index(c, i, j)] = (byte) (255 * ((i + j) % 2));
                }
            }
        }
        return p;
    }

    /**
     * A fixed Gaussian noise image: every value (channels drawn independently, in C×H×W order)
     * is {@code NOISE_MEAN + NOISE_STD·g} with {@code g} from {@code new java.util.Random(seed)
     * .nextGaussian()} (whose algorithm Java specifies, so the image is the same on every JVM),
     * rounded half up and clamped to 0…255.
     */
    static byte[] gaussianNoise(ImageShape shape, long seed) {
        Random rng = new Random(seed);
        byte[] p = new byte[shape.bytes()];
        for (int i = 0; i < p.length; i++) {
            long v = (long) Math.floor(NOISE_MEAN + NOISE_STD * rng.nextGaussian() + 0.5);
            p[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return p;
    }
}
