package org.nlb.poison;

import java.nio.file.Path;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.data.npy.NpyType;
import org.nlb.io.BadInputException;

/**
 * An index file from {@code nlb datasets split} ({@code pretrain.npy}: 1-D int64 positions in
 * the train set). With it, the indices of a {@code poison.json} are positions in this subset,
 * as a selector run on the pretrain features produces them (DESIGN §1).
 *
 * @param file where it was read from
 * @param trainIndices the subset's positions in the train set, distinct
 */
public record IndexSubset(Path file, int[] trainIndices) {
    /** Reads {@code file} and checks it against a train set of {@code trainSize} images. */
    public static IndexSubset read(Path file, int trainSize) {
        NpyArray array = Npy.read(file);
        if (array.ndim() != 1) {
            throw new BadInputException(file, "an index file must be 1-dimensional, this one has " + array.ndim() + " dimensions");
        }
        if (array.type() != NpyType.INT64 && array.type() != NpyType.INT32) {
            throw new BadInputException(file, "an index file must hold int64 (or int32) indices, this one holds "
                    + array.type().descr());
        }
        int n = Math.toIntExact(array.size());
        int[] out = new int[n];
        boolean[] seen = new boolean[trainSize];
        for (int k = 0; k < n; k++) {
            long i = array.getLong(k);
            if (i < 0 || i >= trainSize) {
                throw new BadInputException(file, "entry " + k + " = " + i + " is outside the train set (0.." + (trainSize - 1) + ")");
            }
            if (seen[(int) i]) {
                throw new BadInputException(file, "train index " + i + " is listed twice");
            }
            seen[(int) i] = true;
            out[k] = (int) i;
        }
        return new IndexSubset(file, out);
    }

    public int size() {
        return trainIndices.length;
    }

    @Override
    public int[] trainIndices() {
        return trainIndices.clone();
    }
}
