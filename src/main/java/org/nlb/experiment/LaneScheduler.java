package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;

/**
 * Trains a run's encoders {@code lanes} at a time, each {@link LaneTask} in its own process with
 * its share of the threads, all writing into the run's stage store. On 2 cores two one-thread
 * processes train 25–40 % more images per second than one two-thread process (BENCHMARKS.md,
 * "Lanes"); they must be processes, not threads, because DJL's gradient collector is one per
 * process. A seed's victims start once its clean task has written the poison sets. The results
 * are those of a one-lane run with a lane's thread count (part of the pretraining stages' keys).
 * A lane's threads are fixed, so while fewer tasks than lanes are ready (a one-seed run's clean
 * task, the last task) a core idles.
 *
 * <p>Each task's stderr (its stage lines and progress bar) goes to {@code DIR/lanes/<task>.log};
 * its stdout reports the images it trained and the seconds that took, for the run's ETA. When a
 * task fails the others are stopped and its error line is raised; a killed run continues from
 * the finished stages and the victims' checkpoints like a one-lane run.
 */
final class LaneScheduler {
    static final String LANES_DIR = "lanes";

    /** Starts a task's process: its stderr into {@code log}, its stdout into {@code report}. */
    interface Launcher {
        Process start(LaneTask task, int threads, Path log, Path report) throws IOException;
    }

    private record Running(int lane, LaneTask task, Process process, Path log, Path report, long started) {}

    private final Launcher launcher;
    private final int lanes;
    private final int threads;
    private final Path logDir;
    private final List<Long> seeds;
    private final List<String> selectors;
    private final long cleanImageEpochs;
    private final long victimImageEpochs;
    private final PrintWriter err;
    private final Throughput throughput = new Throughput();

    /**
     * @param lanes processes at once
     * @param threads threads of each
     * @param runDir the run directory; logs go to its {@code lanes/}
     * @param seeds the run seeds
     * @param selectors the selectors, one victim each per seed
     * @param cleanImageEpochs images × epochs a clean task trains, for the ETA
     * @param victimImageEpochs images × epochs a victim task trains
     * @param err progress lines
     */
    LaneScheduler(Launcher launcher, int lanes, int threads, Path runDir, List<Long> seeds, List<String> selectors,
                  long cleanImageEpochs, long victimImageEpochs, PrintWriter err) {
        this.launcher = launcher;
        this.lanes = lanes;
        this.threads = threads;
        this.logDir = runDir.resolve(LANES_DIR);
        this.seeds = List.copyOf(seeds);
        this.selectors = List.copyOf(selectors);
        this.cleanImageEpochs = cleanImageEpochs;
        this.victimImageEpochs = victimImageEpochs;
        this.err = err;
    }

    int taskCount() {
        return seeds.size() * (1 + selectors.size());
    }

    /**
     * Runs every task; the clean tasks first, so that as many victims as possible can run at once.
     *
     * @param firstLine the progress line number of the first task
     * @param lines the run's progress line count
     */
    void run(int firstLine, int lines) {
        AtomicOutput.ensureDirectory(logDir);
        Deque<LaneTask> ready = new ArrayDeque<>();
        seeds.forEach(s -> ready.add(LaneTask.clean(s)));
        long remaining = seeds.size() * (cleanImageEpochs + selectors.size() * victimImageEpochs);
        BlockingQueue<Running> exited = new LinkedBlockingQueue<>();
        Map<Integer, Running> running = new ConcurrentHashMap<>();
        Thread stopper = new Thread(() -> running.values().forEach(r -> r.process().destroy()));
        Runtime.getRuntime().addShutdownHook(stopper);
        int line = firstLine;
        try {
            int finished = 0;
            while (finished < taskCount()) {
                for (int lane = 1; lane <= lanes && !ready.isEmpty(); lane++) {
                    if (!running.containsKey(lane)) {
                        Running r = start(lane, ready.poll());
                        running.put(lane, r);
                        r.process().onExit().thenRun(() -> exited.add(r));
                        say(String.format(Locale.ROOT, "[%d/%d] lane %d: %s (log: %s/%s)%s", line++, lines, lane,
                                r.task().describe(), LANES_DIR, r.log().getFileName(), eta(remaining)));
                    }
                }
                Running done = exited.take();
                running.remove(done.lane());
                checkExit(done);
                finished++;
                remaining -= done.task().selector().isPresent() ? victimImageEpochs : cleanImageEpochs;
                double trained = readReport(done);
                double minutes = (System.nanoTime() - done.started()) / 60e9;
                say(String.format(Locale.ROOT, "      lane %d: %s %s", done.lane(), done.task().id(), trained == 0
                        ? "cached (its stages were finished)" : String.format(Locale.ROOT, "done in %.1f min", minutes)));
                if (done.task().selector().isEmpty()) {
                    selectors.forEach(s -> ready.add(LaneTask.victim(done.task().seed(), s)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaneFailedException("interrupted while the lanes ran");
        } finally {
            stop(running.values());
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; it stops the same processes
            }
        }
    }

    /** Asks the processes to end, and makes them after 10 s. */
    private static void stop(Iterable<Running> lanes) {
        lanes.forEach(r -> r.process().destroy());
        for (Running r : lanes) {
            try {
                if (!r.process().waitFor(10, TimeUnit.SECONDS)) {
                    r.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                r.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private Running start(int lane, LaneTask task) {
        Path log = logDir.resolve(task.id() + ".log");
        Path report = logDir.resolve(task.id() + ".json");
        try {
            Files.deleteIfExists(report);
            return new Running(lane, task, launcher.start(task, threads, log, report), log, report, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start lane " + lane + " for task " + task.id(), e);
        }
    }

    /** The run's ETA: the training left at the lanes' measured speed (the tasks under way counted whole). */
    private String eta(long remainingImageEpochs) {
        if (!throughput.known()) {
            return ", run ETA unknown";
        }
        return ", run ETA " + RunProgress.duration(throughput.secondsFor(remainingImageEpochs) / lanes);
    }

    private void checkExit(Running done) {
        int status = done.process().exitValue();
        if (status == 0) {
            return;
        }
        String error = lastErrorLine(done.log());
        if (status == 2 && error.startsWith("error: ") && error.indexOf(": ", 7) > 0) {
            int colon = error.indexOf(": ", 7); // the same one line the task would have printed itself
            throw new BadInputException(error.substring(7, colon), error.substring(colon + 2));
        }
        String how = status > 128 ? "was killed (signal " + (status - 128) + ")" : "exited with status " + status;
        throw new LaneFailedException("lane task " + done.task().id() + " " + how
                + (error.isEmpty() ? "" : ": " + error.replaceFirst("^error: ", "")) + "; its log: " + done.log());
    }

    /** Adds the task's reported speed to the ETA's; returns the images × epochs it trained (NaN: no report). */
    private double readReport(Running done) {
        try {
            JsonNode report = RunJson.JSON.readTree(done.report().toFile());
            double trained = report.path("trained_image_epochs").asDouble();
            throughput.add(trained, report.path("training_seconds").asDouble());
            return trained;
        } catch (IOException e) {
            return Double.NaN; // the ETA stays as it was; the task itself succeeded
        }
    }

    private static String lastErrorLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("error: ")) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no log: the process did not get far enough to write one
        }
        return "";
    }

    private void say(String text) {
        err.println(text);
        err.flush();
    }
}
