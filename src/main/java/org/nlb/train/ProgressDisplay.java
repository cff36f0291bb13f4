package org.nlb.train;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over the steps this process trains (me.tongfei progressbar): the epoch, the
 * latest loss, images per second and the ETA, redrawn in place on the command's error stream,
 * and a note when a run resumes.
 */
public final class ProgressDisplay implements TrainingListener, AutoCloseable {
    private final PrintWriter err;
    private ProgressBar bar;
    private int epochs;

    public ProgressDisplay(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onStart(TrainingPlan plan) {
        epochs = plan.config().epochs();
        long steps = (long) plan.stepsPerEpoch() * (epochs - plan.history().size());
        if (!plan.history().isEmpty()) {
            err.printf("resuming after epoch %d of %d%n", plan.history().size(), epochs);
        }
        if (steps == 0) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(plan.config().method().cliName())
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .setConsumer(new WriterConsumer(err))
                .build();
    }

    @Override
    public void onStep(StepStats step) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d, loss %.4f, %.0f img/s", step.epoch(), epochs,
                    step.loss(), step.imagesPerSecond()));
            bar.step();
        }
    }

    @Override
    public void onEnd(PretrainResult result) {
        close();
    }

    /** Stops the bar's redraw thread; also when training fails. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Renders onto a {@link PrintWriter} with carriage returns, blanking what a shorter line leaves; a newline when done. */
    private static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter out;
        private int lastLength;

        WriterConsumer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public void accept(String rendered) {
            out.print('\r');
            out.print(rendered);
            out.print(" ".repeat(Math.max(0, lastLength - rendered.length())));
            lastLength = rendered.length();
            out.flush();
        }

        @Override
        public void close() {
            out.println();
            out.flush();
        }
    }
}
