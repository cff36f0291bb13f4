package org.nlb.poison.select;

import java.util.Arrays;

/**
 * Fixed-size chunks of floats for {@link RowStores}, carved from large slabs and recycled through
 * a free list. Per-row arrays that grow would each be copied by the garbage collector as they
 * survive (measured: seconds of young-collection pauses at N = 45 000); a slab is allocated once,
 * large enough to go straight to the old generation, and is never copied.
 *
 * <p>A chunk is {@link #CHUNK} values plus a guard of {@link RowStores#RUN}, so a run of offered
 * values never needs a room check per value. Chunk ids are ints; {@link #slab} and {@link #base}
 * locate one. Thread-safe: take and give are synchronized (rare: once per {@value #CHUNK} kept
 * values), slabs are published through a volatile array.
 */
final class ChunkPool {
    /** Values per chunk. */
    static final int CHUNK = 512;
    /** Floats per chunk including the guard. */
    static final int SLOT = CHUNK + RowStores.RUN;
    /** Chunks per slab: 4096 × 576 floats ≈ 9.4 MB. */
    private static final int SLOTS_PER_SLAB = 4096;

    private volatile float[][] slabs = new float[0][];
    private int[] free = new int[0];
    private int freeCount;

    /** A free chunk's id, from a new slab if none is free. */
    synchronized int take() {
        if (freeCount == 0) {
            float[][] grown = Arrays.copyOf(slabs, slabs.length + 1);
            grown[slabs.length] = new float[SLOTS_PER_SLAB * SLOT];
            int first = slabs.length * SLOTS_PER_SLAB;
            free = Arrays.copyOf(free, grown.length * SLOTS_PER_SLAB);
            for (int id = first + SLOTS_PER_SLAB - 1; id >= first; id--) {
                free[freeCount++] = id;
            }
            slabs = grown;
        }
        return free[--freeCount];
    }

    /** Returns chunk {@code id} to the pool. */
    synchronized void give(int id) {
        free[freeCount++] = id;
    }

    /** The slab holding chunk {@code id}. */
    float[] slab(int id) {
        return slabs[id / SLOTS_PER_SLAB];
    }

    /** Where chunk {@code id} starts in its slab. */
    static int base(int id) {
        return id % SLOTS_PER_SLAB * SLOT;
    }

    /** Bytes of slabs allocated so far (they are kept until the pool is dropped). */
    long allocatedBytes() {
        return 4L * slabs.length * SLOTS_PER_SLAB * SLOT;
    }
}
