package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The symmetric screen against exact double-precision rows, including its rare paths: store
 * compaction, guesses too high (rows recomputed) and exact ties.
 */
class SymmetricScreenTest {
    private static final SymmetricScreen.Tuning DEFAULT = SymmetricScreen.Tuning.DEFAULT;

    /** Runs the symmetric screen; {@code probe} receives it afterwards for its counters. */
    private static double[][] screen(FeatureMatrix f, int k1, int k2, int blockRows, int threads,
                                     SymmetricScreen.Tuning tuning, java.util.function.Consumer<SymmetricScreen> probe) {
        try (SimilarityScreen rows = new SimilarityScreen(f, threads)) {
            SymmetricScreen screen = new SymmetricScreen(rows, tuning);
            double[][] sums = screen.topSums(k1, k2, blockRows);
            probe.accept(screen);
            return sums;
        }
    }

    private static void assertExact(FeatureMatrix f, double[][] sums, int k1, int k2) {
        for (int i = 0; i < f.rows(); i++) {
            double[] exact = ExactRow.topSums(ExactRow.similarities(f, i, 1), k1, k2);
            // float32 products: about 1e-7 per similarity against the double row
            assertThat(sums[0][i]).as("row %d top %d", i, k1).isCloseTo(exact[0], within(1e-6 * k1));
            assertThat(sums[1][i]).as("row %d top %d", i, k2).isCloseTo(exact[1], within(1e-6 * k2));
        }
    }

    @ParameterizedTest(name = "N={0} d={1} k1={2} k2={3} block={4}")
    @CsvSource({"70, 9, 5, 12, 2", "70, 9, 5, 12, 70", "200, 16, 1, 1, 7", "300, 8, 30, 60, 64",
        "2500, 12, 150, 300, 0", "1100, 4, 10, 1100, 300"})
    void everyRowMatchesItsExactRow(int n, int d, int k1, int k2, int blockRows) {
        FeatureMatrix f = Fixtures.gaussian(n, d, n + d).normalised();
        assertExact(f, screen(f, k1, k2, blockRows, 2, DEFAULT, s -> { }), k1, k2);
    }

    @Test
    void theSumsDoNotDependOnTheNumberOfWorkers() {
        FeatureMatrix f = Fixtures.gaussian(1500, 10, 5).normalised();
        double[][] one = screen(f, 60, 120, 100, 1, DEFAULT, s -> { });
        for (int threads : new int[] {2, 3}) {
            double[][] more = screen(f, 60, 120, 100, threads, DEFAULT, s -> { });
            assertThat(more[0]).as("%d workers", threads).containsExactly(one[0]);
            assertThat(more[1]).as("%d workers", threads).containsExactly(one[1]);
        }
    }

    @Test
    void tightStoresCompactAndStayExact() {
        FeatureMatrix f = Fixtures.gaussian(1200, 8, 6).normalised();
        long[] compactions = new long[1];
        double[][] sums = screen(f, 20, 40, 50, 2, new SymmetricScreen.Tuning(1024, 3.0, 0),
                s -> compactions[0] = s.compactions());
        assertThat(compactions[0]).isGreaterThan(1000);
        assertExact(f, sums, 20, 40);
    }

    @Test
    void guessesTooHighAreRecomputedExactly() {
        FeatureMatrix f = Fixtures.gaussian(800, 8, 7).normalised();
        int[] recomputed = new int[1];
        // q = 1: each guess is (about) the largest sampled value, far above the 80th largest.
        double[][] sums = screen(f, 40, 80, 64, 2, new SymmetricScreen.Tuning(64, -100, -1),
                s -> recomputed[0] = s.recomputedRows());
        assertThat(recomputed[0]).isGreaterThan(700);
        assertExact(f, sums, 40, 80);
    }

    @Test
    void aTinySampleOnlyCostsTime() {
        FeatureMatrix f = Fixtures.gaussian(900, 6, 8).normalised();
        int[] recomputed = new int[1];
        // One sampled column and q = 1: each guess is a single similarity of the row, above its
        // 60th largest for about one row in 15.
        double[][] sums = screen(f, 30, 60, 100, 3, new SymmetricScreen.Tuning(1, -10, -1),
                s -> recomputed[0] = s.recomputedRows());
        assertThat(recomputed[0]).isBetween(10, 200);
        assertExact(f, sums, 30, 60);
    }

    @Test
    void exactTiesAndDuplicateRowsGiveExactSums() {
        // 12 directions, each repeated 50 times, rows interleaved: every row's similarities are 1
        // (50 times, itself included) and a few other values, each repeated 50 times exactly.
        int n = 600;
        int d = 12;
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            int c = i % 12;
            data[i * d + c] = 1f;
            data[i * d + (c + 1) % d] = c % 3 == 0 ? 0f : 0.5f;
        }
        FeatureMatrix f = FeatureMatrix.of(data, n, d, "ties").normalised();
        for (int[] k : new int[][] {{50, 100}, {49, 51}, {60, 120}, {1, 600}}) {
            double[][] sums = screen(f, k[0], k[1], 37, 2, new SymmetricScreen.Tuning(64, 3.0, 0), s -> { });
            assertExact(f, sums, k[0], k[1]);
        }
    }

    @Test
    void theStoresStayWithinTheirEstimate() {
        int n = 6000;
        FeatureMatrix f = Fixtures.gaussian(n, 16, 9).normalised();
        long[] bytes = new long[1];
        screen(f, 360, 720, 0, 2, DEFAULT, s -> bytes[0] = s.storeBytes()); // k2 = 12 % of N, as at CIFAR scale
        long slab = 4L * 4096 * ChunkPool.SLOT; // allocation granularity
        assertThat(bytes[0]).isPositive().isLessThanOrEqualTo(SymmetricScreen.peakBytes(n, 720, DEFAULT) + slab);
    }

    @Test
    void storesOfACifarSizedRunAreEstimatedAtAboutHalfAGigabyte() {
        // The figure the class comment and README quote for N = 45 000, M = 2 700 (k2 = 5 400).
        assertThat(SymmetricScreen.peakBytes(45_000, 5_400, DEFAULT)).isBetween(400_000_000L, 600_000_000L);
        assertThat(SymmetricScreen.peakBytes(100_000, 12_000, DEFAULT)).isBetween(1_500_000_000L, 2_500_000_000L);
    }

    @Test
    void storesFitOnlyWhenTheHeapHasRoom() {
        assertThat(ContrastiveSelector.storesFit(1)).isTrue();
        assertThat(ContrastiveSelector.storesFit(Runtime.getRuntime().maxMemory())).isFalse();
    }
}
