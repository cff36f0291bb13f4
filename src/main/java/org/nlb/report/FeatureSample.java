package org.nlb.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.io.BadInputException;

/**
 * The attacker's feature matrix (N × d, one row per pretrain image) and a seeded sample of its
 * rows, small enough to fit a PCA and draw a scatter quickly.
 *
 * @param rows N
 * @param cols d
 * @param data the N × d values, row-major
 */
record FeatureSample(int rows, int cols, float[] data) {
    /** Reads {@code file}; it must be a 2-D numeric .npy with at least two columns. */
    static FeatureSample read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "does not exist");
        }
        NpyArray a = Npy.read(file);
        if (a.ndim() != 2 || a.shape()[1] < 2 || a.shape()[0] > Integer.MAX_VALUE || a.shape()[1] > Integer.MAX_VALUE) {
            throw new BadInputException(file, "expected an N × d feature matrix with d ≥ 2 (each below 2^31), got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        return new FeatureSample(Math.toIntExact(a.shape()[0]), Math.toIntExact(a.shape()[1]), a.toFloats());
    }

    /** At most {@code k} distinct row indices drawn with {@code seed} (all rows, in order, when N ≤ k). */
    static int[] sampleRows(int n, int k, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= k) {
            return all;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(out);
        return out;
    }

    /** The rows at {@code indices}, row-major. */
    float[] rowsAt(int[] indices) {
        float[] out = new float[indices.length * cols];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(data, indices[r] * cols, out, r * cols, cols);
        }
        return out;
    }
}
