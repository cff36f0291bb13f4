package org.nlb.features;

import java.nio.file.Path;
import java.util.Optional;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.IndexFile;
import org.nlb.data.ReadOptions;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.io.BadInputException;

/**
 * {@code nlb features --pixels}: the no-training feature matrix of the pixel baseline: each train
 * image (or each one an index file lists) flattened to [0, 1] and L2-normalised, or its
 * coordinates on the top K principal components, L2-normalised; float32 {@code .npy}.
 */
public final class PixelFeatureFile {
    private PixelFeatureFile() {}

    /** What was written. */
    public record Result(int rows, int cols, double seconds) {}

    public static Result write(DatasetSpec data, ReadOptions read, Optional<Path> subset, Optional<Integer> pca, Path out) {
        ImageSet images = DatasetFormat.readDataset(data, read).train();
        if (subset.isPresent()) {
            images = images.subset(IndexFile.read(subset.get(), images.size()));
        }
        int n = images.size();
        int d = images.imageBytes();
        if (n == 0) {
            throw new BadInputException(data.toString(), "has no train images" + subset.map(s -> " in " + s).orElse(""));
        }
        if (pca.isPresent() && (pca.get() < 1 || pca.get() > d)) {
            throw new BadInputException("--pca", "K must be between 1 and the " + d + " pixel values per image, got " + pca.get());
        }
        long start = System.nanoTime();
        float[] rows;
        int cols;
        if (pca.isEmpty()) {
            rows = PixelFeatures.normalisedPixels(images);
            cols = d;
        } else {
            float[] x = PixelFeatures.scaled(images);
            cols = pca.get();
            rows = Pca.fit(x, n, d, cols).project(x, n);
            PixelFeatures.normaliseRows(rows, n, cols);
        }
        Npy.write(out, NpyArray.ofFloats(rows, n, cols));
        return new Result(n, cols, (System.nanoTime() - start) / 1e9);
    }
}
