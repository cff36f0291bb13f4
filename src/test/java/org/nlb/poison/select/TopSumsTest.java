package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The radix selection against sorting, and its prefilter against the radix selection alone. */
class TopSumsTest {
    private static void check(float[] row, int k1, int k2) {
        double[] out = new double[2];
        new TopSums(row.length).compute(row.clone(), 0, row.length, k1, k2, out);
        double[] expected = SortedRow.topSums(row, k1, k2);
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

    /** Long rows of several shapes, where the prefilter applies (N ≥ 8 samples' worth, k2 ≤ ~20 % of N). */
    private static float[] longRow(String shape, int n, SplittableRandom random) {
        float[] row = new float[n];
        for (int j = 0; j < n; j++) {
            double g = random.nextGaussian();
            row[j] = (float) switch (shape) {
                case "gaussian" -> g / Math.sqrt(512);
                case "clustered" -> j % 10 == 3 ? 0.8 + 0.01 * g : 0.05 * g; // a tenth of the row near 0.8
                case "ties" -> Math.round(4 * g) / 4.0; // a handful of distinct values
                case "zeros" -> j % 50 == 0 ? Math.abs(g) : (random.nextBoolean() ? 0.0 : -0.0);
                default -> throw new IllegalArgumentException(shape);
            };
        }
        if (random.nextBoolean()) {
            Arrays.sort(row); // ascending: the sample sees every part of the row anyway
        }
        return row;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "clustered", "ties", "zeros"})
    void prefilterGivesTheSameSumsBitForBit(String shape) {
        SplittableRandom random = new SplittableRandom(shape.hashCode());
        for (int trial = 0; trial < 12; trial++) {
            int n = 8 * TopSums.SAMPLE + random.nextInt(40_000);
            float[] row = longRow(shape, n, random);
            int k2 = 1 + random.nextInt(n / 5);
            int k1 = 1 + random.nextInt(k2);
            TopSums sums = new TopSums(n);
            double[] filtered = new double[2];
            double[] whole = new double[2];
            sums.compute(row, 0, n, k1, k2, filtered);
            sums.bucketSums(row, 0, n, k1, k2, 0, whole);
            assertThat(filtered).as("%s n=%d k1=%d k2=%d", shape, n, k1, k2).containsExactly(whole);
            check(row, k1, k2);
        }
    }

    @Test
    void prefilterKeepsAFewValuesOfATypicalRowAndAtLeastTheK2Largest() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 45_000;
        int k2 = 5_400; // 2M at the CIFAR-10 scale, 12 % of N
        float[] row = longRow("gaussian", n, random);
        int kept = new TopSums(n).prefilter(row, 0, n, k2);
        assertThat(kept).isBetween(k2, n / 4);
    }

    @Test
    void aMisleadingSampleFallsBackToTheWholeRow() {
        // The sampled positions (multiples of the stride) hold the largest values: the bound lands
        // above the k2-th largest, too few values pass it, and the whole row is used instead.
        int n = 16 * TopSums.SAMPLE;
        int stride = n / TopSums.SAMPLE;
        float[] row = new float[n];
        for (int j = 0; j < n; j++) {
            row[j] = j % stride == 0 ? 0.9f : 0.1f * (j % 7) / 7;
        }
        int k2 = n / 8;
        TopSums sums = new TopSums(n);
        assertThat(sums.prefilter(row, 0, n, k2)).isLessThan(k2);
        check(row, k2 / 2, k2);
    }

    @Test
    void prefilterWorksOnASliceOfALargerArray() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 10 * TopSums.SAMPLE;
        float[] padded = new float[n + 200];
        Arrays.fill(padded, 5f); // outside the slice, larger than anything inside
        System.arraycopy(longRow("gaussian", n, random), 0, padded, 100, n);
        float[] slice = Arrays.copyOfRange(padded, 100, 100 + n);
        double[] out = new double[2];
        new TopSums(padded.length).compute(padded, 100, n, 300, 600, out);
        assertThat(out).containsExactly(wholeRowSums(slice, 300, 600));
    }

    /** {@link TopSums#bucketSums} alone on the whole row, for exact comparison. */
    private static double[] wholeRowSums(float[] row, int k1, int k2) {
        double[] out = new double[2];
        new TopSums(row.length).bucketSums(row.clone(), 0, row.length, k1, k2, 0, out);
        return out;
    }

    @Test
    void worksOnASliceOfALargerArray() {
        float[] data = {9f, 9f, 1f, 2f, 3f, 4f, 9f};
        double[] out = new double[2];
        new TopSums(7).compute(data, 2, 4, 1, 3, out);
        assertThat(out).containsExactly(4.0, 9.0);
    }

    @Test
    void bucketFloorIsALowerBoundWithinOneBucketOfTheKthLargest() {
        SplittableRandom random = new SplittableRandom(12);
        TopSums sums = new TopSums(2000);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(2000);
            float[] a = new float[n];
            for (int j = 0; j < n; j++) {
                a[j] = random.nextInt(5) == 0 ? 0.5f : (float) (0.3 * random.nextGaussian()); // ties too
            }
            int k = 1 + random.nextInt(n);
            float kth = TopSums.kthLargest(a.clone(), n, k);
            float floor = sums.bucketFloor(a, n, k);
            assertThat(floor).as("n=%d k=%d", n, k).isLessThanOrEqualTo(kth);
            if (kth > -1f + 1f / 1024 && kth < 1f) { // the end buckets also hold everything outside [-1, 1]
                assertThat(kth - floor).as("n=%d k=%d", n, k).isLessThan(1f / 2048 + 1e-5f);
            }
        }
        assertThat(sums.bucketFloor(new float[] {-1f, -3f}, 2, 2)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(sums.bucketFloor(new float[] {5f, 0.5f}, 2, 1)).isLessThan(1f);
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
