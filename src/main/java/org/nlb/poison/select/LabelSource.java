package org.nlb.poison.select;

import java.nio.file.Path;
import java.util.Optional;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.Labels;
import org.nlb.data.ReadOptions;
import org.nlb.data.IndexFile;
import org.nlb.io.BadInputException;

/**
 * The true labels of the N feature rows, for the label-aware oracle and the CCR of a selection
 * (DESIGN §2; evaluation only). They come from a dataset spec (the labels of its train set) or
 * from a 1-D integer {@code .npy}, optionally mapped through a subset index file such as the
 * {@code pretrain.npy} of {@code nlb datasets split}: row i of the features is item
 * {@code subset[i]} of the labels.
 */
public final class LabelSource {
    private LabelSource() {}

    /** Loads the labels named by {@code spec} for {@code n} feature rows; any mismatch names the file. */
    public static Labels load(String spec, Optional<Path> subset, int n) {
        Labels labels = isFile(spec) ? fromNpy(Path.of(spec)) : fromDataset(spec);
        if (subset.isPresent()) {
            labels = labels.subset(readSubset(subset.get(), labels.size()));
        }
        if (labels.size() != n) {
            String after = subset.map(p -> " after --subset " + p).orElse("");
            throw new BadInputException(spec, "has " + labels.size() + " labels" + after + " but the features have "
                    + n + " rows; they must describe the same images in the same order");
        }
        return labels;
    }

    /** Whether {@code spec} names a label file ({@code .npy}) rather than a data set. */
    public static boolean isFile(String spec) {
        return spec.toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
    }

    private static Labels fromDataset(String spec) {
        Dataset data = DatasetFormat.readDataset(DatasetSpec.parse(spec), ReadOptions.DEFAULT);
        return data.train().labels().orElseThrow(() -> new BadInputException(spec, "its train set has no labels"));
    }

    private static Labels fromNpy(Path file) {
        int[] values = IndexFile.integers(file, "a label file");
        int max = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new BadInputException(file, "label " + values[i] + " at position " + i + " is negative");
            }
            max = Math.max(max, values[i]);
        }
        return Labels.numbered(values, max + 1);
    }

    /** Reads a subset index file such as {@code pretrain.npy} into a set of {@code size} items. */
    public static int[] readSubset(Path file, int size) {
        return IndexFile.read(file, size);
    }
}
