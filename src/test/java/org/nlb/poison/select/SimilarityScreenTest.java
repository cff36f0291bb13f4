package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Block sizing and the blocked top sums of S = F Fᵀ. */
class SimilarityScreenTest {
    @Test
    void blocksAreAbout256MbButAtLeast512RowsAndFitOneBuffer() {
        assertThat(SimilarityScreen.autoBlockRows(45_000, 45_000)).isEqualTo(1491); // 268 MB
        assertThat(SimilarityScreen.autoBlockRows(100_000, 100_000)).isEqualTo(671);
        assertThat(SimilarityScreen.autoBlockRows(1_000_000, 1_000_000)).isEqualTo(512);
        assertThat(SimilarityScreen.autoBlockRows(5_000_000, 5_000_000)).isEqualTo(107); // 2 GB buffer limit
        assertThat(SimilarityScreen.autoBlockRows(10, 10)).isEqualTo(10);
        assertThat(SimilarityScreen.autoBlockRows(45_000, 300)).isEqualTo(300);
    }

    @Test
    void topSumsOfEveryRowMatchTheExactRows() {
        FeatureMatrix f = Fixtures.gaussian(70, 9, 21).normalised();
        int[] candidates = {0, 3, 4, 50, 69};
        double[][] sums;
        try (SimilarityScreen screen = new SimilarityScreen(f, 2)) {
            sums = screen.topSums(candidates, 5, 12, 2);
        }
        for (int c = 0; c < candidates.length; c++) {
            double[] exact = ExactRow.topSums(ExactRow.similarities(f, candidates[c], 1), 5, 12);
            assertThat(sums[0][c]).isCloseTo(exact[0], within(5e-6));
            assertThat(sums[1][c]).isCloseTo(exact[1], within(12e-6));
        }
    }
}
