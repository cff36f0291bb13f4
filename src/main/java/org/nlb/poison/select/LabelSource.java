package org.nlb.poison.select;

import java.nio.file.Path;
import java.util.Optional;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.Labels;
import org.nlb.data.ReadOptions;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.data.npy.NpyType;
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
        boolean npy = spec.toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
        Labels labels = npy ? fromNpy(Path.of(spec)) : fromDataset(spec);
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

    private static Labels fromDataset(String spec) {
        Dataset data = DatasetFormat.readDataset(DatasetSpec.parse(spec), ReadOptions.DEFAULT);
        return data.train().labels().orElseThrow(() -> new BadInputException(spec, "its train set has no labels"));
    }

    private static Labels fromNpy(Path file) {
        int[] values = integers(file, "labels");
        int max = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new BadInputException(file, "label " + values[i] + " at position " + i + " is negative");
            }
            max = Math.max(max, values[i]);
        }
        return Labels.numbered(values, max + 1);
    }

    /**
     * Reads a subset index file such as {@code pretrain.npy}: a 1-D integer {@code .npy} of distinct
     * indices into a set of {@code size} items; anything else is a {@link BadInputException}.
     */
    public static int[] readSubset(Path file, int size) {
        int[] indices = integers(file, "subset indices");
        boolean[] seen = new boolean[size];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size) {
                throw new BadInputException(file, "index " + i + " at position " + k + " is outside 0 … " + (size - 1)
                        + " (the set it indexes has " + size + " items)");
            }
            if (seen[i]) {
                throw new BadInputException(file, "index " + i + " appears twice (again at position " + k + ")");
            }
            seen[i] = true;
        }
        return indices;
    }

    /** A 1-D integer {@code .npy} as ints. */
    static int[] integers(Path file, String what) {
        NpyArray array = Npy.read(file);
        if (array.ndim() != 1) {
            throw new BadInputException(file, what + " must be a 1-D array, this one has " + array.ndim() + " dimensions");
        }
        NpyType t = array.type();
        if (t != NpyType.INT32 && t != NpyType.INT64 && t != NpyType.UINT8) {
            throw new BadInputException(file, what + " must be integers (int64, int32 or uint8), this file holds "
                    + t.descr());
        }
        int[] out = new int[Math.toIntExact(array.size())];
        for (int i = 0; i < out.length; i++) {
            long v = array.getLong(i);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new BadInputException(file, "value " + v + " at position " + i + " is out of range");
            }
            out[i] = (int) v;
        }
        return out;
    }
}
