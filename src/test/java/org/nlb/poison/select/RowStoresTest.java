package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-row stores of the symmetric screen against sorting the whole row. */
class RowStoresTest {
    /**
     * Offers {@code row} to store 0 in runs of random lengths (contiguous or, for a copy laid out
     * with a stride, strided), finishes it and returns the sums, or null if the store gave up.
     */
    private static double[] offerAndFinish(RowStores stores, float[] row, int k1, SplittableRandom random) {
        int stride = 3;
        float[] spread = new float[row.length * stride];
        for (int j = 0; j < row.length; j++) {
            spread[j * stride] = row[j];
        }
        for (int at = 0; at < row.length; ) {
            int length = Math.min(row.length - at, 1 + random.nextInt(RowStores.RUN));
            if (random.nextBoolean()) {
                stores.offer(0, spread, at * stride, stride, length);
            } else {
                stores.offerAll(0, row, at, length);
            }
            at += length;
        }
        double[] out = new double[2];
        return stores.finish(0, k1, new TopSums(row.length), new float[row.length], out) ? out : null;
    }

    private static float[] randomRow(String shape, int n, SplittableRandom random) {
        float[] row = new float[n];
        for (int j = 0; j < n; j++) {
            double g = random.nextGaussian();
            row[j] = (float) switch (shape) {
                case "gaussian" -> 0.05 * g;
                case "ties" -> Math.round(4 * g) / 8.0; // a handful of distinct values, many equal
                case "zeros" -> j % 7 == 0 ? 0.3 * Math.abs(g) : (random.nextBoolean() ? 0.0 : -0.0);
                default -> throw new IllegalArgumentException(shape);
            };
        }
        return row;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "ties", "zeros"})
    void aBoundAtOrBelowTheK2thLargestGivesTheExactSumsWithOrWithoutCompaction(String shape) {
        SplittableRandom random = new SplittableRandom(shape.hashCode());
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(3000);
            float[] row = randomRow(shape, n, random);
            int k2 = 1 + random.nextInt(n);
            int k1 = 1 + random.nextInt(k2);
            // A bound anywhere from −∞ up to the k2-th largest itself; a limit from the tightest
            // allowed (compacting often) to one never reached.
            float top = SortedRow.kth(row, k2);
            float bound = random.nextInt(4) == 0 ? Float.NEGATIVE_INFINITY : top - random.nextInt(3) * 0.01f;
            int limit = k2 + RowStores.RUN + (random.nextBoolean() ? random.nextInt(8) : n);
            RowStores stores = new RowStores(new float[] {bound}, k2, limit);
            double[] got = offerAndFinish(stores, row, k1, random);
            double[] expected = SortedRow.topSums(row, k1, k2);
            String what = String.format("%s n=%d k1=%d k2=%d limit=%d", shape, n, k1, k2, limit);
            assertThat(got).as(what).isNotNull();
            assertThat(got[0]).as(what).isCloseTo(expected[0], within(1e-9));
            assertThat(got[1]).as(what).isCloseTo(expected[1], within(1e-9));
        }
    }

    @Test
    void aTightLimitCompactsAndRaisesTheBoundAboveTheDroppedValues() {
        SplittableRandom random = new SplittableRandom(3);
        float[] row = randomRow("gaussian", 5000, random);
        RowStores stores = new RowStores(new float[] {Float.NEGATIVE_INFINITY}, 100, 100 + RowStores.RUN);
        double[] got = offerAndFinish(stores, row, 40, random);
        assertThat(stores.compactions()).isGreaterThan(10);
        assertThat(got).containsExactly(SortedRow.topSums(row, 40, 100), within(1e-9));
    }

    @Test
    void allEqualValuesCompactToExactlyK2AndStopGrowing() {
        float[] row = new float[4000];
        Arrays.fill(row, 0.25f);
        RowStores stores = new RowStores(new float[] {Float.NEGATIVE_INFINITY}, 50, 50 + RowStores.RUN);
        stores.offerAll(0, row, 0, 200);
        assertThat(stores.compactions()).isEqualTo(1);
        assertThat(stores.bound(0)).isGreaterThan(0.25f); // later equal values cannot change the top 50
        stores.offerAll(0, row, 200, 3800);
        assertThat(stores.compactions()).isEqualTo(1);
        double[] out = new double[2];
        assertThat(stores.finish(0, 20, new TopSums(4000), new float[4000], out)).isTrue();
        assertThat(out).containsExactly(5.0, 12.5);
    }

    @Test
    void aBoundAboveTheK2thLargestIsReportedNotGuessed() {
        float[] row = {0.9f, 0.8f, 0.1f, 0.2f, 0.7f, 0.3f};
        RowStores stores = new RowStores(new float[] {0.75f}, 3, 3 + RowStores.RUN); // only 2 values ≥ 0.75
        assertThat(offerAndFinish(stores, row, 1, new SplittableRandom(1))).isNull();
    }

    @Test
    void aZeroBoundKeepsBothZeros() {
        float[] row = {-0f, 0f, -0f, -0.5f, 0f, -1f};
        RowStores stores = new RowStores(new float[] {0f}, 4, 4 + RowStores.RUN);
        double[] got = offerAndFinish(stores, row, 2, new SplittableRandom(2));
        assertThat(got).containsExactly(0.0, 0.0);
        RowStores negative = new RowStores(new float[] {-0f}, 4, 4 + RowStores.RUN);
        assertThat(offerAndFinish(negative, row, 2, new SplittableRandom(2))).containsExactly(0.0, 0.0);
    }

    @Test
    void finishedRowsGiveTheirChunksBack() {
        SplittableRandom random = new SplittableRandom(4);
        int rows = 200;
        RowStores stores = new RowStores(filled(rows, Float.NEGATIVE_INFINITY), 10, 3000);
        TopSums sums = new TopSums(2000);
        float[] scratch = new float[2000];
        double[] out = new double[2];
        for (int r = 0; r < rows; r++) { // one row at a time: 4 chunks each, all recycled
            float[] row = randomRow("gaussian", 2000, random);
            stores.offerAll(r, row, 0, row.length);
            assertThat(stores.finish(r, 5, sums, scratch, out)).isTrue();
            assertThat(out).containsExactly(SortedRow.topSums(row, 5, 10), within(1e-9));
        }
        assertThat(stores.allocatedBytes()).isEqualTo(4L * 4096 * ChunkPool.SLOT); // one slab
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

    @Test
    void rejectsALimitWithoutRoomToCompact() {
        assertThatThrownBy(() -> new RowStores(new float[1], 10, 10 + RowStores.RUN - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
