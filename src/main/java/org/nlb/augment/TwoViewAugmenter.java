package org.nlb.augment;

import java.util.List;
import org.nlb.data.ImageSet;

/**
 * Turns one uint8 image into its two normalised float32 views (DESIGN §5), each a pure function
 * of (seed, epoch, item index, view) through {@link AugmentSeeds}. Immutable and shared by all
 * worker threads; each thread brings its own {@link FloatImage} scratch.
 */
public final class TwoViewAugmenter {
    private final int channels;
    private final int inHeight;
    private final int inWidth;
    private final int outHeight;
    private final int outWidth;
    private final Normalization normalization;
    private final ViewPipeline first;
    private final ViewPipeline second;

    /** The augmenter for images shaped like {@code set}, normalising as configured or by the set's own statistics. */
    public static TwoViewAugmenter forData(ImageSet set, AugmentConfig config) {
        Normalization n = config.normalization() != null ? config.normalization() : Normalization.of(set);
        return new TwoViewAugmenter(config, set.channels(), set.height(), set.width(), n);
    }

    public TwoViewAugmenter(AugmentConfig config, int channels, int inHeight, int inWidth, Normalization normalization) {
        this(channels, inHeight, inWidth, config.outputHeight() == 0 ? inHeight : config.outputHeight(),
                config.outputWidth() == 0 ? inWidth : config.outputWidth(), normalization, config);
    }

    private TwoViewAugmenter(int channels, int inHeight, int inWidth, int outHeight, int outWidth,
                             Normalization normalization, AugmentConfig config) {
        this(channels, inHeight, inWidth, outHeight, outWidth, normalization,
                new ViewPipeline(config.view1(), channels, outHeight, outWidth),
                new ViewPipeline(config.view2(), channels, outHeight, outWidth));
    }

    /** An augmenter with explicit view pipelines; each must leave an outHeight × outWidth image. */
    TwoViewAugmenter(int channels, int inHeight, int inWidth, int outHeight, int outWidth,
                     Normalization normalization, ViewPipeline first, ViewPipeline second) {
        if (normalization.channels() != channels) {
            throw new IllegalArgumentException("normalisation has " + normalization.channels()
                    + " channels, images have " + channels);
        }
        if ((long) channels * Math.max((long) inHeight * inWidth, (long) outHeight * outWidth) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("images of " + channels + "x" + outHeight + "x" + outWidth
                    + " do not fit in one array");
        }
        this.channels = channels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.normalization = normalization;
        this.first = first;
        this.second = second;
    }

    /**
     * Writes both views of item {@code index} of {@code set} for {@code epoch} into
     * {@code view1[offset ..]} and {@code view2[offset ..]} ({@link #floatsPerImage()} values each).
     */
    public void augment(ImageSet set, int index, long seed, int epoch, FloatImage scratch,
                        float[] view1, float[] view2, int offset) {
        requireShape(set);
        int bytes = set.imageBytes();
        scratch.load(set.pixels(), index * bytes, channels, inHeight, inWidth);
        first.apply(scratch, AugmentSeeds.view(seed, epoch, index, 0));
        normalization.write(scratch, view1, offset);
        scratch.load(set.pixels(), index * bytes, channels, inHeight, inWidth);
        second.apply(scratch, AugmentSeeds.view(seed, epoch, index, 1));
        normalization.write(scratch, view2, offset);
    }

    void requireShape(ImageSet set) {
        if (set.channels() != channels || set.height() != inHeight || set.width() != inWidth) {
            throw new IllegalArgumentException("augmenter built for " + channels + "x" + inHeight + "x" + inWidth
                    + " images, got " + set.shapeText());
        }
    }

    /** A scratch image large enough for this augmenter. */
    public FloatImage newScratch() {
        return new FloatImage(channels * Math.max(inHeight * inWidth, outHeight * outWidth));
    }

    public int channels() {
        return channels;
    }

    public int outputHeight() {
        return outHeight;
    }

    public int outputWidth() {
        return outWidth;
    }

    /** Values of one output image: C·H·W at the output size. */
    public int floatsPerImage() {
        return channels * outHeight * outWidth;
    }

    public Normalization normalization() {
        return normalization;
    }

    List<Class<? extends ImageOp>> opTypes(int view) {
        return (view == 0 ? first : second).opTypes();
    }
}
