package org.nlb.augment;

import java.util.Objects;

/**
 * The two-view augmentation of SSL pretraining (DESIGN §5), validated on construction: the
 * settings of each view, the output size and the normalisation. The two views may differ (BYOL
 * solarises only its second view). Defaults live here and nowhere else: {@link #cifarReference()}
 * and {@link #cpuScale()}.
 *
 * @param view1 the first view's settings
 * @param view2 the second view's settings
 * @param outputHeight output rows, or 0 for the input's
 * @param outputWidth output columns, or 0 for the input's
 * @param normalization per-channel mean/std, or {@code null} to compute them from the data set
 */
public record AugmentConfig(View view1, View view2, int outputHeight, int outputWidth, Normalization normalization) {

    /** Random resized crop: area fraction and aspect-ratio (width / height) ranges. */
    public record Crop(double minScale, double maxScale, double minRatio, double maxRatio) {
        public Crop {
            if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
                throw new IllegalArgumentException("crop scale must satisfy 0 < min <= max <= 1, got "
                        + minScale + ".." + maxScale);
            }
            if (!(minRatio > 0 && minRatio <= maxRatio && Double.isFinite(maxRatio))) {
                throw new IllegalArgumentException("crop ratio must satisfy 0 < min <= max, got "
                        + minRatio + ".." + maxRatio);
            }
        }
    }

    /**
     * Colour jitter: applied with {@code probability}; strengths of brightness, contrast and
     * saturation (factor drawn in [max(0, 1 − s), 1 + s]) and of hue (shift in [−h, h], h ≤ 0.5).
     */
    public record Jitter(double probability, double brightness, double contrast, double saturation, double hue) {
        public Jitter {
            checkProbability("jitter probability", probability);
            checkStrength("brightness", brightness);
            checkStrength("contrast", contrast);
            checkStrength("saturation", saturation);
            if (!(hue >= 0 && hue <= 0.5)) {
                throw new IllegalArgumentException("hue must be in [0, 0.5], got " + hue);
            }
        }
    }

    /** One view: crop, flip probability, colour jitter, grayscale and solarisation probabilities. */
    public record View(Crop crop, double flip, Jitter jitter, double grayscale, double solarize) {
        public View {
            Objects.requireNonNull(crop, "crop");
            Objects.requireNonNull(jitter, "jitter");
            checkProbability("flip probability", flip);
            checkProbability("grayscale probability", grayscale);
            checkProbability("solarisation probability", solarize);
        }

        public View withCrop(Crop c) {
            return new View(c, flip, jitter, grayscale, solarize);
        }

        public View withJitter(Jitter j) {
            return new View(crop, flip, j, grayscale, solarize);
        }

        public View withFlip(double p) {
            return new View(crop, p, jitter, grayscale, solarize);
        }

        public View withSolarize(double p) {
            return new View(crop, flip, jitter, grayscale, p);
        }
    }

    /** Random resized crop of the reference: scale 0.08–1, ratio 3/4–4/3. */
    public static final Crop REFERENCE_CROP = new Crop(0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    /**
     * Milder crop for CPU scale, scale 0.2–1: a 28 × 28 or 32 × 32 image cropped to 8 % of its area
     * keeps about 8 × 8 pixels, too little of the object to match its other view; with only tens of
     * epochs instead of the paper's 500, such nearly unmatchable pairs slow learning more than they
     * regularise it.
     */
    public static final Crop CPU_CROP = new Crop(0.2, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    /**
     * solo-learn's CIFAR colour jitter (scripts/pretrain/cifar/augmentations/asymmetric.yaml):
     * p 0.8, brightness 0.4, contrast 0.4, saturation 0.2, hue 0.1. The reference NLB scripts pass
     * 0.8 / 0.8 / 0.8 / 0.2 instead.
     */
    public static final Jitter REFERENCE_JITTER = new Jitter(0.8, 0.4, 0.4, 0.2, 0.1);
    /** Everything off: a view that is only resized and normalised. */
    public static final View NONE = new View(new Crop(1, 1, 1, 1), 0, new Jitter(0, 0, 0, 0, 0), 0, 0);

    public AugmentConfig {
        Objects.requireNonNull(view1, "view1");
        Objects.requireNonNull(view2, "view2");
        if (outputHeight < 0 || outputWidth < 0 || (outputHeight == 0) != (outputWidth == 0)) {
            throw new IllegalArgumentException("output size must be both positive or both 0 (input size), got "
                    + outputHeight + "x" + outputWidth);
        }
    }

    /**
     * solo-learn's CIFAR recipe (asymmetric views, as BYOL): crop 0.08–1, flip 0.5, jitter p 0.8
     * (0.4 / 0.4 / 0.2 / 0.1), grayscale 0.2, solarisation 0 on view 1 and 0.2 on view 2; output at
     * input size, normalisation from the data.
     */
    public static AugmentConfig cifarReference() {
        View view = new View(REFERENCE_CROP, 0.5, REFERENCE_JITTER, 0.2, 0.0);
        return new AugmentConfig(view, view.withSolarize(0.2), 0, 0, null);
    }

    /** {@link #cifarReference()} with the milder crop {@link #CPU_CROP} (scale 0.2–1) on both views. */
    public static AugmentConfig cpuScale() {
        AugmentConfig ref = cifarReference();
        return ref.withViews(ref.view1().withCrop(CPU_CROP), ref.view2().withCrop(CPU_CROP));
    }

    public AugmentConfig withViews(View first, View second) {
        return new AugmentConfig(first, second, outputHeight, outputWidth, normalization);
    }

    /** Output at {@code height × width} instead of the input size. */
    public AugmentConfig withOutputSize(int height, int width) {
        return new AugmentConfig(view1, view2, height, width, normalization);
    }

    /** Fixed normalisation instead of the data set's own mean and std. */
    public AugmentConfig withNormalization(Normalization n) {
        return new AugmentConfig(view1, view2, outputHeight, outputWidth, n);
    }

    static double checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
        }
        return p;
    }

    private static void checkStrength(String what, double s) {
        if (!(s >= 0 && Double.isFinite(s))) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + s);
        }
    }
}
