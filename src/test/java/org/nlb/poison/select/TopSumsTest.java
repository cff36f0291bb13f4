package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The radix selection against sorting. */
class TopSumsTest {
    private static double[] bySorting(float[] row, int k1, int k2) {
        float[] sorted = row.clone();
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

    private static void check(float[] row, int k1, int k2) {
        double[] out = new double[2];
        new TopSums(row.length).compute(row.clone(), 0, row.length, k1, k2, out);
        double[] expected = bySorting(row, k1, k2);
        assertThat(out[0]).as("k1=%d", k1).isCloseTo(expected[0], within(1e-9));
        assertThat(out[1]).as("k2=%d", k2).isCloseTo(expected[1], within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesSortingOnRandomRows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(3000);
            float[] row = new float[n];
            double scale = random.nextBoolean() ? 0.05 : 1.0;
            for (int j = 0; j < n; j++) {
                row[j] = (float) (scale * random.nextGaussian());
            }
            int k1 = 1 + random.nextInt(n);
            int k2 = k1 + random.nextInt(n - k1 + 1);
            check(row, k1, k2);
        }
    }

    @Test
    void handlesTiesDuplicatesZerosAndExtremes() {
        check(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 1, 3);
        check(new float[] {1f, -0f, 0f, -0f, 0f, -1f}, 2, 5);
        check(new float[] {0.3f, 0.3f, 0.2f, 0.3f, 0.1f, 0.3f}, 2, 5);
        check(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE}, 1, 4);
        check(new float[] {3f, 2f, 1.5f, -2f, -3f, 0.1f, 1.2f}, 2, 6); // outside [-1, 1]: crowded end buckets
        check(new float[] {7f}, 1, 1);
        float[] narrow = new float[1000];
        for (int j = 0; j < narrow.length; j++) {
            narrow[j] = 0.7f + j * 1e-7f; // all in one bucket: the quickselect does all the work
        }
        check(narrow, 100, 200);
        check(narrow, 100, 100);
    }

    @Test
    void worksOnASliceOfALargerArray() {
        float[] data = {9f, 9f, 1f, 2f, 3f, 4f, 9f};
        double[] out = new double[2];
        new TopSums(7).compute(data, 2, 4, 1, 3, out);
        assertThat(out).containsExactly(4.0, 9.0);
    }

    @Test
    void kthLargestFindsOrderStatistics() {
        float[] a = {3f, 1f, 4f, 1f, 5f, 9f, 2f, 6f};
        assertThat(TopSums.kthLargest(a.clone(), a.length, 1)).isEqualTo(9f);
        assertThat(TopSums.kthLargest(a.clone(), a.length, 3)).isEqualTo(5f);
        assertThat(TopSums.kthLargest(a.clone(), a.length, 7)).isEqualTo(1f);
        assertThat(TopSums.kthLargest(a.clone(), a.length, 8)).isEqualTo(1f);
    }

    @Test
    void bucketsFollowTheOrderOfValues() {
        float[] v = {-Float.MAX_VALUE, -1.5f, -1f, -0.99f, -1e-30f, -0f, 0f, 1e-30f, 0.5f, Math.nextDown(1f), 1f,
            Math.nextUp(1f), Float.MAX_VALUE};
        for (int i = 1; i < v.length; i++) {
            assertThat(TopSums.bucket(v[i])).isGreaterThanOrEqualTo(TopSums.bucket(v[i - 1])).isBetween(0, 4095);
        }
        assertThat(TopSums.bucket(-1f)).isZero();
        assertThat(TopSums.bucket(0.5f)).isEqualTo(3072);
        assertThat(TopSums.bucket(2f)).isEqualTo(4095);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> new TopSums(3).compute(new float[3], 0, 3, 2, 4, new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
