package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.model.EncoderStore;
import org.nlb.testing.CliRunner;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/**
 * DESIGN §7 (interrupted stages resume): a real {@code nlb pretrain} process killed with SIGKILL in the
 * middle of its run is resumed with {@code --resume} and finishes with every epoch logged once.
 * Killed while replacing an earlier run ({@code --force}), it leaves that run whole.
 */
class PretrainKillResumeTest {
    private static final int EPOCHS = 40;

    @TempDir
    Path tmp;

    @Test
    void aRunKilledWithSigkillResumesFromItsLastCheckpointAndFinishes() throws Exception {
        Path data = IdxFiles.writeSet(Files.createDirectories(tmp.resolve("data")),
                TestImages.patterns(320, 12, 1), TestImages.patterns(16, 12, 2), false);
        Path out = tmp.resolve("run");
        List<String> args = List.of("pretrain", "--data", "idx:" + data, "--method", "simclr", "--widths", "16,16",
                "--epochs", String.valueOf(EPOCHS), "--batch-size", "32", "--threads", "1", "--out", out.toString());

        ProcessBuilder builder = new ProcessBuilder(CliRunner.processCommand(args)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("first.log").toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        int logged;
        try {
            logged = waitForEpochs(out.resolve("log.csv"), 2, process);
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no chance to tidy up
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
        assertThat(logged).isBetween(2, EPOCHS - 1);
        assertThat(out.resolve(EncoderStore.PARAMS_FILE)).as("no encoder before the end").doesNotExist();

        List<String> resumeArgs = new ArrayList<>(args);
        resumeArgs.add("--resume");
        CliRunner.Result resumed = CliRunner.run(resumeArgs.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("resuming after epoch");
        assertThat(resumed.out()).contains(EPOCHS + " epochs");

        List<String> rows = Files.readAllLines(out.resolve("log.csv"));
        assertThat(rows).hasSize(EPOCHS + 1);
        for (int e = 1; e <= EPOCHS; e++) {
            assertThat(rows.get(e)).startsWith(e + "," + (e * 9) + ",");
        }
        assertThat(out.resolve(EncoderStore.PARAMS_FILE)).exists();
        assertThat(EncoderStore.readSpec(out.resolve(EncoderStore.SPEC_FILE)).epochs()).isEqualTo(EPOCHS);
    }

    @Test
    void aForcedRunKilledMidwayLeavesTheOldRunWholeAndResumesIntoItsPlace() throws Exception {
        Path data = IdxFiles.writeSet(Files.createDirectories(tmp.resolve("data")),
                TestImages.patterns(320, 12, 1), TestImages.patterns(16, 12, 2), false);
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("pretrain", "--data", "idx:" + data, "--method", "simclr",
                "--widths", "16,16", "--batch-size", "32", "--threads", "1", "--out", out.toString()));
        List<String> old = new ArrayList<>(args);
        old.addAll(List.of("--epochs", "1"));
        assertThat(CliRunner.run(old.toArray(String[]::new)).exitCode()).isZero();
        var before = org.nlb.testing.InputsUnchanged.hashes(List.of(out));
        args.addAll(List.of("--epochs", String.valueOf(EPOCHS)));
        List<String> forced = new ArrayList<>(args);
        forced.add("--force");

        ProcessBuilder builder = new ProcessBuilder(CliRunner.processCommand(forced)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("forced.log").toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        Path replacement = tmp.resolve(".run.nlb-new");
        try {
            waitForEpochs(replacement.resolve("log.csv"), 2, process);
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(org.nlb.testing.InputsUnchanged.hashes(List.of(out))).as("the old run, byte for byte").isEqualTo(before);

        List<String> resumeArgs = new ArrayList<>(args);
        resumeArgs.add("--resume");
        CliRunner.Result resumed = CliRunner.run(resumeArgs.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("resuming after epoch");
        assertThat(Files.readAllLines(out.resolve("log.csv"))).hasSize(EPOCHS + 1);
        assertThat(EncoderStore.readSpec(out.resolve(EncoderStore.SPEC_FILE)).epochs()).isEqualTo(EPOCHS);
        assertThat(replacement).doesNotExist();
    }

    /** Polls {@code log} until it lists {@code epochs} epochs; returns how many it lists then. */
    private static int waitForEpochs(Path log, int epochs, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("pretrain ended before it could be killed, exit " + process.exitValue());
            }
            if (Files.exists(log)) {
                int rows = Files.readAllLines(log).size() - 1;
                if (rows >= epochs) {
                    return rows;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no epoch logged within 120 s");
    }
}
