package org.nlb.data;

import java.nio.file.Path;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.data.npy.NpyType;
import org.nlb.io.BadInputException;

/**
 * 1-D integer {@code .npy} files: index files such as the {@code pretrain.npy} and
 * {@code downstream.npy} of {@code nlb datasets split} (distinct positions in a set), and label
 * files. Every problem is a {@link BadInputException} naming the file.
 */
public final class IndexFile {
    private IndexFile() {}

    /** Reads distinct indices into a set of {@code setSize} items. */
    public static int[] read(Path file, int setSize) {
        int[] indices = integers(file, "an index file");
        boolean[] seen = new boolean[setSize];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= setSize) {
                throw new BadInputException(file, "entry " + k + " = " + i + " is outside the indexed set (0.."
                        + (setSize - 1) + ")");
            }
            if (seen[i]) {
                throw new BadInputException(file, "index " + i + " is listed twice (again at entry " + k + ")");
            }
            seen[i] = true;
        }
        return indices;
    }

    /** Reads a 1-D array of int64, int32 or uint8 values that fit an int; {@code what} names it in errors. */
    public static int[] integers(Path file, String what) {
        NpyArray array = Npy.read(file);
        if (array.ndim() != 1) {
            throw new BadInputException(file, what + " must be 1-dimensional, this one has " + array.ndim() + " dimensions");
        }
        NpyType t = array.type();
        if (t != NpyType.INT64 && t != NpyType.INT32 && t != NpyType.UINT8) {
            throw new BadInputException(file, what + " must hold integers (int64, int32 or uint8), this one holds "
                    + t.descr());
        }
        int[] out = new int[Math.toIntExact(array.size())];
        for (int k = 0; k < out.length; k++) {
            long v = array.getLong(k);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new BadInputException(file, "entry " + k + " = " + v + " is out of range");
            }
            out[k] = (int) v;
        }
        return out;
    }
}
