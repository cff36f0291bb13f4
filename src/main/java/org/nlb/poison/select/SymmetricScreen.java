package org.nlb.poison.select;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The top sums of every row of {@code S = F Fᵀ} (DESIGN §2), like {@link SimilarityScreen#topSums},
 * from half the products: S is symmetric, so each entry S[i, j], i &lt; j, is computed once and
 * offered to both row i and row j. At N = 45 000 this halves the BLAS work (~80 % of the row
 * scheme's time) for per-row stores of a few hundred MB ({@link RowStores}, {@link #peakBytes}).
 *
 * <ol>
 *   <li>Guesses: for each row i, a lower bound L_i on its k2-th largest entry, read off S
 *       restricted to {@link Tuning#sampleColumns} strided columns: (the floor of the histogram
 *       bucket of) the q-th largest of those values, where q exceeds the expected count of sampled
 *       values ≥ the k2-th largest by {@link Tuning#marginSigmas} binomial standard deviations.
 *       One product of N × 1024, about 2 % of the full one.
 *   <li>Strips: for row blocks I = [s, s+B), the BLAS products {@code S[I, s…N)} (the diagonal
 *       block in full, then everything to its right), in column chunks of at most
 *       {@link #PRODUCT_BYTES} whose widths are multiples of 16 (oneMKL runs those ~25 % faster;
 *       the strip is widened leftwards and the extra columns skipped). Row i ∈ I is offered its
 *       strip row, which completes it (columns &lt; s came from earlier strips), and is finished
 *       after the last chunk; column j ≥ s+B is offered {@code S[I, j]}, read through 64 × 64 tiles. Rows are split among the
 *       workers by strip row, columns by contiguous ranges, so no two workers share a store.
 *   <li>Recompute: rows whose store ended below k2 values (a guess above the row's k2-th largest,
 *       about 0.1 % of rows at 3σ) are scored by {@link SimilarityScreen} as before.
 * </ol>
 * Every row gets the exact sums of its own float32 entries, as in the row scheme (up to the order
 * of additions in double and the last bit of a float32 product, which the caller's exact
 * re-scoring absorbs). A row's values reach its store in a fixed order, so the sums do not depend
 * on the number of workers.
 *
 * <p>Memory: a store takes chunks as its row receives values and gives them back when the row is
 * finished, so at the middle strip about half the rows hold about half their kept values: about
 * N²·f/4 floats for a kept fraction f ≈ 0.16 (rate 0.6 with 10 classes, k2 = 0.12 N): 370 MB
 * measured at N = 45 000 (estimate 500 MB), ~2 GB at 100 000. {@link ContrastiveSelector} takes
 * this scheme only when the estimate fits the heap.
 */
final class SymmetricScreen {
    /**
     * Knobs of the scheme; {@link #DEFAULT} in use, the others force the rare paths in tests.
     *
     * @param sampleColumns columns sampled for the guesses (at most N are used)
     * @param marginSigmas safety margin of the guesses, in binomial standard deviations (negative:
     *     guesses too high, for tests of the recompute path)
     * @param extraCapacity values a store may hold beyond k2 + {@link RowStores#RUN} before it is
     *     compacted; −1 for automatic (the expected kept count, at least k2/4 more than k2)
     */
    record Tuning(int sampleColumns, double marginSigmas, int extraCapacity) {
        static final Tuning DEFAULT = new Tuning(1024, 3.0, -1);
    }

    /** Tile side for the column offers; one tile column is one offer, so at most {@link RowStores#RUN}. */
    private static final int TILE = RowStores.RUN;
    private static final int ALIGN = 16;
    /**
     * Largest product output: glibc serves blocks under 32 MiB from reused heap memory but maps
     * larger ones fresh, and faulting in fresh pages cost a quarter of the product's CPU time.
     */
    static final long PRODUCT_BYTES = 30L << 20;
    private final SimilarityScreen screen;
    private final Tuning tuning;
    private int recomputedRows;
    private long compactions;
    private long storeBytes;

    /** Runs on the native F and the workers of {@code screen}, which must stay open while in use. */
    SymmetricScreen(SimilarityScreen screen, Tuning tuning) {
        this.screen = screen;
        this.tuning = tuning;
    }

    /** The rank q in a sample of {@code s} of N values that bounds the k2-th largest from below; > s: none. */
    static int guessRank(int n, int k2, Tuning tuning) {
        int s = Math.min(n, tuning.sampleColumns());
        double expected = (double) k2 * s / n;
        return (int) Math.max(1, Math.ceil(expected + tuning.marginSigmas() * Math.sqrt(expected) + 2));
    }

    /** The most values one row's store may hold. */
    static int storeLimit(int n, int k2, Tuning tuning) {
        int s = Math.min(n, tuning.sampleColumns());
        int q = guessRank(n, k2, tuning);
        long expected = q > s ? n : (long) Math.ceil((double) n * q / s);
        long extra = tuning.extraCapacity() >= 0 ? tuning.extraCapacity() : Math.max(k2 / 4, expected * 5 / 4 - k2);
        return (int) Math.min(Integer.MAX_VALUE - 16, k2 + extra + RowStores.RUN);
    }

    /**
     * Heap the stores may take at their peak: at the middle strip, half the rows hold half their
     * kept values (counted at the store limit, to be safe), plus one partly filled chunk and the
     * bookkeeping per row.
     */
    static long peakBytes(int n, int k2, Tuning tuning) {
        int limit = storeLimit(n, k2, tuning);
        double kept = Math.min(n, limit);
        return (long) (4.0 * n * kept / 4) + 4L * n * (ChunkPool.SLOT + RowStores.intsPerRow(limit));
    }

    /**
     * For every row i of S: {@code result[0][i]} = Σ of its {@code k1} largest entries and
     * {@code result[1][i]} = Σ of its {@code k2} largest ({@code blockRows} 0 = automatic).
     */
    double[][] topSums(int k1, int k2, int blockRows) {
        int n = screen.matrix().rows();
        int b = blockRows > 0 ? (int) Math.min(Math.min(blockRows, n), SimilarityScreen.maxBlockRows(n))
                : SimilarityScreen.autoBlockRows(n, n);
        RowStores stores = new RowStores(guesses(n, k2), k2, storeLimit(n, k2, tuning));
        double[][] result = new double[2][n];
        List<List<Integer>> failed = new ArrayList<>();
        for (int w = 0; w < screen.threads(); w++) {
            failed.add(new ArrayList<>());
        }
        for (int start = 0; start < n; start += b) {
            strip(start, Math.min(b, n - start), n, k1, stores, result, failed);
        }
        int[] again = failed.stream().flatMap(List::stream).mapToInt(Integer::intValue).sorted().toArray();
        if (again.length > 0) {
            double[][] sums = screen.topSums(again, k1, k2, blockRows);
            for (int c = 0; c < again.length; c++) {
                result[0][again[c]] = sums[0][c];
                result[1][again[c]] = sums[1][c];
            }
        }
        recomputedRows = again.length;
        compactions = stores.compactions();
        storeBytes = stores.allocatedBytes();
        return result;
    }

    /** Rows the last {@link #topSums} call had to recompute (guess too high). */
    int recomputedRows() {
        return recomputedRows;
    }

    /** Store compactions in the last {@link #topSums} call. */
    long compactions() {
        return compactions;
    }

    /** Bytes of stores the last {@link #topSums} call allocated at its peak. */
    long storeBytes() {
        return storeBytes;
    }

    /** Step 1 of the class comment: L_i for every row, −∞ where the sample is too small to tell. */
    private float[] guesses(int n, int k2) {
        float[] bounds = new float[n];
        int s = Math.min(n, tuning.sampleColumns());
        int q = guessRank(n, k2, tuning);
        if (q > s) {
            Arrays.fill(bounds, Float.NEGATIVE_INFINITY);
            return bounds;
        }
        NDArray f = screen.features();
        FeatureMatrix matrix = screen.matrix();
        int d = matrix.cols();
        int rowsPerBlock = (int) Math.max(1, Math.min(n, PRODUCT_BYTES / (4L * s)));
        try (NDManager sub = screen.manager().newSubManager()) {
            float[] sample = new float[s * d];
            for (int c = 0; c < s; c++) {
                int column = (int) ((c + 0.5) * n / s);
                System.arraycopy(matrix.data(), column * d, sample, c * d, d);
            }
            NDArray sampleT = sub.create(sample, new Shape(s, d)).transpose();
            for (int start = 0; start < n; start += rowsPerBlock) {
                int count = Math.min(rowsPerBlock, n - start);
                int from = start;
                NDArray rows = f.get(start + ":" + (start + count));
                rows.attach(sub);
                NDArray product = rows.matMul(sampleT);
                product.attach(sub);
                FloatBuffer values = product.toByteBuffer(true).asFloatBuffer();
                screen.onWorkers(w -> {
                    float[] scratch = screen.scratchRow(w);
                    for (int r = w; r < count; r += screen.threads()) {
                        values.get(r * s, scratch, 0, s);
                        bounds[from + r] = screen.topSums(w).bucketFloor(scratch, s, q);
                    }
                });
            }
        }
        return bounds;
    }

    /** Step 2 of the class comment for the strip of rows [start, start+b), one column chunk at a time. */
    private void strip(int start, int b, int n, int k1, RowStores stores, double[][] result,
                       List<List<Integer>> failed) {
        // Widened leftwards so that every chunk is a multiple of ALIGN columns wide.
        int first = start - Math.min(start, Math.floorMod(-(n - start), ALIGN));
        int chunk = (int) Math.max(ALIGN, PRODUCT_BYTES / (4L * b) / ALIGN * ALIGN);
        NDArray f = screen.features();
        int threads = screen.threads();
        for (int c0 = first; c0 < n; c0 += chunk) {
            int lo = c0;
            int hi = Math.min(n, c0 + chunk);
            int width = hi - lo;
            try (NDManager sub = screen.manager().newSubManager()) {
                NDArray rows = f.get(start + ":" + (start + b));
                rows.attach(sub);
                NDArray right = f.get(lo + ":" + hi).transpose();
                right.attach(sub);
                NDArray block = rows.matMul(right);
                block.attach(sub);
                FloatBuffer values = block.toByteBuffer(true).asFloatBuffer();
                int rowFrom = Math.max(lo, start); // the strip's rows take columns ≥ start
                int columnFrom = Math.max(lo, start + b); // columns right of the diagonal block
                int columns = Math.max(0, hi - columnFrom);
                screen.onWorkers(w -> {
                    float[] row = screen.scratchRow(w);
                    double[] sums = new double[2];
                    for (int r = w; r < b; r += threads) {
                        values.get(r * width + rowFrom - lo, row, 0, hi - rowFrom);
                        stores.offerAll(start + r, row, 0, hi - rowFrom);
                        if (hi == n) { // the row is complete
                            finish(start + r, k1, stores, w, row, sums, result, failed);
                        }
                    }
                    int from = columnFrom + (int) ((long) columns * w / threads);
                    int to = columnFrom + (int) ((long) columns * (w + 1) / threads);
                    offerColumns(values, width, b, from - lo, to - lo, lo, stores, new float[TILE * TILE]);
                });
            }
        }
    }

    private void finish(int i, int k1, RowStores stores, int w, float[] scratch, double[] sums, double[][] result,
                        List<List<Integer>> failed) {
        if (stores.finish(i, k1, screen.topSums(w), scratch, sums)) {
            result[0][i] = sums[0];
            result[1][i] = sums[1];
        } else {
            failed.get(w).add(i);
        }
    }

    /**
     * Offers every column c ∈ [from, to) of the strip (row-major, {@code width} wide, {@code b}
     * rows, column c being column {@code firstColumn + c} of S) to that column's row, in strip-row
     * order, through TILE × TILE tiles copied into {@code tile} so a column's values share the cache.
     */
    private static void offerColumns(FloatBuffer values, int width, int b, int from, int to, int firstColumn,
                                     RowStores stores, float[] tile) {
        for (int c0 = from; c0 < to; c0 += TILE) {
            int cw = Math.min(TILE, to - c0);
            for (int r0 = 0; r0 < b; r0 += TILE) {
                int rh = Math.min(TILE, b - r0);
                for (int r = 0; r < rh; r++) {
                    values.get((r0 + r) * width + c0, tile, r * TILE, cw);
                }
                for (int c = 0; c < cw; c++) {
                    stores.offer(firstColumn + c0 + c, tile, c, TILE, rh);
                }
            }
        }
    }
}
