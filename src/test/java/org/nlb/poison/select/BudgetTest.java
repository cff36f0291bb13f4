package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nlb.io.BadInputException;

/** The budget M = floor(rate · N / C) and its checks. */
class BudgetTest {
    @Test
    void rateMeansRelativeToOneClass() {
        Budget b = Budget.fromRate(0.6, 10, 54000);
        assertThat(b.images()).isEqualTo(3240);
        assertThat(b.describe()).isEqualTo("budget M = floor(0.6 × 54000 / 10) = 3240 images = 6.0 % of N");
        assertThat(Budget.fromRate(0.6, 10, 45000).images()).isEqualTo(2700);
        assertThat(Budget.fromRate(0.6, 10, 45001).images()).isEqualTo(2700);
        assertThat(Budget.fromRate(1, 100, 999).images()).isEqualTo(9);
    }

    @Test
    void evaluatesLikeThePythonReference() {
        // int(0.7 * 10 / 1) is 7 in Python: 0.7 * 10 rounds to exactly 7.0 in double.
        assertThat(Budget.fromRate(0.7, 1, 10).images()).isEqualTo(7);
        // int(0.29 * 100 / 1) is 28 in Python: 0.29 * 100 = 28.999999999999996.
        assertThat(Budget.fromRate(0.29, 1, 100).images()).isEqualTo(28);
    }

    @Test
    void directBudget() {
        Budget b = Budget.of(5, 1000);
        assertThat(b.describe()).isEqualTo("budget M = 5 images = 0.5 % of N");
        assertThat(b.rate()).isEmpty();
        assertThat(Budget.of(1, 5000).describe()).isEqualTo("budget M = 1 images = 0.020 % of N");
    }

    @Test
    void zeroNegativeOrTooLargeBudgetsAreRefused() {
        assertThatThrownBy(() -> Budget.of(0, 10)).isInstanceOf(BadInputException.class)
                .hasMessage("--budget: the budget is 0; it must be at least 1 image");
        assertThatThrownBy(() -> Budget.of(11, 10)).isInstanceOf(BadInputException.class)
                .hasMessage("--budget: the budget of 11 images exceeds the 10 candidate images (N)");
        assertThatThrownBy(() -> Budget.fromRate(0.6, 10, 16)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("floor(0.6 × 16 / 10) = 0");
        assertThatThrownBy(() -> Budget.fromRate(-1, 10, 100)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> Budget.fromRate(0.5, 0, 100)).hasMessageContaining("--classes");
    }

    @Test
    void contrastiveNeedsTwiceTheBudget() {
        FeatureMatrix f = Fixtures.gaussian(9, 2, 1);
        assertThatThrownBy(() -> SelectionStrategy.CONTRASTIVE.select(f, Budget.of(5, 9), SelectionOptions.seeded(0)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs 2M ≤ N; M = 5, N = 9");
        assertThat(SelectionStrategy.RANDOM.select(f, Budget.of(5, 9), SelectionOptions.seeded(0)).indices()).hasSize(5);
    }

    @Test
    void unknownStrategyListsTheValidNames() {
        assertThatThrownBy(() -> SelectionStrategy.parse("con")).isInstanceOf(BadInputException.class)
                .hasMessage("--strategy: unknown strategy 'con'; valid strategies: random, kmeans, contrastive,"
                        + " contrastive-mean, contrastive-neg, label-aware");
        assertThat(SelectionStrategy.parse("contrastive-neg")).isEqualTo(SelectionStrategy.CONTRASTIVE_NEG);
    }
}
