package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

/**
 * Runs a contrastive strategy with a forced screening scheme ({@link ContrastiveSelector.Scheme}),
 * so the exactness tests cover the symmetric screen and the row-block screen alike.
 */
final class Schemes {
    private Schemes() {}

    static ContrastiveScore scoreOf(SelectionStrategy strategy) {
        return switch (strategy) {
            case CONTRASTIVE -> ContrastiveScore.CONTRASTIVE;
            case CONTRASTIVE_MEAN -> ContrastiveScore.MEAN;
            case CONTRASTIVE_NEG -> ContrastiveScore.NEGATIVE;
            default -> throw new IllegalArgumentException(strategy + " is not contrastive");
        };
    }

    /** {@code strategy} on {@code f} with budget M = {@code m} through {@code scheme} and {@code tuning}. */
    static Selection select(SelectionStrategy strategy, FeatureMatrix f, int m, SelectionOptions options,
                            ContrastiveSelector.Scheme scheme, SymmetricScreen.Tuning tuning) {
        Budget budget = Budget.of(m, f.rows());
        PoisonSelector.Choice c = new ContrastiveSelector(scoreOf(strategy), options, scheme, tuning).select(f, budget);
        return new Selection(strategy, f.rows(), budget, c.indices(), c.anchor(), c.anchorScore(), Optional.empty(),
                options, 0);
    }

    /**
     * The selection through the public entry point (automatic scheme), after checking that both
     * forced schemes give the same anchor, the same exact anchor score and the same indices.
     */
    static Selection selectEveryWay(SelectionStrategy strategy, FeatureMatrix f, int m, SelectionOptions options) {
        Selection auto = strategy.select(f, Budget.of(m, f.rows()), options);
        for (ContrastiveSelector.Scheme scheme : new ContrastiveSelector.Scheme[] {
            ContrastiveSelector.Scheme.SYMMETRIC, ContrastiveSelector.Scheme.ROW_BLOCKS}) {
            Selection forced = select(strategy, f, m, options, scheme, SymmetricScreen.Tuning.DEFAULT);
            String what = strategy.cliName() + " " + scheme;
            assertThat(forced.anchor()).as(what).isEqualTo(auto.anchor());
            assertThat(forced.anchorScore()).as(what).isEqualTo(auto.anchorScore());
            assertThat(forced.indices()).as(what).containsExactly(auto.indices());
        }
        return auto;
    }
}
