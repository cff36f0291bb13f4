package org.nlb.experiment;

/**
 * The training speed measured so far, in images (× epochs) per second, for ETAs. One run has its
 * own; the points of a sweep share one, so that the second point's ETA and the sweep's use what
 * the first point measured.
 */
final class Throughput {
    private double images;
    private double seconds;

    /** A training stage trained {@code trained} images (× epochs) in {@code took} seconds. */
    void add(double trained, double took) {
        if (trained > 0 && took > 0) {
            images += trained;
            seconds += took;
        }
    }

    double images() {
        return images;
    }

    double seconds() {
        return seconds;
    }

    boolean known() {
        return seconds > 0;
    }

    /** The seconds {@code imageEpochs} would take at the measured speed; only when {@link #known()}. */
    double secondsFor(long imageEpochs) {
        return Math.max(0, imageEpochs) / (images / seconds);
    }
}
