package org.nlb.poison.select;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.nlb.compute.TorchEngine;

/**
 * Streams rows of the similarity matrix {@code S = F Fᵀ} (diagonal included) in blocks of B rows
 * and reduces each row to the sums of its k1 and k2 largest entries (DESIGN §2). Only one B × N
 * block exists at a time, so memory is O(N·d + B·N), never N × N ({@link #autoBlockRows}).
 *
 * <p>Each block is one float32 BLAS product on the DJL PyTorch engine (all cores, see
 * {@link TorchEngine}); the per-row reductions ({@link TopSums}) then run on the worker threads,
 * which read the block in place through a direct buffer. Not thread-safe; close it to free the
 * native copy of F and the workers. {@link SymmetricScreen} shares its native F, its workers and
 * their scratch space, and uses it for the rows its own scheme cannot finish.
 */
final class SimilarityScreen implements AutoCloseable {
    /** Target size of one similarity block: 256 MB of float32… */
    static final long BLOCK_BYTES = 256L << 20;
    /**
     * …but at least this many rows: every product re-packs all of F, so blocks of few rows waste
     * most of the BLAS time on packing (measured: 41 GFLOP per core-second at 64 rows, 76 at 1024).
     */
    static final int MIN_BLOCK_ROWS = 512;
    /** One block must fit one direct buffer (2 GB). */
    private static final long MAX_BLOCK_FLOATS = (Integer.MAX_VALUE - 8) / 4;

    private final FeatureMatrix features;
    private final NDManager manager;
    private final NDArray all;
    private final NDArray transposed;
    private final ExecutorService pool;
    private final TopSums[] workers;
    private final float[][] rows;

    /** {@code normalised}: the L2-normalised features; {@code threads}: workers for the row reductions. */
    SimilarityScreen(FeatureMatrix normalised, int threads) {
        this.features = normalised;
        this.manager = TorchEngine.get().newBaseManager();
        this.all = manager.create(normalised.data(), new Shape(normalised.rows(), normalised.cols()));
        this.transposed = all.transpose();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nlb-similarity");
            t.setDaemon(true);
            return t;
        });
        this.workers = new TopSums[threads];
        this.rows = new float[threads][];
        for (int w = 0; w < threads; w++) {
            workers[w] = new TopSums(normalised.rows());
            rows[w] = new float[normalised.rows()];
        }
    }

    /**
     * Rows per block: {@link #BLOCK_BYTES} worth of N columns, at least {@link #MIN_BLOCK_ROWS}, so
     * for large N a block holds as many values as F itself (d = 512); never more than one direct
     * buffer holds nor more than {@code candidates}.
     */
    static int autoBlockRows(int n, int candidates) {
        long rows = Math.max(MIN_BLOCK_ROWS, BLOCK_BYTES / (4L * n));
        return (int) Math.max(1, Math.min(Math.min(candidates, rows), maxBlockRows(n)));
    }

    static long maxBlockRows(int n) {
        return Math.max(1, MAX_BLOCK_FLOATS / n);
    }

    /**
     * For each row {@code candidates[c]} of S: {@code result[0][c]} = Σ of its {@code k1} largest
     * entries and {@code result[1][c]} = Σ of its {@code k2} largest ({@code blockRows} 0 = automatic).
     */
    double[][] topSums(int[] candidates, int k1, int k2, int blockRows) {
        int n = features.rows();
        int d = features.cols();
        int b = blockRows > 0 ? (int) Math.min(Math.min(blockRows, candidates.length), maxBlockRows(n))
                : autoBlockRows(n, candidates.length);
        double[][] result = new double[2][candidates.length];
        float[] block = new float[b * d];
        for (int start = 0; start < candidates.length; start += b) {
            int count = Math.min(b, candidates.length - start);
            for (int r = 0; r < count; r++) {
                System.arraycopy(features.data(), candidates[start + r] * d, block, r * d, d);
            }
            try (NDManager sub = manager.newSubManager()) {
                NDArray rowsOfF = sub.create(block, new Shape(b, d)).get("0:" + count);
                NDArray similarities = rowsOfF.matMul(transposed);
                FloatBuffer values = similarities.toByteBuffer(true).asFloatBuffer();
                reduce(values, start, count, n, k1, k2, result);
            }
        }
        return result;
    }

    private void reduce(FloatBuffer values, int start, int count, int n, int k1, int k2, double[][] result) {
        onWorkers(worker -> {
            double[] sums = new double[2];
            for (int r = worker; r < count; r += workers.length) {
                values.get(r * n, rows[worker], 0, n);
                workers[worker].compute(rows[worker], 0, n, k1, k2, sums);
                result[0][start + r] = sums[0];
                result[1][start + r] = sums[1];
            }
        });
    }

    /** Runs {@code task(w)} for every worker w = 0 … threads−1 on its own thread and waits for all. */
    void onWorkers(IntConsumer task) {
        List<Future<?>> running = new ArrayList<>(workers.length);
        for (int w = 0; w < workers.length; w++) {
            int worker = w;
            running.add(pool.submit(() -> task.accept(worker)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("similarity worker failed", e.getCause());
            }
        }
    }

    /** The number of workers. */
    int threads() {
        return workers.length;
    }

    /** Worker {@code w}'s row reduction (only that worker may use it). */
    TopSums topSums(int w) {
        return workers[w];
    }

    /** Worker {@code w}'s scratch row of N floats (only that worker may use it). */
    float[] scratchRow(int w) {
        return rows[w];
    }

    /** The L2-normalised features this screen was built on. */
    FeatureMatrix matrix() {
        return features;
    }

    /** The native copy of F (N × d) on {@link #manager()}. */
    NDArray features() {
        return all;
    }

    /** The native manager that owns F; open sub-managers for temporary arrays. */
    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        manager.close();
    }
}
