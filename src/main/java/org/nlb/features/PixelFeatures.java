package org.nlb.features;

import org.nlb.data.ImageSet;

/**
 * The no-training features of the pixel baseline: each image flattened (channel-first, C·H·W
 * values), scaled to [0, 1] and L2-normalised, as float32 rows. An all-black image has no
 * direction and stays a zero row (the selectors then refuse it, naming the row). With
 * {@link Pca} the rows are instead the image's coordinates on the top-K principal components
 * of the [0, 1] pixels, L2-normalised.
 */
public final class PixelFeatures {
    private PixelFeatures() {}

    /** N × (C·H·W) pixel values in [0, 1], not normalised. */
    public static float[] scaled(ImageSet images) {
        byte[] pixels = images.pixels();
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** N × (C·H·W) pixel rows in [0, 1], each L2-normalised. */
    public static float[] normalisedPixels(ImageSet images) {
        float[] x = scaled(images);
        normaliseRows(x, images.size(), images.imageBytes());
        return x;
    }

    /** Scales every row of {@code x} (rows × cols) to unit L2 norm in place; zero rows stay zero. */
    public static void normaliseRows(float[] x, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int k = i * cols, end = k + cols; k < end; k++) {
                sum += (double) x[k] * x[k];
            }
            if (sum == 0) {
                continue;
            }
            double inv = 1.0 / Math.sqrt(sum);
            for (int k = i * cols, end = k + cols; k < end; k++) {
                x[k] = (float) (x[k] * inv);
            }
        }
    }
}
