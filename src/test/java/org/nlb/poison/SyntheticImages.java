package org.nlb.poison;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.data.idx.IdxFormat;

/** Small generated image sets and IDX data sets for the trigger and poisoning tests. */
public final class SyntheticImages {
    private SyntheticImages() {}

    /** {@code n} images of C×H×W with seeded random pixels in 20..235 and labels {@code i mod 3}. */
    public static ImageSet random(int n, int channels, int height, int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[n * channels * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (20 + rng.nextInt(216));
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        return ImageSet.of(pixels, n, channels, height, width, Labels.numbered(labels, 3));
    }

    /** A constant grey image set (every pixel {@code value}). */
    public static ImageSet constant(int n, int channels, int height, int width, int value) {
        byte[] pixels = new byte[n * channels * height * width];
        java.util.Arrays.fill(pixels, (byte) value);
        return ImageSet.of(pixels, n, channels, height, width);
    }

    /** Writes an IDX data set with {@code train} and {@code test} random images into {@code dir}. */
    public static DatasetSpec writeIdx(Path dir, int train, int test, int channels, int size, boolean gzip)
            throws java.io.IOException {
        DatasetSpec spec = new DatasetSpec(DatasetFormat.IDX, dir);
        Dataset data = new Dataset(spec, random(train, channels, size, size, 1), random(test, channels, size, size, 2));
        java.nio.file.Files.createDirectories(dir);
        IdxFormat.write(data, dir, gzip);
        return spec;
    }
}
