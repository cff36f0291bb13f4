package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The double-precision similarity row, its top sums and the poison order. */
class ExactRowTest {
    @Test
    void topSumsMatchSorting() {
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(500);
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                row[j] = random.nextInt(4) == 0 ? 0.25 : random.nextGaussian(); // with many ties
            }
            int k1 = 1 + random.nextInt(n);
            int k2 = k1 + random.nextInt(n - k1 + 1);
            double[] expected = SortedRow.topSums(row, k1, k2);
            double[] got = ExactRow.topSums(row, k1, k2);
            assertThat(got[0]).isCloseTo(expected[0], within(1e-9));
            assertThat(got[1]).isCloseTo(expected[1], within(1e-9));
        }
    }

    @Test
    void similaritiesAreDotProductsAndIdenticalForEqualRows() {
        FeatureMatrix f = Fixtures.matrix(new double[][] {{1, 2, 3, 4, 5}, {0.5, 0, 0, 0, -1}, {1, 2, 3, 4, 5}});
        double[] row0 = ExactRow.similarities(f, 0, 2);
        double[] row2 = ExactRow.similarities(f, 2, 1);
        assertThat(row0).containsExactly(55.0, -4.5, 55.0);
        assertThat(row2).containsExactly(row0);
    }

    @Test
    void largestOrdersByValueThenIndex() {
        double[] row = {0.5, 0.9, 0.5, 0.1, 0.9, 0.5};
        assertThat(ExactRow.largest(row, 1)).containsExactly(1);
        assertThat(ExactRow.largest(row, 3)).containsExactly(1, 4, 0);
        assertThat(ExactRow.largest(row, 5)).containsExactly(1, 4, 0, 2, 5);
        assertThat(ExactRow.largest(row, 6)).containsExactly(1, 4, 0, 2, 5, 3);
    }
}
