package org.nlb.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seeded pretrain/downstream split of DESIGN §1. */
class PretrainSplitTest {
    @Test
    void theSameSeedGivesTheSameSplit() {
        PretrainSplit a = PretrainSplit.draw(1000, 0.9, 42);
        PretrainSplit b = PretrainSplit.draw(1000, 0.9, 42);

        assertThat(a.pretrain()).isEqualTo(b.pretrain());
        assertThat(a.downstream()).isEqualTo(b.downstream());
        assertThat(a.seed()).isEqualTo(42);
    }

    @Test
    void anotherSeedGivesAnotherSplit() {
        PretrainSplit a = PretrainSplit.draw(1000, 0.9, 1);
        PretrainSplit b = PretrainSplit.draw(1000, 0.9, 2);

        assertThat(a.downstream()).isNotEqualTo(b.downstream());
    }

    @Test
    void theSplitIsNotTheIdentity() {
        // A shuffle that did nothing would put the last 10 % downstream.
        int[] tail = IntStream.range(900, 1000).toArray();
        assertThat(PretrainSplit.draw(1000, 0.9, 0).downstream()).isNotEqualTo(tail);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 9, 10, 11, 1000, 60000})
    void partsAreDisjointAscendingCoverEverythingAndHaveFloorSizes(int n) {
        PretrainSplit split = PretrainSplit.draw(n, 0.9, 7);

        assertThat(split.pretrain()).hasSize((int) Math.floor(n * 0.9));
        assertThat(split.downstream()).hasSize(n - (int) Math.floor(n * 0.9));
        assertThat(split.pretrain()).isSorted();
        assertThat(split.downstream()).isSorted();
        int[] all = IntStream.concat(Arrays.stream(split.pretrain()), Arrays.stream(split.downstream())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, n).toArray()); // disjoint and complete
    }

    @Test
    void otherFractionsRoundDown() {
        assertThat(PretrainSplit.draw(10, 0.55, 0).pretrain()).hasSize(5);
        assertThat(PretrainSplit.draw(60000, PretrainSplit.DEFAULT_PRETRAIN_FRACTION, 0).pretrain()).hasSize(54000);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
    void fractionMustBeStrictlyBetweenZeroAndOne(double fraction) {
        assertThatThrownBy(() -> PretrainSplit.draw(10, fraction, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
