package org.nlb.poison.select;

import java.util.Arrays;

/**
 * Sums of the k largest values of a row without sorting it: the per-row step of the contrastive
 * scores (DESIGN §2 needs Σ of the M and of the 2M largest similarities, not their order).
 *
 * <p>A bucket selection in two passes over the row. The first counts and sums the values per
 * bucket of width 1/2048 over [−1, 1] (cosine similarities; anything outside falls into the end
 * buckets), which locates the buckets holding the k1-th and k2-th largest values and gives the
 * exact sum of everything above them; the second gathers those two buckets' values, where a
 * quickselect finds the exact k-th value. The sum of the k largest is then
 * {@code Σ(buckets above) + Σ(v > t in the bucket) + (k − #above)·t} for the k-th largest t,
 * exact for ties, whatever the distribution (a crowded bucket only makes the quickselect work
 * longer). Work is O(N) per row against O(N log k) for a sorted top-k; sums are in double.
 *
 * <p>Prefilter, for long rows and k2 well below N (the contrastive budget 2M is about 12 % of N):
 * a lower bound L for the k2-th largest is read off a strided sample of {@value #SAMPLE} values
 * (with a margin of four binomial standard deviations), one branch-free pass keeps the values
 * ≥ L, and if at least k2 were kept the two passes above run on those alone; otherwise on the
 * whole row. Every value ≥ the k2-th largest is then kept, in row order, so the same values are
 * summed (only the order of additions within a cut bucket can differ, which double absorbs for
 * similarities); a bad guess costs time, never exactness. It makes the reduction of a CIFAR-scale
 * row (N = 45 000) about 1.6× cheaper.
 *
 * <p>Not thread-safe: each worker thread owns one instance (it holds scratch space for one row).
 */
final class TopSums {
    private static final int BUCKETS = 4096;
    /** Values sampled to place the prefilter's bound; rows shorter than 8 samples' worth skip it. */
    static final int SAMPLE = 512;
    private final int[] counts = new int[BUCKETS];
    private final double[] sums = new double[BUCKETS];
    private final float[] band1;
    private final float[] band2;
    private final float[] kept;
    private final float[] sample = new float[SAMPLE];
    /** The bucket of the last prefilter's bound: the lowest bucket a kept value can fall into. */
    private int keptFloor;

    /** Scratch for rows of up to {@code maxLength} values. */
    TopSums(int maxLength) {
        band1 = new float[maxLength];
        band2 = new float[maxLength];
        kept = new float[maxLength];
    }

    /** The bucket of {@code v}: non-decreasing in v, 0 … 4095 (no NaN). */
    static int bucket(float v) {
        return Math.min(BUCKETS - 1, Math.max(0, (int) ((v + 1f) * (BUCKETS / 2))));
    }

    /**
     * Puts into {@code out[0]} the sum of the {@code k1} largest and into {@code out[1]} the sum of
     * the {@code k2} largest of {@code row[from … from+length)}; requires 1 ≤ k1 ≤ k2 ≤ length.
     */
    void compute(float[] row, int from, int length, int k1, int k2, double[] out) {
        if (k1 < 1 || k1 > k2 || k2 > length) {
            throw new IllegalArgumentException("need 1 ≤ k1 ≤ k2 ≤ length: " + k1 + ", " + k2 + ", " + length);
        }
        int keptCount = prefilter(row, from, length, k2);
        if (keptCount >= k2) {
            bucketSums(kept, 0, keptCount, k1, k2, keptFloor, out);
        } else {
            bucketSums(row, from, length, k1, k2, 0, out);
        }
    }

    /**
     * Copies the values ≥ L of the row into {@link #kept}, in order, and returns how many; L is a
     * guess at a lower bound of the k2-th largest. Returns 0 (nothing kept) when the row is too
     * short or k2 too large for the prefilter to pay.
     */
    int prefilter(float[] row, int from, int length, int k2) {
        if (length < 8 * SAMPLE) {
            return 0;
        }
        double expected = (double) k2 * SAMPLE / length; // sampled values ≥ the k2-th largest, on average
        int q = (int) Math.ceil(expected + 4 * Math.sqrt(expected) + 4);
        if (q > SAMPLE / 3) {
            return 0;
        }
        int stride = length / SAMPLE;
        for (int i = 0; i < SAMPLE; i++) {
            sample[i] = row[from + i * stride];
        }
        float bound = kthLargest(sample, SAMPLE, q);
        if (!Float.isFinite(bound)) {
            return 0;
        }
        // v - bound has its sign bit clear exactly when v ≥ bound, except v = -0 against bound = +0:
        // a bound of -0 instead keeps both zeros.
        bound = bound == 0f ? -0f : bound;
        keptFloor = bucket(bound);
        int n = 0;
        for (int j = from, end = from + length; j < end; j++) {
            float v = row[j];
            kept[n] = v;
            n += (Float.floatToRawIntBits(v - bound) >>> 31) ^ 1; // branch-free: a branch here mispredicts
        }
        return n;
    }

    /**
     * A lower bound on the k-th largest of {@code a[0 … n)}, within one bucket (1/2048) of it:
     * the lower edge of its bucket, found by one branch-free counting pass (−∞ for the lowest
     * bucket, which also holds everything below −1); 1 ≤ k ≤ n.
     */
    float bucketFloor(float[] a, int n, int k) {
        Arrays.fill(counts, 0);
        for (int j = 0; j < n; j++) {
            counts[bucket(a[j])]++;
        }
        int seen = 0;
        int b = BUCKETS - 1;
        while ((seen += counts[b]) < k) {
            b--;
        }
        // Below the edge by a little more than float rounding can move a value across it.
        return b == 0 ? Float.NEGATIVE_INFINITY : (float) b / (BUCKETS / 2) - 1f - 0x1p-20f;
    }

    /**
     * The two bucket passes of the class comment over {@code row[from … from+length)}, whose values
     * all fall into buckets ≥ {@code lowest} (only those are cleared and read).
     */
    void bucketSums(float[] row, int from, int length, int k1, int k2, int lowest, double[] out) {
        int end = from + length;
        Arrays.fill(counts, lowest, BUCKETS, 0);
        Arrays.fill(sums, lowest, BUCKETS, 0);
        for (int j = from; j < end; j++) {
            float v = row[j];
            int b = bucket(v);
            counts[b]++;
            sums[b] += v;
        }
        int cut1 = -1;
        int cut2 = -1;
        int above1 = 0;
        int above2 = 0;
        double sum1 = 0;
        double sum2 = 0;
        int seen = 0;
        double seenSum = 0;
        for (int b = BUCKETS - 1; b >= 0 && cut2 < 0; b--) {
            int c = counts[b];
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
            seenSum += sums[b];
        }
        int n1 = 0;
        int n2 = 0;
        for (int j = from; j < end; j++) {
            float v = row[j];
            int b = bucket(v);
            if (b == cut1) {
                band1[n1++] = v;
            } else if (b == cut2) {
                band2[n2++] = v;
            }
        }
        out[0] = sum1 + sumLargest(band1, n1, k1 - above1);
        // When both cuts fall in one bucket, its values were gathered once, into band1.
        out[1] = sum2 + (cut1 == cut2 ? sumLargest(band1, n1, k2 - above2) : sumLargest(band2, n2, k2 - above2));
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

    /**
     * The k-th largest of {@code a[0 … n)} by a three-way quickselect (reorders {@code a}). The
     * float twin of {@link ExactRow#kthLargest(double[], int, int)}, kept primitive for speed; change
     * both together.
     */
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
