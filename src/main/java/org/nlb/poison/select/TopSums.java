package org.nlb.poison.select;

import java.util.Arrays;

/**
 * Sums of the k largest values of a row without sorting it: the per-row step of the contrastive
 * scores (DESIGN §2 needs Σ of the M and of the 2M largest similarities, not their order).
 *
 * <p>A radix selection in two passes over the row: the first counts values per bucket of the top
 * 12 bits of an order-preserving integer key (sign, exponent, 3 mantissa bits), which locates the
 * bucket holding the k-th largest value; the second sums everything above that bucket and gathers
 * the bucket's own values, where a quickselect finds the exact k-th value. The sum of the k largest
 * is then {@code Σ(v > t) + (k − #(v > t))·t} for the k-th largest t, exact for ties. Work is
 * O(N) per row against O(N log k) for a sorted top-k; sums are in double.
 *
 * <p>Not thread-safe: each worker thread owns one instance (it holds scratch space for one row).
 */
final class TopSums {
    private static final int BUCKET_SHIFT = 20;
    private static final int BUCKETS = 1 << (32 - BUCKET_SHIFT);
    private final int[] counts = new int[BUCKETS];
    private final float[] bandSmall;
    private final float[] bandLarge;

    /** Scratch for rows of up to {@code maxLength} values. */
    TopSums(int maxLength) {
        bandSmall = new float[maxLength];
        bandLarge = new float[maxLength];
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
        Arrays.fill(counts, 0);
        int end = from + length;
        for (int j = from; j < end; j++) {
            counts[bucket(row[j])]++;
        }
        int b1 = -1;
        int b2 = -1;
        int above1 = 0;
        int above2 = 0;
        int seen = 0;
        for (int b = BUCKETS - 1; b >= 0 && b2 < 0; b--) {
            int c = counts[b];
            if (b1 < 0 && seen + c >= k1) {
                b1 = b;
                above1 = seen;
            }
            if (seen + c >= k2) {
                b2 = b;
                above2 = seen;
            }
            seen += c;
        }
        double sum1 = 0;
        double sum2 = 0;
        int n1 = 0;
        int n2 = 0;
        boolean shared = b1 == b2;
        for (int j = from; j < end; j++) {
            float v = row[j];
            int b = bucket(v);
            if (b > b2) {
                sum2 += v;
                if (b > b1) {
                    sum1 += v;
                } else if (b == b1) {
                    bandSmall[n1++] = v;
                }
            } else if (b == b2) {
                if (shared) {
                    bandSmall[n1++] = v;
                } else {
                    bandLarge[n2++] = v;
                }
            }
        }
        if (shared) {
            // One bucket holds both cut points: the sum of its k2−above2 largest includes its k1−above1 largest.
            out[0] = sum1 + sumLargest(bandSmall, n1, k1 - above1);
            out[1] = sum2 + sumLargest(bandSmall, n1, k2 - above2);
        } else {
            out[0] = sum1 + sumLargest(bandSmall, n1, k1 - above1);
            out[1] = sum2 + sumLargest(bandLarge, n2, k2 - above2);
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
