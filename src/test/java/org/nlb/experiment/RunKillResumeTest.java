package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.artefact.StageRecord;
import org.nlb.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume (DESIGN §7): an {@code nlb run} process killed with SIGKILL while a victim pretrains is continued by
 * the same command: finished stages are reused as they are, the victim resumes from its
 * checkpoint, and results.json equals that of a run that was never killed.
 */
class RunKillResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aRunKilledDuringAVictimPretrainContinuesToTheResultsOfAnUninterruptedRun() throws Exception {
        Path config = TinyRun.config(tmp, "");
        Files.writeString(config, Files.readString(config)
                .replace("batch_size: 32", "batch_size: 32\n  attacker_epochs: 6\n  victim_epochs: 6")
                .replace("attack:\n", "attack:\n  selectors: [random]\n"));
        Path out = tmp.resolve("killed");
        ProcessBuilder builder = new ProcessBuilder(CliRunner.processCommand(List.of(TinyRun.args(config, out)))).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("first.log").toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        Path victim;
        try {
            victim = waitForVictimEpoch(out.resolve("stages"), process);
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to tidy up
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
        assertThat(victim.resolve(StageRecord.FILE)).as("killed before the victim finished").doesNotExist();
        assertThat(out.resolve("results.json")).doesNotExist();
        Map<String, FileTime> finished = finishedStages(out);
        assertThat(finished.keySet()).anyMatch(n -> n.startsWith("pretrain-clean-s0-"))
                .anyMatch(n -> n.startsWith("select-random-s0-"));

        CliRunner.Result resumed = CliRunner.run(TinyRun.args(config, out));
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        for (String name : finished.keySet()) {
            String stage = name.substring(0, name.length() - 13);
            assertThat(resumed.errLines()).as(stage).anyMatch(l -> l.endsWith("] " + stage + " cached"));
        }
        String victimStage = victim.getFileName().toString().substring(0, victim.getFileName().toString().length() - 13);
        assertThat(resumed.errLines()).anyMatch(l -> l.contains("] " + victimStage + " (pretrain, 6 epochs on 360 images,"
                + " resuming)"));
        assertThat(resumed.err()).contains("resuming after epoch");
        Map<String, FileTime> after = finishedStages(out);
        finished.forEach((name, time) -> assertThat(after.get(name)).as(name + " was not redone").isEqualTo(time));
        assertThat(Files.readAllLines(victim.resolve("log.csv"))).as("every epoch logged once").hasSize(7);

        Path clean = tmp.resolve("clean");
        CliRunner.Result uninterrupted = CliRunner.run(TinyRun.args(config, clean));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isZero();
        assertThat(withoutTimings(RunCommandTest.json(out.resolve("results.json"))))
                .isEqualTo(withoutTimings(RunCommandTest.json(clean.resolve("results.json"))));
        assertThat(Files.readAllBytes(victim.resolve("backbone.params")))
                .isEqualTo(Files.readAllBytes(clean.resolve("stages").resolve(victim.getFileName()).resolve("backbone.params")));
    }

    /** Polls until some victim stage has checkpointed an epoch but is not finished; returns its directory. */
    private static Path waitForVictimEpoch(Path stages, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the run ended before it could be killed, exit " + process.exitValue());
            }
            Optional<Path> victim = Optional.empty();
            if (Files.isDirectory(stages)) {
                try (Stream<Path> dirs = Files.list(stages)) {
                    victim = dirs.filter(d -> d.getFileName().toString().startsWith("victim-"))
                            .filter(d -> !Files.exists(d.resolve(StageRecord.FILE)))
                            .filter(d -> Files.exists(d.resolve("checkpoint.nlb"))).findFirst();
                }
            }
            if (victim.isPresent()) {
                return victim.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no victim epoch within 180 s");
    }

    /** The finished stage directories and the time their stage.json was written. */
    private static Map<String, FileTime> finishedStages(Path out) throws Exception {
        Map<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(out.resolve("stages"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (Files.exists(d.resolve(StageRecord.FILE))) {
                    m.put(d.getFileName().toString(), Files.getLastModifiedTime(d.resolve(StageRecord.FILE)));
                }
            }
        }
        return m;
    }

    /** results.json without what measures time rather than outcome. */
    static JsonNode withoutTimings(JsonNode results) {
        ObjectNode r = results.deepCopy();
        r.remove("timings");
        r.get("selectors").forEach(s -> ((ObjectNode) s).remove("seconds"));
        r.get("runs").forEach(run -> ((ObjectNode) run.get("attacker")).remove("pretrain_seconds"));
        return r;
    }
}
