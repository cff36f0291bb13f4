package org.nlb.eval;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Whether a long stage shows a progress bar. It always goes to stderr, never stdout, so that
 * scripts reading a command's output never see it; by default only on an interactive terminal.
 */
public enum Progress {
    /** A bar when the JVM runs on an interactive terminal ({@link System#console()} exists). */
    AUTO,
    /** Always a bar on stderr, e.g. when a user asks for one in a log. */
    ALWAYS,
    /** Never a bar (tests, pipelines). */
    NEVER;

    /** Something that counts work done; closing it ends the bar. */
    public interface Ticker extends AutoCloseable {
        void step(long amount);

        @Override
        void close();
    }

    /** Starts counting {@code total} units of {@code task}. */
    public Ticker start(String task, long total) {
        boolean show = this == ALWAYS || (this == AUTO && System.console() != null);
        if (!show) {
            return new Ticker() {
                @Override
                public void step(long amount) {}

                @Override
                public void close() {}
            };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return new Ticker() {
            @Override
            public void step(long amount) {
                bar.stepBy(amount);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
