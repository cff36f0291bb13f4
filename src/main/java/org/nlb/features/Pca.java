package org.nlb.features;

import org.nlb.compute.TorchEngine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Exact principal component analysis of an N × D float matrix: the covariance of the centred
 * rows in double (DJL/PyTorch float64 products over row chunks), its eigenvectors by Commons
 * Math's {@link EigenDecomposition}, the top K by eigenvalue, each with its sign fixed so that its
 * largest-magnitude entry is positive. Deterministic: no random projection, no seed needed.
 */
public final class Pca {
    private static final int CHUNK_ROWS = 4096;

    private final double[] mean;
    private final double[][] components;

    private Pca(double[] mean, double[][] components) {
        this.mean = mean;
        this.components = components;
    }

    /** Fits the top {@code k} components of {@code x} (rows × cols). */
    public static Pca fit(float[] x, int rows, int cols, int k) {
        if (k < 1 || k > cols) {
            throw new IllegalArgumentException("k must be in 1 … " + cols + ", got " + k);
        }
        double[] mean = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                mean[j] += x[i * cols + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        double[] cov = new double[cols * cols];
        try (NDManager manager = TorchEngine.get().newBaseManager()) {
            NDArray mu = manager.create(mean, new Shape(1, cols));
            NDArray sum = manager.zeros(new Shape(cols, cols), DataType.FLOAT64);
            for (int start = 0; start < rows; start += CHUNK_ROWS) {
                int count = Math.min(CHUNK_ROWS, rows - start);
                try (NDManager sub = manager.newSubManager()) {
                    double[] chunk = new double[count * cols];
                    for (int t = 0; t < chunk.length; t++) {
                        chunk[t] = x[start * cols + t];
                    }
                    NDArray centred = sub.create(chunk, new Shape(count, cols)).sub(mu);
                    sum.addi(centred.transpose().matMul(centred));
                }
            }
            cov = sum.toDoubleArray();
        }
        double[][] matrix = new double[cols][cols];
        for (int a = 0; a < cols; a++) {
            for (int b = 0; b < cols; b++) {
                matrix[a][b] = cov[a * cols + b] / Math.max(1, rows - 1);
            }
        }
        return new Pca(mean, topEigenvectors(new Array2DRowRealMatrix(matrix, false), k));
    }

    private static double[][] topEigenvectors(RealMatrix covariance, int k) {
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> values[p] != values[q] ? Double.compare(values[q], values[p])
                : Integer.compare(p, q));
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = eigen.getEigenvector(order[c]).toArray();
            int largest = 0;
            for (int j = 1; j < v.length; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            if (v[largest] < 0) {
                for (int j = 0; j < v.length; j++) {
                    v[j] = -v[j];
                }
            }
            out[c] = v;
        }
        return out;
    }

    /** Coordinates of each row of {@code x} (rows × D) on the components, centred first: rows × K. */
    public float[] project(float[] x, int rows) {
        int cols = mean.length;
        int k = components.length;
        float[] out = new float[rows * k];
        java.util.stream.IntStream.range(0, rows).parallel().forEach(i -> {
            for (int c = 0; c < k; c++) {
                double s = 0;
                double[] v = components[c];
                for (int j = 0; j < cols; j++) {
                    s += (x[i * cols + j] - mean[j]) * v[j];
                }
                out[i * k + c] = (float) s;
            }
        });
        return out;
    }

    /** The number of components K. */
    public int size() {
        return components.length;
    }

    /** Component c as a unit vector of length D. */
    public double[] component(int c) {
        return components[c].clone();
    }
}
