package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;

/** The random and label-aware selectors. */
class RandomAndLabelAwareTest {
    private final FeatureMatrix f = Fixtures.gaussian(100, 3, 1);

    @Test
    void randomIsSeededDistinctAndUniformEnough() {
        Selection a = SelectionStrategy.RANDOM.select(f, Budget.of(30, 100), SelectionOptions.seeded(4));
        Selection b = SelectionStrategy.RANDOM.select(f, Budget.of(30, 100), SelectionOptions.seeded(4));
        Selection c = SelectionStrategy.RANDOM.select(f, Budget.of(30, 100), SelectionOptions.seeded(5));
        assertThat(a.indices()).containsExactly(b.indices()).doesNotHaveDuplicates();
        assertThat(a.indices()).isNotEqualTo(c.indices());
        int[] hits = new int[100];
        for (long seed = 0; seed < 2000; seed++) {
            for (int i : SelectionStrategy.RANDOM.select(f, Budget.of(10, 100), SelectionOptions.seeded(seed)).indices()) {
                hits[i]++;
            }
        }
        // Each index is drawn with probability 0.1: 200 expected hits out of 2000 draws.
        assertThat(Fixtures.boxed(hits)).allMatch(h -> h > 140 && h < 260);
    }

    @Test
    void randomCanTakeEveryRow() {
        Selection all = SelectionStrategy.RANDOM.select(f, Budget.of(100, 100), SelectionOptions.seeded(0));
        assertThat(all.indices()).containsExactlyInAnyOrder(IntStream.range(0, 100).toArray());
    }

    private static Labels labels() {
        // Class 0: 50 rows, class 1: 30 rows, class 2: 20 rows.
        return Labels.numbered(IntStream.range(0, 100).map(i -> i < 50 ? 0 : i < 80 ? 1 : 2).toArray(), 3);
    }

    @Test
    void labelAwareTakesTheTargetClass() {
        Selection s = SelectionStrategy.LABEL_AWARE.select(f, Budget.of(25, 100),
                SelectionOptions.seeded(1).withLabels(labels()).withTarget(1));
        assertThat(s.indices()).hasSize(25).doesNotHaveDuplicates();
        assertThat(Fixtures.boxed(s.indices())).allMatch(i -> i >= 50 && i < 80);
        assertThat(SelectionMetrics.of(s.indices(), labels()).ccr()).isEqualTo(1.0);
    }

    @Test
    void labelAwareDrawsAClassThatHoldsTheBudget() {
        for (long seed = 0; seed < 20; seed++) {
            Selection s = SelectionStrategy.LABEL_AWARE.select(f, Budget.of(40, 100),
                    SelectionOptions.seeded(seed).withLabels(labels()));
            assertThat(Fixtures.boxed(s.indices())).allMatch(i -> i < 50); // only class 0 has 40 images
        }
    }

    @Test
    void labelAwareRefusesTooSmallOrMissingClasses() {
        assertThatThrownBy(() -> SelectionStrategy.LABEL_AWARE.select(f, Budget.of(25, 100),
                SelectionOptions.seeded(1).withLabels(labels()).withTarget(2)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("class 2 has 20 images");
        assertThatThrownBy(() -> SelectionStrategy.LABEL_AWARE.select(f, Budget.of(5, 100),
                SelectionOptions.seeded(1).withLabels(labels()).withTarget(7)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SelectionStrategy.LABEL_AWARE.select(f, Budget.of(5, 100), SelectionOptions.seeded(1)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--labels");
    }

    @Test
    void metricsTakeTheMajorityLabelWithTiesToTheLowerLabel() {
        Labels l = Labels.numbered(new int[] {2, 2, 1, 1, 0, 2, 1}, 3);
        SelectionMetrics m = SelectionMetrics.of(new int[] {0, 1, 2, 3}, l);
        assertThat(m.target()).isEqualTo(1);
        assertThat(m.ccr()).isEqualTo(0.5);
        assertThat(m.histogram()).containsExactly(0, 2, 2);
        SelectionMetrics m2 = SelectionMetrics.of(new int[] {0, 1, 5, 6}, l);
        assertThat(m2.target()).isEqualTo(2);
        assertThat(m2.ccr()).isEqualTo(0.75);
    }
}
