package org.nlb.train;

/**
 * One finished epoch, as {@code log.csv} records it.
 *
 * @param epoch 1-based epoch
 * @param step optimiser steps done in the whole run at its end
 * @param loss mean loss over its steps
 * @param learningRate the rate of its last step
 * @param imagesPerSecond images (each with both views: augmentation, forward, backward, update) per second
 * @param seconds its wall-clock duration
 */
public record EpochStats(int epoch, long step, double loss, double learningRate, double imagesPerSecond, double seconds) {
    /** The header of {@code log.csv}. */
    public static final String CSV_HEADER = "epoch,step,loss,lr,images_per_s,seconds";

    public String csvRow() {
        return String.format(java.util.Locale.ROOT, "%d,%d,%.6f,%.6g,%.1f,%.2f", epoch, step, loss, learningRate,
                imagesPerSecond, seconds);
    }
}
