package org.nlb.poison.select;

import java.util.SplittableRandom;

/** Small feature matrices for the selector tests, all generated from a seed. */
final class Fixtures {
    private Fixtures() {}

    /** Rows given literally. */
    static FeatureMatrix matrix(double[][] rows) {
        int d = rows[0].length;
        float[] data = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < d; k++) {
                data[i * d + k] = (float) rows[i][k];
            }
        }
        return FeatureMatrix.of(data, rows.length, d, "test");
    }

    /** N × d standard Gaussian values. */
    static FeatureMatrix gaussian(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[n * d];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return FeatureMatrix.of(data, n, d, "gaussian");
    }

    /**
     * {@code k} well-separated Gaussian clusters of {@code perCluster} rows each, rows interleaved
     * (row i belongs to cluster i % k): centres are scaled one-hot directions, noise is small.
     */
    static FeatureMatrix clusters(int k, int perCluster, int d, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = k * perCluster;
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) ((j == c ? 1.0 : 0.0) + noise * random.nextGaussian());
            }
        }
        return FeatureMatrix.of(data, n, d, "clusters");
    }

    /**
     * The six unit vectors of the hand-worked example, with simple cosines: p0 = e1,
     * p1 = (.8, .6, 0), p2 = (.6, .8, 0), p3 = e2, p4 = e3, p5 = (0, .6, .8).
     */
    static FeatureMatrix sixPoints() {
        return matrix(new double[][] {
            {1, 0, 0}, {0.8, 0.6, 0}, {0.6, 0.8, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0.6, 0.8}});
    }

    /** An int array as a list, for AssertJ's predicate assertions. */
    static java.util.List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
