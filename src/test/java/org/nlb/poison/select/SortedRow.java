package org.nlb.poison.select;

import java.util.Arrays;

/**
 * The top-k figures of one similarity row the obvious way, by sorting a copy: the reference the
 * fast paths (TopSums' bucket selection, RowStores, ExactRow's quickselect) are tested against.
 */
final class SortedRow {
    private SortedRow() {}

    /** {Σ of the k1 largest, Σ of the k2 largest} of {@code row}; k1 ≤ k2. */
    static double[] topSums(float[] row, int k1, int k2) {
        double[] widened = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            widened[j] = row[j]; // exact: every float is a double, so order and sums are the same
        }
        return topSums(widened, k1, k2);
    }

    /** {Σ of the k1 largest, Σ of the k2 largest} of {@code row}; k1 ≤ k2. */
    static double[] topSums(double[] row, int k1, int k2) {
        double[] sorted = row.clone();
        Arrays.sort(sorted);
        double s1 = 0;
        double s2 = 0;
        for (int j = 0; j < k2; j++) {
            s2 += sorted[row.length - 1 - j];
            if (j < k1) {
                s1 += sorted[row.length - 1 - j];
            }
        }
        return new double[] {s1, s2};
    }

    /** The k-th largest of {@code row}. */
    static float kth(float[] row, int k) {
        float[] sorted = row.clone();
        Arrays.sort(sorted);
        return sorted[row.length - k];
    }
}
