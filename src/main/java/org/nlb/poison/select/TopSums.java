package org.nlb.poison.select;

import java.util.Arrays;

/**
 * Sums of the k largest values of a row without sorting it: the per-row step of the contrastive
 * scores (DESIGN §2 needs Σ of the M and of the 2M largest similarities, not their order).
 *
 * <p>A radix selection in two passes over the row. The first counts and sums the values per
 * bucket of the top 12 bits of an order-preserving integer key (sign, exponent, 3 mantissa bits),
 * which locates the buckets holding the k1-th and k2-th largest values and gives the exact sum
 * of everything above them; the second gathers those two buckets' values, where a quickselect
 * finds the exact k-th value. The sum of the k largest is then
 * {@code Σ(buckets above) + Σ(v > t in the bucket) + (k − #above)·t} for the k-th largest t,
 * exact for ties. Work is O(N) per row against O(N log k) for a sorted top-k; sums are in double.
 * The first pass keeps four interleaved histograms so consecutive values that fall into the same
 * bucket do not wait on each other's increments.
 *
 * <p>Not thread-safe: each worker thread owns one instance (it holds scratch space for one row).
 */
final class TopSums {
    private static final int BUCKET_SHIFT = 20;
    private static final int BUCKETS = 1 << (32 - BUCKET_SHIFT);
    private static final int WAYS = 4;
    private final int[] counts = new int[BUCKETS * WAYS];
    private final double[] sums = new double[BUCKETS * WAYS];
    private final float[] band1;
    private final float[] band2;

    /** Scratch for rows of up to {@code maxLength} values. */
    TopSums(int maxLength) {
        band1 = new float[maxLength + 1];
        band2 = new float[maxLength + 1];
    }

    /** A signed int whose order is the order of the floats (-0.0 sorts just below 0.0; no NaN). */
    static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    private static int bucket(float v) {
        return (key(v) >> BUCKET_SHIFT) + BUCKETS / 2;
    }

    /**
     * Puts into {@code out[0]} the sum of the {@code k1} largest and into {@code out[1]} the sum of
     * the {@code k2} largest of {@code row[from … from+length)}; requires 1 ≤ k1 ≤ k2 ≤ length.
     */
    void compute(float[] row, int from, int length, int k1, int k2, double[] out) {
        if (k1 < 1 || k1 > k2 || k2 > length) {
            throw new IllegalArgumentException("need 1 ≤ k1 ≤ k2 ≤ length: " + k1 + ", " + k2 + ", " + length);
        }
        histogram(row, from, from + length);
        int cut1 = -1;
        int cut2 = -1;
        int above1 = 0;
        int above2 = 0;
        double sum1 = 0;
        double sum2 = 0;
        int seen = 0;
        double seenSum = 0;
        for (int b = BUCKETS - 1; b >= 0 && cut2 < 0; b--) {
            int c = counts[b] + counts[b + BUCKETS] + counts[b + 2 * BUCKETS] + counts[b + 3 * BUCKETS];
            if (cut1 < 0 && seen + c >= k1) {
                cut1 = b;
                above1 = seen;
                sum1 = seenSum;
            }
            if (seen + c >= k2) {
                cut2 = b;
                above2 = seen;
                sum2 = seenSum;
            }
            seen += c;
            seenSum += sums[b] + sums[b + BUCKETS] + sums[b + 2 * BUCKETS] + sums[b + 3 * BUCKETS];
        }
        // Gather the two cut buckets without branching: write every value, advance only on a match.
        int n1 = 0;
        int n2 = 0;
        for (int j = from, end = from + length; j < end; j++) {
            float v = row[j];
            int b = bucket(v);
            band1[n1] = v;
            n1 += b == cut1 ? 1 : 0;
            band2[n2] = v;
            n2 += b == cut2 ? 1 : 0;
        }
        out[0] = sum1 + sumLargest(band1, n1, k1 - above1);
        out[1] = sum2 + sumLargest(band2, n2, k2 - above2);
    }

    private void histogram(float[] row, int from, int end) {
        Arrays.fill(counts, 0);
        Arrays.fill(sums, 0);
        int j = from;
        for (; j + 3 < end; j += 4) {
            float v0 = row[j];
            float v1 = row[j + 1];
            float v2 = row[j + 2];
            float v3 = row[j + 3];
            int b0 = bucket(v0);
            int b1 = bucket(v1) + BUCKETS;
            int b2 = bucket(v2) + 2 * BUCKETS;
            int b3 = bucket(v3) + 3 * BUCKETS;
            counts[b0]++;
            sums[b0] += v0;
            counts[b1]++;
            sums[b1] += v1;
            counts[b2]++;
            sums[b2] += v2;
            counts[b3]++;
            sums[b3] += v3;
        }
        for (; j < end; j++) {
            float v = row[j];
            int b = bucket(v);
            counts[b]++;
            sums[b] += v;
        }
    }

    /** Σ of the {@code k} largest of {@code a[0 … n)} (reorders {@code a}); 1 ≤ k ≤ n. */
    static double sumLargest(float[] a, int n, int k) {
        float t = kthLargest(a, n, k);
        double sum = 0;
        int above = 0;
        for (int j = 0; j < n; j++) {
            if (a[j] > t) {
                sum += a[j];
                above++;
            }
        }
        return sum + (double) (k - above) * t;
    }

    /** The k-th largest of {@code a[0 … n)} by a three-way quickselect (reorders {@code a}). */
    static float kthLargest(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (true) {
            if (lo == hi) {
                return a[lo];
            }
            float pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            // Descending three-way partition: [lo, lt) > pivot, [lt, i) == pivot, (gt, hi] < pivot.
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                float v = a[i];
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
    }

    private static float median3(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
