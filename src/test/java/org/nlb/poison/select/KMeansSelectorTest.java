package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nlb.io.BadInputException;

/** The k-means selector (DESIGN §2). */
class KMeansSelectorTest {
    @Test
    void sameSeedSameSelection() {
        FeatureMatrix f = Fixtures.clusters(4, 30, 6, 0.4, 1);
        Selection a = SelectionStrategy.KMEANS.select(f, Budget.of(20, f.rows()), SelectionOptions.seeded(9).withClusters(4));
        Selection b = SelectionStrategy.KMEANS.select(f, Budget.of(20, f.rows()), SelectionOptions.seeded(9).withClusters(4));
        assertThat(a.indices()).containsExactly(b.indices());
        assertThat(a.clusters().get().sizes()).containsExactly(b.clusters().get().sizes());
    }

    @Test
    void recoversWellSeparatedClustersAndTakesTheFirstMembersInIndexOrder() {
        // Cluster c holds rows c, c+5, c+10, …; each cluster has 40 rows.
        FeatureMatrix f = Fixtures.clusters(5, 40, 8, 0.05, 2);
        for (long seed = 0; seed < 3; seed++) {
            Selection s = SelectionStrategy.KMEANS.select(f, Budget.of(25, f.rows()),
                    SelectionOptions.seeded(seed).withClusters(5));
            assertThat(s.clusters().get().sizes()).containsOnly(40);
            int cluster = s.indices()[0] % 5;
            assertThat(Fixtures.boxed(s.indices())).allMatch(i -> i % 5 == cluster);
            assertThat(s.indices()).isSorted();
            assertThat(s.indices()[0]).isEqualTo(cluster);
            assertThat(s.indices()[24]).isEqualTo(cluster + 5 * 24);
        }
    }

    @Test
    void takesTheSmallestClusterThatHoldsTheBudget() {
        // Sizes 60, 30, 15 in three far-apart groups; M = 20 must come from the 30-row group.
        int[] sizes = {60, 30, 15};
        float[] data = new float[105 * 3];
        int row = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < sizes[c]; i++, row++) {
                data[row * 3 + c] = 1f;
                data[row * 3 + (c + 1) % 3] = 0.01f * (i % 7);
            }
        }
        FeatureMatrix f = FeatureMatrix.of(data, 105, 3, "groups");
        Selection s = SelectionStrategy.KMEANS.select(f, Budget.of(20, 105), SelectionOptions.seeded(1).withClusters(3));
        int[] sorted = s.clusters().get().sizes().clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(15, 30, 60);
        assertThat(s.indices()).containsExactly(java.util.stream.IntStream.range(60, 80).toArray());
    }

    @Test
    void noClusterLargeEnoughIsBadInput() {
        FeatureMatrix f = Fixtures.clusters(4, 10, 4, 0.01, 3);
        assertThatThrownBy(() -> SelectionStrategy.KMEANS.select(f, Budget.of(15, f.rows()),
                SelectionOptions.seeded(0).withClusters(4)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no k-means cluster has M = 15");
    }

    @Test
    void needsAClusterCount() {
        FeatureMatrix f = Fixtures.gaussian(10, 2, 1);
        assertThatThrownBy(() -> SelectionStrategy.KMEANS.select(f, Budget.of(2, 10), SelectionOptions.seeded(0)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--clusters");
    }
}
