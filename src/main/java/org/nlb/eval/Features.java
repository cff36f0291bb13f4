package org.nlb.eval;

import java.util.Arrays;

/**
 * A feature matrix: {@code rows} × {@code dim} float32 values in row-major order, one row per
 * image (DESIGN §1 step 3). The array is shared, not copied; do not change it after handing it on.
 *
 * @param data the values, {@code rows · dim} of them
 * @param rows number of images
 * @param dim length of one feature vector
 */
public record Features(float[] data, int rows, int dim) {
    public Features {
        if (rows < 0 || dim < 1 || data.length != (long) rows * dim) {
            throw new IllegalArgumentException("a " + rows + " x " + dim + " matrix needs " + (long) rows * dim
                    + " values, got " + data.length);
        }
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        return Arrays.copyOfRange(data, i * dim, (i + 1) * dim);
    }

    /** The rows at {@code indices}, in that order. */
    public Features subset(int[] indices) {
        float[] out = new float[Math.multiplyExact(indices.length, dim)];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(data, java.util.Objects.checkIndex(indices[k], rows) * dim, out, k * dim, dim);
        }
        return new Features(out, indices.length, dim);
    }

    /** A copy with every row scaled to unit L2 norm; an all-zero row has no direction and stays zero. */
    public Features normalised() {
        float[] out = data.clone();
        normaliseRows(out, rows, dim);
        return new Features(out, rows, dim);
    }

    /** A copy with each column's mean (over the rows) subtracted; rows are not rescaled. */
    public Features centred() {
        float[] out = data.clone();
        centreColumns(out, rows, dim);
        return new Features(out, rows, dim);
    }

    /** Subtracts from each column of {@code x} (rows × dim) its mean over the rows, in place. */
    static void centreColumns(float[] x, int rows, int dim) {
        if (rows == 0) {
            return;
        }
        double[] mean = new double[dim];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += x[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= rows;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (x[i * dim + j] - mean[j]);
            }
        }
    }

    /** Scales each row of {@code x} (rows × dim) to unit L2 norm in place; zero rows stay zero. */
    static void normaliseRows(float[] x, int rows, int dim) {
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int k = i * dim, end = k + dim; k < end; k++) {
                sum += (double) x[k] * x[k];
            }
            if (sum == 0) {
                continue;
            }
            double inv = 1.0 / Math.sqrt(sum);
            for (int k = i * dim, end = k + dim; k < end; k++) {
                x[k] = (float) (x[k] * inv);
            }
        }
    }
}
