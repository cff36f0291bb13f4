package org.nlb.eval;

import java.util.SplittableRandom;

/**
 * Generated labeled feature matrices for the probe tests: class k's rows are a fixed random
 * centre plus Gaussian noise, then optionally L2-normalised, like the Gaussian clusters of
 * Tribuo's tests.
 */
final class Clusters {
    final Features features;
    final int[] labels;

    private Clusters(Features features, int[] labels) {
        this.features = features;
        this.labels = labels;
    }

    /** {@code n} rows of {@code dim} in {@code classes} clusters (label {@code i % classes}) with noise {@code spread}. */
    static Clusters gaussian(int n, int dim, int classes, double spread, long centresSeed, long noiseSeed) {
        SplittableRandom centresRng = new SplittableRandom(centresSeed);
        double[][] centres = new double[classes][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = centresRng.nextGaussian();
            }
        }
        SplittableRandom rng = new SplittableRandom(noiseSeed);
        float[] x = new float[n * dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (centres[labels[i]][j] + spread * rng.nextGaussian());
            }
        }
        return new Clusters(new Features(x, n, dim), labels);
    }

    /** The same rows shifted by {@code offset[j]} in dimension j and scaled by {@code factor[j]}. */
    Clusters transformed(float[] offset, float[] factor) {
        float[] x = features.data().clone();
        int d = features.dim();
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * factor[i % d] + offset[i % d];
        }
        return new Clusters(new Features(x, features.rows(), d), labels);
    }

    Clusters normalised() {
        return new Clusters(features.normalised(), labels);
    }
}
