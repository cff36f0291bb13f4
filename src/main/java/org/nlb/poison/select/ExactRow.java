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
                out[j] = dot(anchor, x, j * d, d);
            }
        }).toArray(Runnable[]::new);
        runAll(parts);
        return out;
    }

    /**
     * {@code Σ a[k]·x[base+k]} in double with four partial sums (a fixed order, so the result
     * depends only on the two rows; independent sums let the CPU overlap the additions).
     */
    static double dot(double[] a, float[] x, int base, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < d; k += 4) {
            s0 += a[k] * x[base + k];
            s1 += a[k + 1] * x[base + k + 1];
            s2 += a[k + 2] * x[base + k + 2];
            s3 += a[k + 3] * x[base + k + 3];
        }
        for (; k < d; k++) {
            s0 += a[k] * x[base + k];
        }
        return (s0 + s1) + (s2 + s3);
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

    /** {Σ of the k1 largest, Σ of the k2 largest} of {@code row}; 1 ≤ k1 ≤ k2 ≤ length. */
    static double[] topSums(double[] row, int k1, int k2) {
        double[] a = row.clone();
        kthLargest(a, a.length, k2); // now a[0 … k2) holds the k2 largest, unordered
        double s2 = 0;
        for (int j = 0; j < k2; j++) {
            s2 += a[j];
        }
        kthLargest(a, k2, k1); // and a[0 … k1) the k1 largest of those
        double s1 = 0;
        for (int j = 0; j < k1; j++) {
            s1 += a[j];
        }
        return new double[] {s1, s2};
    }

    /**
     * The k-th largest of {@code a[0 … n)} by a three-way quickselect, leaving the k largest in
     * {@code a[0 … k)} (in some order). {@link TopSums#kthLargest(float[], int, int)} is the same
     * algorithm on floats, kept apart on purpose: Java generics do not reach primitives, and boxing
     * or an element accessor would slow TopSums' per-row hot loop. Change both together.
     */
    static double kthLargest(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (lo < hi) {
            double x = a[lo];
            double y = a[(lo + hi) >>> 1];
            double z = a[hi];
            double pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = a[i];
                if (v > pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v < pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (target < lt) {
                hi = lt - 1;
            } else if (target > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[target];
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
