package org.nlb.poison.select;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded per-row stores of similarities for {@link SymmetricScreen}: row i keeps, of the values of
 * row i of S it is shown (in any order, each once), every value ≥ its bound, so that at the end
 * its store yields the exact sums of the row's k1 and k2 largest entries (DESIGN §2) — or says
 * that it cannot.
 *
 * <p>The bound starts at a guess; a store that reaches its {@code limit} is compacted to exactly its
 * k2 largest values (those above its k2-th largest t, plus copies of t) and its bound raised to
 * just above t. This never loses one of the row's k2 largest values as a multiset: the store still
 * holds k2 values ≥ t, so a later value ≤ t can only swap an equal value in. Compaction needs
 * more than k2 values, hence {@code limit ≥ k2 + RUN}. A store that ends with k2 values or more
 * therefore holds the row's top k2 exactly; one that ends with fewer had a guess above the row's
 * k2-th largest (it never compacted), and the caller must recompute that row. A bad guess costs
 * time, never exactness.
 *
 * <p>Stores live in chunks of a {@link ChunkPool}, taken as a row's kept values grow and given
 * back when it is finished, so only rows still receiving values hold memory. Thread safety: each
 * row must be touched by one thread at a time, with a happens-before edge between threads (the
 * screen's barriers give it).
 */
final class RowStores {
    /** The most values one offer may bring: room is checked once per run, not per value. */
    static final int RUN = 64;
    private static final int CHUNK = ChunkPool.CHUNK;

    private final ChunkPool pool = new ChunkPool();
    /** Row r's chunk ids, in order, at {@code chunks[r·maxChunks …]}; chunkCounts[r] of them. */
    private final int[] chunks;
    private final int[] chunkCounts;
    private final int maxChunks;
    private final int[] counts;
    private final float[] bounds;
    private final int k2;
    private final int limit;
    private final AtomicLong compactions = new AtomicLong();

    /**
     * Empty stores for {@code bounds.length} rows, row i keeping values ≥ {@code bounds[i]}
     * (taken over, not copied; −∞ keeps everything), each holding at most {@code limit} values.
     */
    RowStores(float[] bounds, int k2, int limit) {
        if (k2 < 1 || limit < k2 + RUN) {
            throw new IllegalArgumentException("need k2 ≥ 1 and limit ≥ k2 + " + RUN + ": " + k2 + ", " + limit);
        }
        this.maxChunks = limit / CHUNK + 2; // a spilling offer briefly holds one chunk past the count
        this.chunks = new int[Math.multiplyExact(bounds.length, maxChunks)];
        this.chunkCounts = new int[bounds.length];
        this.counts = new int[bounds.length];
        this.bounds = bounds;
        this.k2 = k2;
        this.limit = limit;
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = zeroSafe(bounds[i]);
        }
    }

    /** Ints of bookkeeping per row for a store limit of {@code limit} values (for memory estimates). */
    static int intsPerRow(int limit) {
        return limit / CHUNK + 2 + 3;
    }

    /**
     * The keep test below reads the sign of {@code v − bound}, which is clear exactly when
     * v ≥ bound except for v = −0 against bound = +0; a bound of −0 keeps both zeros instead.
     */
    private static float zeroSafe(float bound) {
        return bound == 0f ? -0f : bound;
    }

    /** Offers row {@code row} the values {@code src[from], src[from+stride], …} ({@code length} ≤ {@link #RUN}). */
    void offer(int row, float[] src, int from, int stride, int length) {
        if (counts[row] + length > limit) {
            compact(row); // counts[row] > limit − RUN ≥ k2: there is something to drop
        }
        int n = counts[row];
        int k = n / CHUNK;
        if (k == chunkCounts[row]) {
            addChunk(row);
        }
        int id = chunks[row * maxChunks + k];
        float[] slab = pool.slab(id);
        int base = ChunkPool.base(id);
        int p = base + n - k * CHUNK;
        float bound = bounds[row];
        for (int r = 0, q = from; r < length; r++, q += stride) {
            float v = src[q];
            slab[p] = v;
            p += (Float.floatToRawIntBits(v - bound) >>> 31) ^ 1; // branch-free: a branch here mispredicts
        }
        int local = p - base;
        if (local > CHUNK) { // into the guard: move the overflow to a new chunk
            int next = addChunk(row);
            System.arraycopy(slab, base + CHUNK, pool.slab(next), ChunkPool.base(next), local - CHUNK);
        }
        counts[row] = k * CHUNK + local;
    }

    /** Offers row {@code row} the contiguous values {@code src[from … from+length)}, any length. */
    void offerAll(int row, float[] src, int from, int length) {
        for (int c = 0; c < length; c += RUN) {
            offer(row, src, from + c, 1, Math.min(RUN, length - c));
        }
    }

    private int addChunk(int row) {
        int id = pool.take();
        chunks[row * maxChunks + chunkCounts[row]++] = id;
        return id;
    }

    /** Copies row {@code row}'s values, in store order, into {@code out[0 … count)} and returns the count. */
    private int gather(int row, float[] out) {
        int n = counts[row];
        for (int c = 0, at = 0; at < n; c++, at += CHUNK) {
            int id = chunks[row * maxChunks + c];
            System.arraycopy(pool.slab(id), ChunkPool.base(id), out, at, Math.min(CHUNK, n - at));
        }
        return n;
    }

    /** Gives back row {@code row}'s chunks from the {@code keep}-th on. */
    private void release(int row, int keep) {
        while (chunkCounts[row] > keep) {
            pool.give(chunks[row * maxChunks + --chunkCounts[row]]);
        }
    }

    private void compact(int row) {
        float[] all = new float[counts[row]]; // rare: a store past its expected size
        int n = gather(row, all);
        float t = TopSums.kthLargest(all, n, k2); // leaves the k2 largest in all[0 … k2)
        for (int c = 0, at = 0; at < k2; c++, at += CHUNK) {
            int id = chunks[row * maxChunks + c];
            System.arraycopy(all, at, pool.slab(id), ChunkPool.base(id), Math.min(CHUNK, k2 - at));
        }
        release(row, (k2 + CHUNK - 1) / CHUNK);
        counts[row] = k2;
        bounds[row] = Math.max(bounds[row], zeroSafe(Math.nextUp(t)));
        compactions.incrementAndGet();
    }

    /**
     * Finishes row {@code row}: if its store holds at least k2 values, puts the sums of its
     * {@code k1} and k2 largest into {@code out} and returns true; else returns false (the row must
     * be recomputed). Gives its chunks back either way; {@code scratch} must hold the row's values.
     */
    boolean finish(int row, int k1, TopSums topSums, float[] scratch, double[] out) {
        int n = gather(row, scratch);
        release(row, 0);
        counts[row] = 0;
        if (n < k2) {
            return false;
        }
        // Every stored value is ≥ the bound, or (after a compaction) ≥ the value just below it.
        topSums.bucketSums(scratch, 0, n, k1, k2, Math.max(0, TopSums.bucket(bounds[row]) - 1), out);
        return true;
    }

    /** How many compactions there were so far (for tests and diagnostics). */
    long compactions() {
        return compactions.get();
    }

    /** Bytes of chunk slabs allocated so far: the stores' peak (for tests and diagnostics). */
    long allocatedBytes() {
        return pool.allocatedBytes();
    }

    /** The current bound of row {@code row} (for tests). */
    float bound(int row) {
        return bounds[row];
    }
}
