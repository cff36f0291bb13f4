package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contrastive family against hand-worked cases and a naive O(N²) implementation (DESIGN §2).
 * Every selection runs three ways — the automatic scheme, the symmetric screen forced on and the
 * row-block screen forced on — which must agree exactly ({@link Schemes#selectEveryWay}).
 */
class ContrastiveSelectorTest {
    private static final double SIMILARITY_TOLERANCE = 1e-6;

    private static Selection select(SelectionStrategy strategy, FeatureMatrix f, int m, SelectionOptions options) {
        return Schemes.selectEveryWay(strategy, f, m, options);
    }

    private static Selection select(SelectionStrategy strategy, FeatureMatrix f, int m) {
        return select(strategy, f, m, SelectionOptions.seeded(0));
    }

    /*
     * The six points of Fixtures.sixPoints() have this similarity matrix (rows sorted descending):
     *   r0: 1 .8 .6 0 0 0        con (M=2) = 1.8 − 0.6  = 1.2   mean = .9   neg = −0.6
     *   r1: 1 .96 .8 .6 .36 0    con       = 1.96 − 1.4 = 0.56  mean = .98  neg = −1.4
     *   r2: 1 .96 .8 .6 .48 0    con       = 0.56               mean = .98  neg = −1.4
     *   r3: 1 .8 .6 .6 0 0       con       = 1.8 − 1.2  = 0.6   mean = .9   neg = −1.2
     *   r4: 1 .8 0 0 0 0         con       = 1.8 − 0    = 1.8   mean = .9   neg = 0
     *   r5: 1 .8 .6 .48 .36 0    con       = 1.8 − 1.08 = 0.72  mean = .9   neg = −1.08
     * con and neg pick r4 (poison 4, 5); mean ties r1 and r2 exactly and takes r1 (poison 1, 2).
     */
    @Test
    void handWorkedSixPoints() {
        FeatureMatrix f = Fixtures.sixPoints();
        Selection con = select(SelectionStrategy.CONTRASTIVE, f, 2);
        assertThat(con.anchor()).hasValue(4);
        assertThat(con.anchorScore().getAsDouble()).isCloseTo(1.8, within(1e-6));
        assertThat(con.indices()).containsExactly(4, 5);

        Selection mean = select(SelectionStrategy.CONTRASTIVE_MEAN, f, 2);
        assertThat(mean.anchor()).hasValue(1);
        assertThat(mean.anchorScore().getAsDouble()).isCloseTo(0.98, within(1e-6));
        assertThat(mean.indices()).containsExactly(1, 2);

        Selection neg = select(SelectionStrategy.CONTRASTIVE_NEG, f, 2);
        assertThat(neg.anchor()).hasValue(4);
        assertThat(neg.anchorScore().getAsDouble()).isCloseTo(0.0, within(1e-6));
        assertThat(neg.indices()).containsExactly(4, 5);
    }

    @Test
    void handWorkedPoisonOrderBreaksExactTiesByLowerIndex() {
        // Row 3's similarities: 0, .6, .8, 1, 0, .6; the two .6 are exactly equal (rows 1 and 5).
        double[] row3 = ExactRow.similarities(Fixtures.sixPoints().normalised(), 3, 1);
        assertThat(row3[1]).isEqualTo(row3[5]);
        assertThat(ExactRow.largest(row3, 3)).containsExactly(3, 2, 1);
        assertThat(ExactRow.largest(row3, 4)).containsExactly(3, 2, 1, 5);
    }

    @Test
    void duplicatedRowsTieExactlyAndTheLowerIndexIsTheAnchor() {
        // Rows 1, 4 and 6 are the same point e4, orthogonal to the rest: each scores top 3 = 1+1+1,
        // next 3 = 0 (con 3, mean 1), more than any other row; the three tie exactly and row 1 wins.
        FeatureMatrix f = Fixtures.matrix(new double[][] {
            {1, 0, 0, 0}, {0, 0, 0, 2}, {0, 0, 1, 0}, {0.7, 0.7, 0, 0}, {0, 0, 0, 2}, {-1, 0, 0, 0}, {0, 0, 0, 2},
            {0, 0.9, 0.3, 0}});
        for (SelectionStrategy s : new SelectionStrategy[] {SelectionStrategy.CONTRASTIVE, SelectionStrategy.CONTRASTIVE_MEAN}) {
            Selection sel = select(s, f, 3);
            assertThat(sel.anchor()).as(s.cliName()).hasValue(1);
            assertThat(sel.indices()).as(s.cliName()).containsExactly(1, 4, 6);
        }
    }

    @Test
    void allRowsEqualGivesAnchorZeroAndTheFirstMIndices() {
        FeatureMatrix f = Fixtures.matrix(new double[][] {{2, 1}, {2, 1}, {2, 1}, {2, 1}, {2, 1}});
        Selection sel = select(SelectionStrategy.CONTRASTIVE, f, 2);
        assertThat(sel.anchor()).hasValue(0);
        assertThat(sel.indices()).containsExactly(0, 1);
    }

    @ParameterizedTest(name = "N={0} d={1} M={2} seed={3}")
    @CsvSource({"7, 2, 3, 1", "20, 3, 5, 2", "50, 8, 10, 3", "64, 16, 32, 4", "101, 5, 7, 5", "300, 32, 45, 6",
        "257, 64, 1, 7", "4500, 8, 270, 8"}) // the last: rows long enough for TopSums' prefilter
    void agreesWithTheNaiveImplementation(int n, int d, int m, long seed) {
        FeatureMatrix f = Fixtures.gaussian(n, d, seed);
        for (ContrastiveScore score : ContrastiveScore.values()) {
            SelectionStrategy strategy = strategyOf(score);
            NaiveSelection naive = new NaiveSelection(f, score, m);
            Selection sel = select(strategy, f, m);
            assertSameAnswer(naive, sel, score, m);
        }
    }

    @ParameterizedTest(name = "block of {0} rows")
    @CsvSource({"1", "3", "7", "1000"})
    void blockSizeDoesNotChangeTheAnswer(int blockRows) {
        FeatureMatrix f = Fixtures.gaussian(120, 12, 11);
        Selection oneBlock = select(SelectionStrategy.CONTRASTIVE, f, 20, SelectionOptions.seeded(0).withBlockRows(120));
        Selection blocked = select(SelectionStrategy.CONTRASTIVE, f, 20,
                SelectionOptions.seeded(0).withBlockRows(blockRows).withThreads(3));
        assertThat(blocked.anchor()).isEqualTo(oneBlock.anchor());
        assertThat(blocked.indices()).containsExactly(oneBlock.indices());
        assertThat(blocked.anchorScore().getAsDouble()).isEqualTo(oneBlock.anchorScore().getAsDouble());
    }

    @Test
    void anchorSampleOfAllRowsIsTheExactAnswer() {
        FeatureMatrix f = Fixtures.gaussian(90, 10, 12);
        Selection exact = select(SelectionStrategy.CONTRASTIVE, f, 9);
        Selection sampled = select(SelectionStrategy.CONTRASTIVE, f, 9, SelectionOptions.seeded(5).withAnchorSample(90));
        Selection oversampled = select(SelectionStrategy.CONTRASTIVE, f, 9, SelectionOptions.seeded(5).withAnchorSample(1000));
        assertThat(sampled.anchor()).isEqualTo(exact.anchor());
        assertThat(sampled.indices()).containsExactly(exact.indices());
        assertThat(oversampled.indices()).containsExactly(exact.indices());
    }

    @Test
    void anchorSampleScoresOnlyTheSampleButKeepsThePoisonSetExact() {
        FeatureMatrix f = Fixtures.gaussian(200, 8, 13);
        int m = 15;
        NaiveSelection naive = new NaiveSelection(f, ContrastiveScore.CONTRASTIVE, m);
        Selection a = select(SelectionStrategy.CONTRASTIVE, f, m, SelectionOptions.seeded(3).withAnchorSample(10));
        Selection b = select(SelectionStrategy.CONTRASTIVE, f, m, SelectionOptions.seeded(3).withAnchorSample(10));
        assertThat(a.anchor()).isEqualTo(b.anchor());
        assertThat(a.indices()).containsExactly(b.indices());
        int anchor = a.anchor().getAsInt();
        // The anchor is the best of its sample, so its score cannot beat the exact best.
        assertThat(naive.scores[anchor]).isLessThanOrEqualTo(naive.scores[naive.anchor]);
        assertThat(a.anchorScore().getAsDouble())
                .isCloseTo(naive.scores[anchor], within(ContrastiveScore.CONTRASTIVE.tolerance(m, SIMILARITY_TOLERANCE)));
        double[] row = naive.similarity[anchor];
        int[] expected = java.util.stream.IntStream.range(0, f.rows()).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(j -> -row[j]).thenComparingInt(j -> j))
                .limit(m).mapToInt(Integer::intValue).toArray();
        assertThat(a.indices()).containsExactly(expected);
    }

    private static SelectionStrategy strategyOf(ContrastiveScore score) {
        return switch (score) {
            case CONTRASTIVE -> SelectionStrategy.CONTRASTIVE;
            case MEAN -> SelectionStrategy.CONTRASTIVE_MEAN;
            case NEGATIVE -> SelectionStrategy.CONTRASTIVE_NEG;
        };
    }

    /** Same anchor and the same poison list, except where the similarities differ by under 1e-6. */
    static void assertSameAnswer(NaiveSelection naive, Selection sel, ContrastiveScore score, int m) {
        int anchor = sel.anchor().getAsInt();
        String what = score + " M=" + m;
        if (anchor != naive.anchor) {
            assertThat(naive.scores[anchor]).as(what + ": anchor %d instead of %d is no near-tie", anchor, naive.anchor)
                    .isCloseTo(naive.scores[naive.anchor], within(score.tolerance(m, SIMILARITY_TOLERANCE)));
            return;
        }
        // The selector normalises into float32 features, the naive version in double: ~1e-7 per similarity.
        assertThat(sel.anchorScore().getAsDouble()).as(what)
                .isCloseTo(naive.scores[anchor], within(score.tolerance(m, SIMILARITY_TOLERANCE)));
        double[] row = naive.similarity[anchor];
        int[] got = sel.indices();
        for (int k = 0; k < m; k++) {
            if (got[k] != naive.poison[k]) {
                assertThat(row[got[k]]).as(what + ": position %d holds %d, naive %d", k, got[k], naive.poison[k])
                        .isCloseTo(row[naive.poison[k]], within(SIMILARITY_TOLERANCE));
            }
        }
    }
}
