package org.nlb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs nlb in a JVM of its own with a given heap and measures the peak resident memory (RSS) of
 * that process: with GNU time ({@code /usr/bin/time}) when it is installed, which reads the
 * kernel's figure after the process ends; otherwise by polling {@code VmHWM} in
 * {@code /proc/<pid>/status} while it runs.
 */
public final class ChildProcess {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final long TIMEOUT_SECONDS = 120;

    private ChildProcess() {}

    /**
     * What the process did.
     *
     * @param peakRssKb peak resident set size in KiB, empty where neither way of measuring it exists
     */
    public record Outcome(int exitCode, String out, String err, OptionalLong peakRssKb) {
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", peak RSS " + peakRssKb + " KiB\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code nlb args} with {@code -Xmx<maxHeap>} in {@code workDir}, which also holds the captured output. */
    public static Outcome run(Path workDir, String maxHeap, List<String> args) {
        try {
            Path out = Files.createTempFile(workDir, "stdout", ".txt");
            Path err = Files.createTempFile(workDir, "stderr", ".txt");
            Path rss = Files.createTempFile(workDir, "rss", ".txt");
            boolean gnuTime = Files.isExecutable(GNU_TIME);
            List<String> command = new ArrayList<>();
            if (gnuTime) {
                command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
            }
            command.addAll(CliRunner.processCommand(maxHeap, args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("NLB_DEBUG");
            builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            Process process = builder.start();
            long polled = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            try {
                while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
                    if (!gnuTime) {
                        polled = Math.max(polled, vmHwmKb(process.pid()));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("nlb " + args + " did not end within " + TIMEOUT_SECONDS + " s");
                    }
                }
            } finally {
                process.destroyForcibly();
            }
            OptionalLong peak = gnuTime ? gnuTimeKb(rss) : polled > 0 ? OptionalLong.of(polled) : OptionalLong.empty();
            Outcome outcome = new Outcome(process.exitValue(), Files.readString(out), Files.readString(err), peak);
            Files.delete(out);
            Files.delete(err);
            Files.delete(rss);
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OptionalLong gnuTimeKb(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // GNU time writes "Command exited with non-zero status N" before the figure when N != 0.
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.matches("\\d+")) {
                return OptionalLong.of(Long.parseLong(line));
            }
        }
        return OptionalLong.empty();
    }

    /** The peak RSS of a live process from /proc, 0 if it cannot be read (it has just ended). */
    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
