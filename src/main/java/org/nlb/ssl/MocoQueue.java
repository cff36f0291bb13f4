package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * MoCo's queue of negative keys (He et al. 2020, arXiv 1911.05722, §3.2), DESIGN §5: a K×D ring
 * buffer of unit rows. Each training step enqueues the batch's keys, overwriting the oldest ones.
 *
 * <p>As in solo-learn ({@code solo/methods/mocov2plus.py}) the queue starts as seeded Gaussian
 * rows normalised to unit length, and MoCo v2+ keeps one queue per view. Unlike solo-learn
 * (which asserts K % B == 0) any batch size wraps around the end, as lightly's
 * {@code MemoryBankModule} is a ring buffer too; a batch larger than K leaves its last K keys.
 *
 * <p>The buffer lives in its own sub-manager; {@link #close()} frees it. Not thread-safe.
 */
public final class MocoQueue implements AutoCloseable {
    /** The queue size of the MoCo paper and of DESIGN §5. */
    public static final int DEFAULT_SIZE = 65_536;

    private final NDManager manager;
    private final NDArray keys;
    private final int size;
    private final int dim;
    private int pointer;

    /**
     * A queue of {@code size} random unit keys of dimension {@code dim}, float32.
     *
     * @param seed draws the initial keys
     */
    public MocoQueue(NDManager parent, int size, int dim, long seed) {
        this(parent, randomUnitRows(size, dim, seed), size, dim, 0);
    }

    private MocoQueue(NDManager parent, float[] contents, int size, int dim, int pointer) {
        if (size < 1 || dim < 1) {
            throw new IllegalArgumentException("queue size and key dimension must be ≥ 1, got " + size + " and " + dim);
        }
        if (contents.length != (long) size * dim) {
            throw new IllegalArgumentException("queue contents must hold " + size + "×" + dim + " values, got "
                    + contents.length);
        }
        if (pointer < 0 || pointer >= size) {
            throw new IllegalArgumentException("queue pointer must be in [0, " + size + "), got " + pointer);
        }
        this.manager = parent.newSubManager();
        this.keys = manager.create(contents, new Shape(size, dim));
        NDScope.unregister(keys); // owned by this queue, not by a caller's scope
        this.size = size;
        this.dim = dim;
        this.pointer = pointer;
    }

    /** A queue restored from {@link #toFloatArray()} and {@link #pointer()}, e.g. from a checkpoint. */
    public static MocoQueue restore(NDManager parent, float[] contents, int dim, int pointer) {
        if (dim < 1 || contents.length % dim != 0) {
            throw new IllegalArgumentException("queue contents of " + contents.length
                    + " values are not whole keys of dimension " + dim);
        }
        return new MocoQueue(parent, contents.clone(), contents.length / dim, dim, pointer);
    }

    public int size() {
        return size;
    }

    public int dim() {
        return dim;
    }

    /** The slot the next key goes to (the oldest key). */
    public int pointer() {
        return pointer;
    }

    /**
     * Adds a batch of keys, L2-normalised (MoCo's keys are unit vectors), replacing the oldest.
     * Row i of the batch goes to slot (pointer + i) mod K, later rows winning.
     *
     * @param batch B×D keys; no gradient is kept
     */
    public void enqueue(NDArray batch) {
        Shape shape = batch.getShape();
        if (shape.dimension() != 2 || shape.get(1) != dim) {
            throw new IllegalArgumentException("keys must be B×" + dim + ", got shape " + shape);
        }
        int b = Math.toIntExact(shape.get(0));
        if (b == 0) {
            return;
        }
        try (NDScope scope = new NDScope()) {
            int kept = Math.min(b, size);
            NDArray unit = batch.stopGradient().get("{}:", b - kept)
                    .normalize(2, 1, 1e-12).toType(DataType.FLOAT32, false);
            int start = (int) ((pointer + (long) (b - kept)) % size);
            int first = Math.min(kept, size - start);
            keys.set(new NDIndex("{}:{}", start, start + first), unit.get("0:{}", first));
            if (first < kept) {
                keys.set(new NDIndex("0:{}", kept - first), unit.get("{}:", first));
            }
            scope.suppressNotUsedWarning();
        }
        pointer = (int) ((pointer + (long) b) % size);
    }

    /**
     * A copy of the K×D keys, attached to {@code target}. Use it as the loss's negatives: the
     * queue is updated in place after the loss, before the backward pass, as in solo-learn (which
     * clones it for the same reason).
     */
    public NDArray snapshot(NDManager target) {
        NDArray copy = keys.duplicate();
        copy.attach(target);
        return copy;
    }

    /** The keys row by row, for checkpoints. */
    public float[] toFloatArray() {
        return keys.toFloatArray();
    }

    @Override
    public void close() {
        manager.close();
    }

    private static float[] randomUnitRows(int size, int dim, long seed) {
        if (size < 1 || dim < 1) {
            throw new IllegalArgumentException("queue size and key dimension must be ≥ 1, got " + size + " and " + dim);
        }
        float[] values = new float[Math.multiplyExact(size, dim)];
        SplittableRandom random = new SplittableRandom(seed);
        for (int row = 0; row < size; row++) {
            double squares = 0;
            double[] v = new double[dim];
            for (int j = 0; j < dim; j++) {
                v[j] = random.nextGaussian();
                squares += v[j] * v[j];
            }
            double norm = Math.max(Math.sqrt(squares), 1e-12);
            for (int j = 0; j < dim; j++) {
                values[row * dim + j] = (float) (v[j] / norm);
            }
        }
        return values;
    }
}
