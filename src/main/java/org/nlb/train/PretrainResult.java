package org.nlb.train;

import java.util.List;

/**
 * What a pretraining run did, for callers and tests to check.
 *
 * @param epochs every finished epoch of the run, resumed ones included, in order
 * @param seconds wall-clock seconds of the epochs this process trained
 * @param imagesPerSecond images per second over the epochs this process trained
 */
public record PretrainResult(List<EpochStats> epochs, double seconds, double imagesPerSecond) {
    public PretrainResult {
        epochs = List.copyOf(epochs);
    }

    /** Mean loss of each epoch, in order. */
    public double[] losses() {
        return epochs.stream().mapToDouble(EpochStats::loss).toArray();
    }

    public EpochStats last() {
        return epochs.get(epochs.size() - 1);
    }
}
