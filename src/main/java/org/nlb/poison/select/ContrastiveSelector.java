package org.nlb.poison.select;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The contrastive family of DESIGN §2 ({@code con}, {@code conp}, {@code conn} of the reference,
 * PKU-ML/nlb {@code main_poison.py}): on L2-normalised rows, {@code S = F Fᵀ} with its diagonal;
 * each row's score comes from the sums of its M and 2M largest entries ({@link ContrastiveScore});
 * the anchor is the row of highest score (lowest index on ties); the poison set is the M rows most
 * similar to the anchor, most similar first, exact ties to the lower index.
 *
 * <p>How: every row is scored from float32 blocks of S (never N × N). When all N rows are scored
 * and its per-row stores fit the heap ({@link #storesFit}), {@link SymmetricScreen} computes each
 * S[i, j] = S[j, i] once, half the products; otherwise (and in the scalable mode below)
 * {@link SimilarityScreen} streams row blocks of S and reduces each row on its own. Both give each
 * row the exact sums of its own float32 entries, so the choice changes speed and memory only.
 * Float32 rounding moves each similarity by about 1e-6, so every row whose screened score is within
 * {@link ContrastiveScore#tolerance} of the best (at most {@value #MAX_RESCORED} of them) is
 * re-scored from its exact double-precision row ({@link ExactRow}) and the best exact score wins.
 * Rows with equal features therefore tie exactly and the lower index wins, as specified.
 *
 * <p>Scalable mode ({@code anchorSample} K &lt; N): only K seeded candidate anchors are scored, so
 * the cost is O(K·N·d) instead of O(N²·d). The anchor is then the best of the sample, which is
 * <em>approximate</em>: it can differ from the exact anchor. The poison set of the chosen anchor
 * is still exact.
 */
final class ContrastiveSelector implements PoisonSelector {
    /** Float32 rounding error of one similarity of unit vectors, the unit of the re-scoring window. */
    static final double SIMILARITY_ERROR = 1e-6;
    /** Most rows re-scored exactly; only exact near-ties among more rows than this could be missed. */
    static final int MAX_RESCORED = 32;

    /** Which screen scores the rows; tests force one or the other. */
    enum Scheme {
        /** {@link SymmetricScreen} when all rows are scored and its stores fit the heap, else row blocks. */
        AUTO,
        /** {@link SymmetricScreen} whenever all rows are scored, whatever the heap. */
        SYMMETRIC,
        /** {@link SimilarityScreen} alone. */
        ROW_BLOCKS
    }

    private final ContrastiveScore score;
    private final SelectionOptions options;
    private final Scheme scheme;
    private final SymmetricScreen.Tuning tuning;

    ContrastiveSelector(ContrastiveScore score, SelectionOptions options) {
        this(score, options, Scheme.AUTO, SymmetricScreen.Tuning.DEFAULT);
    }

    ContrastiveSelector(ContrastiveScore score, SelectionOptions options, Scheme scheme, SymmetricScreen.Tuning tuning) {
        this.score = score;
        this.options = options;
        this.scheme = scheme;
        this.tuning = tuning;
    }

    @Override
    public Choice select(FeatureMatrix features, Budget budget) {
        FeatureMatrix f = features.normalised();
        int m = budget.images();
        int k2 = score == ContrastiveScore.MEAN ? m : 2 * m;
        int threads = options.threadCount();
        int[] candidates = candidates(f.rows());
        double[][] sums;
        try (SimilarityScreen screen = new SimilarityScreen(f, threads)) {
            boolean allRows = candidates.length == f.rows();
            if (allRows && (scheme == Scheme.SYMMETRIC
                    || scheme == Scheme.AUTO && storesFit(SymmetricScreen.peakBytes(f.rows(), k2, tuning)))) {
                sums = new SymmetricScreen(screen, tuning).topSums(m, k2, options.blockRows());
            } else {
                sums = screen.topSums(candidates, m, k2, options.blockRows());
            }
        }
        double[] screened = new double[candidates.length];
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates.length; c++) {
            screened[c] = score.score(sums[0][c], sums[1][c], m);
            best = Math.max(best, screened[c]);
        }
        double floor = best - score.tolerance(m, SIMILARITY_ERROR);
        int[] finalists = IntStream.range(0, candidates.length).filter(c -> screened[c] >= floor).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> -screened[c]).thenComparingInt(c -> c))
                .limit(MAX_RESCORED).mapToInt(c -> candidates[c]).sorted().toArray();
        int anchor = -1;
        double anchorScore = Double.NEGATIVE_INFINITY;
        double[] anchorRow = null;
        for (int row : finalists) {
            double[] similarities = ExactRow.similarities(f, row, threads);
            double[] exact = ExactRow.topSums(similarities, m, k2);
            double s = score.score(exact[0], exact[1], m);
            if (s > anchorScore) { // finalists ascend, so an exact tie keeps the lower index
                anchor = row;
                anchorScore = s;
                anchorRow = similarities;
            }
        }
        int[] poison = ExactRow.largest(anchorRow, m);
        return new Choice(poison, OptionalInt.of(anchor), OptionalDouble.of(anchorScore), Optional.empty());
    }

    /**
     * Whether {@code bytes} of stores fit in three quarters of the free heap (the rest leaves the
     * collector room). Uncollected garbage counts as used, so a "no" is checked again after one
     * full collection, cheap next to the screen. Only speed and memory depend on the answer.
     */
    static boolean storesFit(long bytes) {
        if (bytes <= freeHeap() / 4 * 3) {
            return true;
        }
        System.gc();
        return bytes <= freeHeap() / 4 * 3;
    }

    private static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** All rows, or a seeded sample of {@code anchorSample} of them, ascending. */
    private int[] candidates(int n) {
        int k = options.anchorSample().orElse(n);
        if (k >= n) {
            return IntStream.range(0, n).toArray();
        }
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] sample = Arrays.copyOf(order, k);
        Arrays.sort(sample);
        return sample;
    }
}
