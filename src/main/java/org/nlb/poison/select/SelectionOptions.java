package org.nlb.poison.select;

import java.util.Optional;
import java.util.OptionalInt;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;

/**
 * Settings of one selection beyond the strategy and budget; checked here, once.
 *
 * @param seed seed of every random choice (random, kmeans, label-aware, anchor sampling)
 * @param anchorSample contrastive family: score only this many seeded candidate anchors
 *     (approximate; the poison set of the chosen anchor stays exact)
 * @param clusters kmeans: the number of clusters K (default: the class count C)
 * @param target label-aware: the class to poison (default: one drawn with the seed)
 * @param labels the true labels, needed by label-aware only
 * @param blockRows contrastive family: rows per similarity block, 0 for automatic (≈ 256 MB)
 * @param threads worker threads, 0 for all cores
 */
public record SelectionOptions(long seed, OptionalInt anchorSample, OptionalInt clusters, OptionalInt target,
                               Optional<Labels> labels, int blockRows, int threads) {
    public SelectionOptions {
        if (anchorSample.isPresent() && anchorSample.getAsInt() < 1) {
            throw new BadInputException("--anchor-sample", "must be at least 1, got " + anchorSample.getAsInt());
        }
        if (clusters.isPresent() && clusters.getAsInt() < 1) {
            throw new BadInputException("--clusters", "must be at least 1, got " + clusters.getAsInt());
        }
        if (target.isPresent() && target.getAsInt() < 0) {
            throw new BadInputException("--target", "must be a class number ≥ 0, got " + target.getAsInt());
        }
        if (blockRows < 0 || threads < 0) {
            throw new IllegalArgumentException("blockRows and threads must be ≥ 0");
        }
    }

    /** Seed only; everything else automatic or absent. */
    public static SelectionOptions seeded(long seed) {
        return new SelectionOptions(seed, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), 0, 0);
    }

    public SelectionOptions withAnchorSample(int k) {
        return new SelectionOptions(seed, OptionalInt.of(k), clusters, target, labels, blockRows, threads);
    }

    public SelectionOptions withClusters(int k) {
        return new SelectionOptions(seed, anchorSample, OptionalInt.of(k), target, labels, blockRows, threads);
    }

    public SelectionOptions withTarget(int t) {
        return new SelectionOptions(seed, anchorSample, clusters, OptionalInt.of(t), labels, blockRows, threads);
    }

    public SelectionOptions withLabels(Labels l) {
        return new SelectionOptions(seed, anchorSample, clusters, target, Optional.of(l), blockRows, threads);
    }

    public SelectionOptions withBlockRows(int rows) {
        return new SelectionOptions(seed, anchorSample, clusters, target, labels, rows, threads);
    }

    public SelectionOptions withThreads(int n) {
        return new SelectionOptions(seed, anchorSample, clusters, target, labels, blockRows, n);
    }

    /** The worker thread count actually used. */
    public int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
