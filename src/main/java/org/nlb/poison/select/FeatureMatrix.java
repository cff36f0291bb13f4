package org.nlb.poison.select;

import java.nio.file.Path;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.data.npy.NpyType;
import org.nlb.io.BadInputException;

/**
 * The N × d feature matrix the selectors work on (DESIGN §2): float32, row-major in one array,
 * every value finite and no row all zeros. A float64 {@code .npy} is converted to float32 on
 * reading. The selectors L2-normalise the rows themselves ({@link #normalised()}), as DESIGN §2
 * assumes and as the reference does ({@code F.normalize(train_features, dim=1)}), so a user may
 * bring raw encoder outputs.
 */
public final class FeatureMatrix {
    private final float[] data;
    private final int rows;
    private final int cols;
    private final boolean unitRows;

    private FeatureMatrix(float[] data, int rows, int cols, boolean unitRows) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.unitRows = unitRows;
    }

    /** Reads and checks a 2-D float32 or float64 {@code .npy} file; every problem names {@code file}. */
    public static FeatureMatrix read(Path file) {
        NpyArray array = Npy.read(file);
        if (array.type() != NpyType.FLOAT32 && array.type() != NpyType.FLOAT64) {
            throw new BadInputException(file, "features must be float32 or float64, this file holds "
                    + array.type().descr());
        }
        if (array.ndim() != 2) {
            throw new BadInputException(file, "features must be a 2-D array (N rows × d columns), this one has "
                    + array.ndim() + " dimension" + (array.ndim() == 1 ? "" : "s"));
        }
        long[] shape = array.shape();
        if (shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE) {
            // Only possible beside a zero dimension (the data must be in the file): an empty matrix
            // whose other side would wrap around as an int.
            throw new BadInputException(file, "features of shape (" + shape[0] + ", " + shape[1]
                    + ") have a dimension larger than " + Integer.MAX_VALUE);
        }
        if (array.type() == NpyType.FLOAT64) {
            requireFloat32Range(file.toString(), (double[]) array.data(), (int) shape[1]);
        }
        return of(array.toFloats(), (int) shape[0], (int) shape[1], file.toString());
    }

    /**
     * Wraps {@code data} (rows × cols, row-major; not copied) after the checks of this class;
     * {@code subject} names the source in error messages.
     */
    public static FeatureMatrix of(float[] data, int rows, int cols, String subject) {
        if (rows == 0) {
            throw new BadInputException(subject, "has no rows (N = 0): there is nothing to select from");
        }
        if (cols == 0) {
            throw new BadInputException(subject, "rows have no columns (d = 0)");
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(rows + " × " + cols + " does not match " + data.length + " values");
        }
        for (int i = 0; i < rows; i++) {
            boolean allZero = true;
            for (int k = i * cols, end = k + cols; k < end; k++) {
                float v = data[k];
                if (!Float.isFinite(v)) {
                    throw new BadInputException(subject, "row " + i + " (column " + (k - i * cols) + ") holds "
                            + v + "; features must be finite numbers");
                }
                allZero &= v == 0f;
            }
            if (allZero) {
                throw new BadInputException(subject, "row " + i
                        + " is all zeros: it has no direction and cannot be L2-normalised");
            }
        }
        return new FeatureMatrix(data, rows, cols, false);
    }

    private static void requireFloat32Range(String subject, double[] values, int cols) {
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (Double.isFinite(v) && Math.abs(v) > Float.MAX_VALUE) {
                throw new BadInputException(subject, "row " + k / cols + " (column " + k % cols + ") holds " + v
                        + ", too large for float32");
            }
        }
    }

    /**
     * A copy whose rows have unit L2 norm (norms computed in double, values stored as float32);
     * this matrix itself if it is already such a copy, so callers may normalise early to free the raw one.
     */
    public FeatureMatrix normalised() {
        if (unitRows) {
            return this;
        }
        float[] out = new float[data.length];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double sum = 0;
            for (int k = 0; k < cols; k++) {
                double v = data[base + k];
                sum += v * v;
            }
            double inv = 1.0 / Math.sqrt(sum);
            for (int k = 0; k < cols; k++) {
                out[base + k] = (float) (data[base + k] * inv);
            }
        }
        return new FeatureMatrix(out, rows, cols, true);
    }

    /** N, the number of rows (candidate images). */
    public int rows() {
        return rows;
    }

    /** d, the feature dimension. */
    public int cols() {
        return cols;
    }

    /** The row-major values; shared, do not modify. */
    public float[] data() {
        return data;
    }

    /** Value at row {@code i}, column {@code k}. */
    public float get(int i, int k) {
        return data[i * cols + k];
    }
}
