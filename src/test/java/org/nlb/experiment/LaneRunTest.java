package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.CliRunner;

/**
 * {@code lanes: 2}: the run's encoders train in two child processes, and the run's results are
 * exactly those of a one-lane run of the same configuration; a killed run's lanes stop with it.
 */
class LaneRunTest {
    @TempDir
    Path tmp;

    /**
     * A tiny run of two seeds and two selectors, {@code epochs} epochs per encoder, with
     * {@code lanes} lanes sharing two threads, written next to the data set in {@code dir}.
     */
    private static Path config(Path dir, String name, int lanes, int threads, int epochs) throws Exception {
        Path tiny = dir.resolve("tiny.yaml");
        if (!Files.exists(tiny)) {
            TinyRun.config(dir, "seeds: 2\n");
        }
        return Files.writeString(dir.resolve(name), Files.readString(tiny)
                .replace("batch_size: 32", "batch_size: 32\n  attacker_epochs: " + epochs + "\n  victim_epochs: " + epochs)
                .replace("attack:\n", "attack:\n  selectors: [contrastive, random]\n")
                .replace("threads: 2", "threads: " + threads + "\nlanes: " + lanes));
    }

    /** results.json without timings and without the settings that may not change it. */
    private static JsonNode outcome(Path run) throws Exception {
        ObjectNode r = (ObjectNode) RunKillResumeTest.withoutTimings(RunCommandTest.json(run.resolve("results.json")));
        ((ObjectNode) r.get("config")).remove(List.of("threads", "lanes"));
        return r;
    }

    @Test
    void twoLanesGiveTheResultsOfOneLane() throws Exception {
        Path config = config(tmp, "lanes.yaml", 2, 2, 2);
        // a lane has one of the two threads: the same arithmetic as one lane of one thread, bit for bit
        Path oneLane = config(tmp, "one-lane.yaml", 1, 1, 2);
        Path out = tmp.resolve("lanes");
        CliRunner.Result run = CliRunner.run(TinyRun.args(config, out));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.errLines()).anyMatch(l -> l.startsWith("2 lanes of 1 thread train the run's 6 tasks"))
                .anyMatch(l -> l.contains("] lane 1: pretrain-clean-s0"))
                .anyMatch(l -> l.contains("] lane 2: pretrain-clean-s1"))
                .anyMatch(l -> l.contains("lane 2: s1 done in"));
        try (Stream<Path> logs = Files.list(out.resolve("lanes"))) {
            assertThat(logs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")))
                    .containsExactlyInAnyOrder("s0.log", "s1.log", "s0-contrastive.log", "s0-random.log",
                            "s1-contrastive.log", "s1-random.log");
        }
        assertThat(Files.readString(out.resolve("lanes/s1-random.log"))).contains("victim-random-s1 (pretrain");

        Path single = tmp.resolve("single");
        CliRunner.Result reference = CliRunner.run(TinyRun.args(oneLane, single));
        assertThat(reference.exitCode()).as(reference.toString()).isZero();
        assertThat(single.resolve("lanes")).doesNotExist();
        assertThat(outcome(out)).isEqualTo(outcome(single));
        try (Stream<Path> stages = Files.list(out.resolve("stages"))) {
            assertThat(stages.map(p -> p.getFileName().toString().replaceFirst("-[0-9a-f]{12}$", "")))
                    .as("each stage made once, in the lanes: the run read them back with the lanes' keys")
                    .doesNotHaveDuplicates().hasSize(1 + 2 * (2 + 2 * 4)); // split; per seed clean, features, 4 per selector
        }

        CliRunner.Result again = CliRunner.run(TinyRun.args(config, out));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.errLines()).anyMatch(l -> l.startsWith("continuing the run in"))
                .anyMatch(l -> l.endsWith(": s1-random cached (its stages were finished)"));
        try (Stream<Path> reports = Files.list(out.resolve("lanes"))) {
            for (Path report : reports.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(RunCommandTest.json(report).get("trained_image_epochs").asDouble())
                        .as(report + ": nothing left to train").isZero();
            }
        }

        CliRunner.Result edited = CliRunner.run(TinyRun.args(config, out, LaneProcesses.TASK_OPTION, "s0",
                LaneProcesses.CONFIG_OPTION, LaneProcesses.sha256("another configuration")));
        assertThat(edited.exitCode()).isEqualTo(2);
        assertThat(edited.errLines()).containsExactly("error: " + config
                + ": the configuration changed after the run started; run the same command again to continue with it");
    }

    @Test
    void killingTheRunStopsItsLanes() throws Exception {
        Path config = config(tmp, "long.yaml", 2, 2, 200);
        Process run = new ProcessBuilder(CliRunner.processCommand(List.of(TinyRun.args(config, tmp.resolve("killed"))))).redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile())
                .start();
        List<ProcessHandle> lanes;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            do {
                Thread.sleep(50);
                lanes = run.descendants().toList();
            } while (lanes.size() < 2 && run.isAlive() && System.nanoTime() < deadline);
            assertThat(lanes).as(Files.readString(tmp.resolve("run.log"))).hasSizeGreaterThanOrEqualTo(2);
            run.destroyForcibly(); // SIGKILL: the run cannot stop its lanes itself
        } finally {
            run.destroyForcibly();
        }
        for (ProcessHandle lane : lanes) {
            assertThat(lane.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("lane %d still runs", lane.pid()).isFalse();
        }
    }

    @Test
    void withForceTheLanesTrainInTheReplacementNotInTheDirectoryItReplaces() throws Exception {
        Path config = Files.writeString(tmp.resolve("force.yaml"), Files.readString(TinyRun.config(tmp, ""))
                .replace("attack:\n", "attack:\n  selectors: [random]\n").replace("threads: 2", "threads: 2\nlanes: 2"));
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliRunner.Result run = CliRunner.run(TinyRun.args(config, out, "--force"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("notes.txt")).doesNotExist();
        assertThat(out.resolve("results.json")).exists();
        assertThat(Files.readString(out.resolve("lanes/s0-random.log"))).contains("victim-random-s0 (pretrain");
        assertThat(tmp.resolve(".taken.nlb-new")).doesNotExist();
    }
}
