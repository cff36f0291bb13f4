package org.nlb.augment;

import java.util.SplittableRandom;

/**
 * With probability p, torchvision's {@code ColorJitter}: brightness, contrast, saturation and hue
 * adjustments, each with a factor drawn uniformly (brightness, contrast, saturation in
 * [max(0, 1 − s), 1 + s]; hue shift in [−h, h] turns of the colour wheel), applied in a random
 * order. A strength of 0 leaves that adjustment out. Formulas as torchvision's tensor functional
 * ops: blend with black (brightness), with the mean luma (contrast), with the per-pixel luma
 * (saturation), each clamped to [0, 1]; hue through RGB → HSV → RGB.
 *
 * <p>On a 1-channel image it does what torchvision does to a grayscale ({@code "L"}) PIL image:
 * brightness and contrast (blend with the image's mean) apply, saturation and hue leave it
 * unchanged; the draws are the same as for RGB. Without them a grayscale SSL run sees only crops
 * and flips, and on Fashion-MNIST a linear probe lost 4 points (BENCHMARKS.md).
 *
 * <p>solo-learn's CIFAR default strengths are 0.4 / 0.4 / 0.2 / 0.1; the reference NLB scripts
 * (PKU-ML/nlb {@code bash_files/pretrain/cifar/simclr.sh}) pass 0.8 / 0.8 / 0.8 / 0.2.
 */
public final class ColorJitter implements ImageOp {
    private static final int BRIGHTNESS = 0;
    private static final int CONTRAST = 1;
    private static final int SATURATION = 2;
    private static final int HUE = 3;
    private static final float TINY = 1e-30f;

    private final AugmentConfig.Jitter jitter;

    public ColorJitter(AugmentConfig.Jitter jitter) {
        this.jitter = jitter;
    }

    @Override
    public void apply(FloatImage image, SplittableRandom rng) {
        if (!(rng.nextDouble() < jitter.probability())) {
            return;
        }
        int[] order = {BRIGHTNESS, CONTRAST, SATURATION, HUE};
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float b = (float) factor(rng, jitter.brightness());
        float c = (float) factor(rng, jitter.contrast());
        float s = (float) factor(rng, jitter.saturation());
        float h = jitter.hue() == 0 ? 0f : (float) (-jitter.hue() + 2 * jitter.hue() * rng.nextDouble());
        boolean rgb = image.channels() == 3; // on gray images saturation and hue change nothing (torchvision, PIL "L")
        for (int op : order) {
            switch (op) {
                case BRIGHTNESS -> {
                    if (jitter.brightness() > 0) {
                        brightness(image, b);
                    }
                }
                case CONTRAST -> {
                    if (jitter.contrast() > 0) {
                        contrast(image, c);
                    }
                }
                case SATURATION -> {
                    if (rgb && jitter.saturation() > 0) {
                        saturation(image, s);
                    }
                }
                default -> {
                    if (rgb && jitter.hue() > 0) {
                        hue(image, h);
                    }
                }
            }
        }
    }

    private static double factor(SplittableRandom rng, double strength) {
        if (strength == 0) {
            return 1;
        }
        double lo = Math.max(0, 1 - strength);
        return lo + (1 + strength - lo) * rng.nextDouble();
    }

    static void requireRgb(FloatImage image) {
        if (image.channels() != 3) {
            throw new IllegalArgumentException("colour ops need 3 channels, got " + image.channels());
        }
    }

    private static void requireGrayOrRgb(FloatImage image) {
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException("brightness and contrast need 1 or 3 channels, got " + image.channels());
        }
    }

    /** v → clamp(f·v), any of 1 or 3 channels. */
    public static void brightness(FloatImage image, float f) {
        requireGrayOrRgb(image);
        float[] d = image.data();
        int n = image.size();
        for (int k = 0; k < n; k++) {
            d[k] = clamp(f * d[k]);
        }
    }

    /** v → clamp(f·v + (1 − f)·m), m the mean luma of the whole image (its mean value if it is gray). */
    public static void contrast(FloatImage image, float f) {
        requireGrayOrRgb(image);
        float[] d = image.data();
        int n = image.plane();
        double sum = 0;
        if (image.channels() == 1) {
            for (int k = 0; k < n; k++) {
                sum += d[k];
            }
        } else {
            for (int k = 0; k < n; k++) {
                sum += RandomGrayscale.R * d[k] + RandomGrayscale.G * d[n + k] + RandomGrayscale.B * d[2 * n + k];
            }
        }
        float offset = (1 - f) * (float) (sum / n);
        for (int k = 0; k < image.channels() * n; k++) {
            d[k] = clamp(f * d[k] + offset);
        }
    }

    /** v → clamp(f·v + (1 − f)·luma) per pixel. */
    public static void saturation(FloatImage image, float f) {
        requireRgb(image);
        float[] d = image.data();
        int n = image.plane();
        float g = 1 - f;
        for (int k = 0; k < n; k++) {
            float y = g * (RandomGrayscale.R * d[k] + RandomGrayscale.G * d[n + k] + RandomGrayscale.B * d[2 * n + k]);
            d[k] = clamp(f * d[k] + y);
            d[n + k] = clamp(f * d[n + k] + y);
            d[2 * n + k] = clamp(f * d[2 * n + k] + y);
        }
    }

    /**
     * Rotates the hue by {@code shift} turns (in [−0.5, 0.5]) of an image in [0, 1]: torchvision's
     * {@code _rgb2hsv}, {@code h = (h + shift) mod 1}, {@code _hsv2rgb}, with the HSV → RGB step in
     * its closed form {@code c = V − V·S·clamp(min(k, 4 − k), 0, 1)}, {@code k = (n + 6h) mod 6},
     * n = 5, 3, 1 for R, G, B — the same values up to rounding. Written without data-dependent
     * branches (pixels pick their hue sector unpredictably; branchy code ran 1.7× slower): values
     * in [0, 1] compare as their bit patterns, so max/min and the sector are integer selects. Grey
     * pixels (no chroma) come back exactly unchanged.
     */
    public static void hue(FloatImage image, float shift) {
        requireRgb(image);
        float[] d = image.data();
        int n = image.plane();
        float shift6 = 6f * shift;
        for (int k = 0; k < n; k++) {
            float r = d[k];
            float g = d[n + k];
            float b = d[2 * n + k];
            int ir = Float.floatToRawIntBits(r);
            int ig = Float.floatToRawIntBits(g);
            int ib = Float.floatToRawIntBits(b);
            int imax = Math.max(ir, Math.max(ig, ib));
            float max = Float.intBitsToFloat(imax);
            float chroma = max - Float.intBitsToFloat(Math.min(ir, Math.min(ig, ib)));
            float inv = 1f / (chroma + TINY); // grey: the numerator is 0, so the hue term is 0
            // the max channel picks the sector, as torchvision: red first, then green, then blue
            int isR = imax == ir ? 1 : 0;
            int isG = (1 - isR) & (imax == ig ? 1 : 0);
            int isB = 1 - isR - isG;
            float num = isR * (g - b) + isG * (b - r) + isB * (r - g);
            float h6 = (2 * isG + 4 * isB) + num * inv + shift6; // sixths of a turn, in [-4, 8]
            h6 -= 6f * ((int) (h6 * (1f / 6f) + 1f) - 1); // mod 6 into [0, 6): the cast floors a positive
            d[k] = max - chroma * ramp(h6 + 5f);
            d[n + k] = max - chroma * ramp(h6 + 3f);
            d[2 * n + k] = max - chroma * ramp(h6 + 1f);
        }
    }

    /** clamp(min(m, 4 − m), 0, 1) for m = k mod 6, k in [0, 12), without a branch. */
    private static float ramp(float k) {
        float m = k - 6f * (int) (k * (1f / 6f));
        float x = 2f - Math.abs(m - 2f); // min(m, 4 - m)
        return 0.5f * (Math.abs(x) - Math.abs(x - 1f) + 1f); // clamp(x, 0, 1)
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v)); // min/max compile to branch-free instructions
    }
}
