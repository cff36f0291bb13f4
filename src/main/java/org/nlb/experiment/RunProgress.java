package org.nlb.experiment;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The run's progress on stderr (stdout stays for the summary): one line per stage,
 * {@code [3/14] victim-kmeans-s0 (pretrain, 2 epochs on 4,000 images), run ETA 12 min} or
 * {@code [3/14] victim-kmeans-s0 cached}, between which a training stage draws its own progress
 * bar. The ETA counts only training, the bulk of a run: the image-epochs of the pretraining
 * stages not yet done, divided by the images per second measured so far ({@link Throughput}).
 */
final class RunProgress {
    private final PrintWriter err;
    private final int stages;
    private long remainingImageEpochs;
    private final Throughput throughput;
    private int index;

    RunProgress(PrintWriter err, int stages, long imageEpochs) {
        this(err, stages, imageEpochs, new Throughput());
    }

    /**
     * @param stages the number of stages the run has
     * @param imageEpochs images × epochs of all its pretraining stages
     * @param throughput the speed measured so far (shared by the points of a sweep)
     */
    RunProgress(PrintWriter err, int stages, long imageEpochs, Throughput throughput) {
        this.err = err;
        this.stages = stages;
        this.remainingImageEpochs = imageEpochs;
        this.throughput = throughput;
    }

    void cached(Stage<?> stage) {
        index++;
        remainingImageEpochs -= stage.imageEpochs();
        line(String.format(Locale.ROOT, "[%d/%d] %s cached", index, stages, stage.name()));
    }

    void starting(Stage<?> stage, boolean resuming) {
        index++;
        String eta = stage.imageEpochs() > 0 ? ", run " + eta() : "";
        line(String.format(Locale.ROOT, "[%d/%d] %s (%s%s)%s", index, stages, stage.name(), stage.describe(),
                resuming ? ", resuming" : "", eta));
    }

    void finished(Stage<?> stage, double seconds) {
        remainingImageEpochs -= stage.imageEpochs();
    }

    /** A training stage of this process trained {@code images} images (× epochs) in {@code seconds}. */
    void trained(double images, double seconds) {
        throughput.add(images, seconds);
    }

    /** "ETA 12 min" from the measured throughput, or "ETA unknown" before the first measurement. */
    String eta() {
        return throughput.known() ? "ETA " + duration(throughput.secondsFor(remainingImageEpochs)) : "ETA unknown";
    }

    void note(String text) {
        line(text);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    private void line(String text) {
        err.println(text);
        err.flush();
    }
}
