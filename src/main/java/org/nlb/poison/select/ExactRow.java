package org.nlb.poison.select;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * One row of the similarity matrix, {@code S[a, j] = F[a]·F[j]} for every j, computed in double
 * from the float32 features: deterministic (a row's values depend only on the two feature rows,
 * so duplicated rows give exactly tied similarities) and more precise than the float32 product.
 * Used to re-score the best anchors and to order the poison set (DESIGN §2).
 */
final class ExactRow {
    private ExactRow() {}

    /** {@code S[a, ·]} in double, computed on {@code threads} threads. */
    static double[] similarities(FeatureMatrix f, int a, int threads) {
        int n = f.rows();
        int d = f.cols();
        float[] x = f.data();
        double[] anchor = new double[d];
        for (int k = 0; k < d; k++) {
            anchor[k] = x[a * d + k];
        }
        double[] out = new double[n];
        int chunk = Math.max(1, (n + threads - 1) / threads);
        Runnable[] parts = IntStream.range(0, threads).mapToObj(t -> (Runnable) () -> {
            for (int j = t * chunk, end = Math.min(n, (t + 1) * chunk); j < end; j++) {
                double s = 0;
                int base = j * d;
                for (int k = 0; k < d; k++) {
                    s += anchor[k] * x[base + k];
                }
                out[j] = s;
            }
        }).toArray(Runnable[]::new);
        runAll(parts);
        return out;
    }

    private static void runAll(Runnable[] parts) {
        if (parts.length == 1) {
            parts[0].run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts.length);
        try {
            pool.invokeAll(Arrays.stream(parts).map(java.util.concurrent.Executors::callable).toList())
                    .forEach(f -> {
                        try {
                            f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException("similarity row failed", e);
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {Σ of the k1 largest, Σ of the k2 largest} of {@code row}. */
    static double[] topSums(double[] row, int k1, int k2) {
        double[] sorted = row.clone();
        Arrays.sort(sorted);
        double s1 = 0;
        double s2 = 0;
        for (int j = 0; j < k2; j++) {
            double v = sorted[sorted.length - 1 - j];
            s2 += v;
            if (j < k1) {
                s1 += v;
            }
        }
        return new double[] {s1, s2};
    }

    /**
     * The {@code m} indices with the largest values of {@code row}, largest first; equal values in
     * ascending index order (DESIGN §2: exact ties go to the lower index).
     */
    static int[] largest(double[] row, int m) {
        double[] sorted = row.clone();
        Arrays.sort(sorted);
        double threshold = sorted[row.length - m];
        Integer[] picked = new Integer[m];
        int count = 0;
        for (int j = 0; j < row.length; j++) {
            if (row[j] > threshold) {
                picked[count++] = j;
            }
        }
        for (int j = 0; j < row.length && count < m; j++) {
            if (row[j] == threshold) {
                picked[count++] = j;
            }
        }
        Arrays.sort(picked, (p, q) -> p.intValue() == q.intValue() ? 0
                : row[p] != row[q] ? Double.compare(row[q], row[p]) : Integer.compare(p, q));
        return Arrays.stream(picked).mapToInt(Integer::intValue).toArray();
    }
}
