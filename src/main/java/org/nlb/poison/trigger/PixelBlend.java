package org.nlb.poison.trigger;

/**
 * The one blending rule of every trigger: {@code x' = (1−α)·x + α·p}, computed in double,
 * rounded half up ({@code floor(v + 0.5)}) and clamped to 0…255. A value that is a tie up to
 * floating-point noise (within 1e-9, e.g. {@code 0.99·12 + 0.01·62 = 12.499999999999998}
 * for a decimal α of 0.01) also rounds up,
 * so the result is what the decimal arithmetic gives. With α = 1 the pattern replaces the pixel.
 *
 * <p>The Python reference ({@code poisoning_utils.add_trigger}) truncates with
 * {@code astype(np.uint8)} instead; a blended pixel can therefore differ from it by one.
 */
final class PixelBlend {
    private static final double TIE_TOLERANCE = 1e-9;

    private PixelBlend() {}

    /** Blends pixel value {@code x} (0..255) towards pattern value {@code p} (0..255) by {@code alpha}. */
    static int blend(int x, int p, double alpha) {
        if (alpha == 1.0) {
            return p;
        }
        double v = (1 - alpha) * x + alpha * p;
        long rounded = (long) Math.floor(v + 0.5 + TIE_TOLERANCE);
        return (int) Math.max(0, Math.min(255, rounded));
    }

    /** {@link #blend} on the byte at {@code pixels[i]}, in place. */
    static void blendInto(byte[] pixels, int i, int p, double alpha) {
        pixels[i] = (byte) blend(pixels[i] & 0xFF, p, alpha);
    }
}
