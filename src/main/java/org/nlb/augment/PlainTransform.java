package org.nlb.augment;

import org.nlb.data.ImageSet;

/**
 * The no-augmentation path for feature extraction and probes (DESIGN §1 step 3): the whole image
 * resized bilinearly to the output size (copied as is when sizes match) and normalised exactly as
 * the augmented views are, so an encoder sees the same value range in training and inference.
 */
public final class PlainTransform {
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    private final Normalization normalization;

    /** Output size and normalisation from {@code config}; a {@code null} normalisation is measured on {@code set}. */
    public static PlainTransform forData(ImageSet set, AugmentConfig config) {
        Normalization n = config.normalization() != null ? config.normalization() : Normalization.of(set);
        int h = config.outputHeight() == 0 ? set.height() : config.outputHeight();
        int w = config.outputWidth() == 0 ? set.width() : config.outputWidth();
        return new PlainTransform(set.channels(), h, w, n);
    }

    public PlainTransform(int channels, int outHeight, int outWidth, Normalization normalization) {
        if (normalization.channels() != channels) {
            throw new IllegalArgumentException("normalisation has " + normalization.channels()
                    + " channels, images have " + channels);
        }
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("output size must be positive, got " + outHeight + "x" + outWidth);
        }
        this.channels = channels;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.normalization = normalization;
    }

    /**
     * Items {@code from} (inclusive) to {@code to} (exclusive) of {@code set}, in order, as one
     * (to − from)×C×H×W array; the last batch of a pass may be shorter than the others.
     */
    public float[] batch(ImageSet set, int from, int to) {
        if (set.channels() != channels) {
            throw new IllegalArgumentException("transform built for " + channels + " channels, got " + set.shapeText());
        }
        if (from < 0 || to > set.size() || from > to) {
            throw new IndexOutOfBoundsException("items " + from + ".." + to + " of " + set.size());
        }
        int per = floatsPerImage();
        float[] out = new float[Math.multiplyExact(to - from, per)];
        FloatImage scratch = new FloatImage(channels * Math.max(set.height() * set.width(), outHeight * outWidth));
        int bytes = set.imageBytes();
        for (int i = from; i < to; i++) {
            scratch.load(set.pixels(), i * bytes, channels, set.height(), set.width());
            Resampler.cropResize(scratch, 0, 0, set.height(), set.width(), outHeight, outWidth);
            normalization.write(scratch, out, (i - from) * per);
        }
        return out;
    }

    public int floatsPerImage() {
        return channels * outHeight * outWidth;
    }

    public int outputHeight() {
        return outHeight;
    }

    public int outputWidth() {
        return outWidth;
    }

    public Normalization normalization() {
        return normalization;
    }
}
