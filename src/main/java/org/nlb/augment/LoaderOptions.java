package org.nlb.augment;

/**
 * How a {@link ViewPairLoader} batches and schedules: batch size (the last partial batch of an
 * epoch is dropped), worker threads, batches kept ready ahead, and the seed of the shuffle and of
 * every augmentation draw.
 *
 * @param batchSize images per batch, at least 1
 * @param threads worker threads that augment, at least 1
 * @param prefetch batches augmented ahead of the consumer, at least 1
 * @param seed the seed of shuffles and augmentations
 */
public record LoaderOptions(int batchSize, int threads, int prefetch, long seed) {
    /** Batches kept ready by default: enough to hide an uneven batch, little memory. */
    public static final int DEFAULT_PREFETCH = 4;

    public LoaderOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, got " + prefetch);
        }
    }

    /** All cores, {@link #DEFAULT_PREFETCH} batches ahead. */
    public static LoaderOptions of(int batchSize, long seed) {
        return new LoaderOptions(batchSize, Runtime.getRuntime().availableProcessors(), DEFAULT_PREFETCH, seed);
    }

    public LoaderOptions withThreads(int n) {
        return new LoaderOptions(batchSize, n, prefetch, seed);
    }

    public LoaderOptions withPrefetch(int k) {
        return new LoaderOptions(batchSize, threads, k, seed);
    }
}
