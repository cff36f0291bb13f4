package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.artefact.StageRecord;
import org.nlb.testing.BadInputAssert;
import org.nlb.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code probe.at_epochs} (ASR against epoch): one run probes the victims and the clean encoder at
 * snapshots taken during their schedule, and results.json gives the figures against epoch.
 */
class RunByEpochTest {
    static final List<String> SELECTORS = List.of("random", "label-aware");

    @TempDir
    Path tmp;

    private Path config(String atEpochs) throws Exception {
        Path config = TinyRun.config(tmp, "");
        return Files.writeString(config, Files.readString(config)
                .replace("batch_size: 32", "batch_size: 32\n  attacker_epochs: 2\n  victim_epochs: 2")
                .replace("attack:\n", "attack:\n  selectors: [random, label-aware]\n")
                .replace("knn: {k: 10}", "knn: {k: 10}\n  at_epochs: " + atEpochs));
    }

    @Test
    void snapshotsOfVictimsAndCleanEncoderGiveFiguresAgainstEpoch() throws Exception {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run(TinyRun.args(config("[1]"), out));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).anyMatch(l -> l.matches("\\[\\d+/15] probe-clean-random-s0-e1 \\(linear probe and kNN,"
                + " target \\d, epoch-1 snapshot\\).*"));

        JsonNode results = RunCommandTest.json(out.resolve("results.json"));
        assertThat(results.get("config").get("probe").get("at_epochs").toString()).isEqualTo("[1]");
        JsonNode run = results.get("runs").get(0);
        Path clean = out.resolve(run.get("clean").get("encoder").asText());
        assertThat(json(SnapshotDirs.of(clean, 1).resolve("encoder.json")).get("epochs").asInt()).isEqualTo(1);
        for (String name : SELECTORS) {
            JsonNode s = results.get("selectors").get(name);
            JsonNode perSeed = run.get("selectors").get(name);
            Path victim = out.resolve(perSeed.get("victim").asText());
            assertThat(json(SnapshotDirs.of(victim, 1).resolve("encoder.json")).get("epochs").asInt()).isEqualTo(1);
            for (String probe : List.of("linear", "knn")) {
                JsonNode byEpoch = s.get(probe).get("by_epoch");
                assertThat(byEpoch).hasSize(2);
                assertThat(byEpoch.get(0).get("epoch").asInt()).isEqualTo(1);
                assertThat(byEpoch.get(1).get("epoch").asInt()).isEqualTo(2);
                List<String> keys = new ArrayList<>(List.of("epoch"));
                keys.addAll(RunCommandTest.FIGURES);
                for (JsonNode point : byEpoch) {
                    assertThat(point.fieldNames()).toIterable().containsExactlyElementsOf(keys);
                    for (String figure : RunCommandTest.FIGURES) {
                        assertThat(point.get(figure).get("values")).as(figure).hasSize(1);
                    }
                    assertThat(point.get("backdoor").get("mean").asDouble()).isCloseTo(point.get("asr").get("mean")
                            .asDouble() - point.get("asr_clean_encoder").get("mean").asDouble(), within(1e-9));
                }
                for (String figure : RunCommandTest.FIGURES) {
                    assertThat(byEpoch.get(1).get(figure)).as("the last point is the final result")
                            .isEqualTo(s.get(probe).get(figure));
                }
            }
            JsonNode snapshot = perSeed.get("by_epoch").get(0);
            assertThat(snapshot.get("epoch").asInt()).isEqualTo(1);
            Path metrics = out.resolve(snapshot.get("metrics").asText());
            Path cleanMetrics = out.resolve(snapshot.get("clean_metrics").asText());
            assertThat(metrics.getParent().getFileName().toString()).startsWith("probe-" + name + "-s0-e1-");
            assertThat(cleanMetrics.getParent().getFileName().toString()).startsWith("probe-clean-" + name + "-s0-e1-");
            assertThat(json(metrics).at("/encoder/dir").asText()).isEqualTo(SnapshotDirs.of(victim, 1).toString());
            assertThat(json(cleanMetrics).at("/encoder/dir").asText()).isEqualTo(SnapshotDirs.of(clean, 1).toString());
            assertThat(json(metrics.getParent().resolve(StageRecord.FILE)).at("/settings/snapshot_epoch").asInt())
                    .isEqualTo(1);
            assertThat(snapshot.get("linear").get("asr").asDouble())
                    .isEqualTo(json(metrics).at("/probes/linear/asr").asDouble());
            assertThat(snapshot.get("knn").get("asr_clean_encoder").asDouble())
                    .isEqualTo(json(cleanMetrics).at("/probes/knn/asr").asDouble());
            assertThat(perSeed.get("by_epoch").get(1).get("metrics")).isEqualTo(perSeed.get("metrics"));
            assertThat(perSeed.get("by_epoch").get(1).get("linear")).isEqualTo(perSeed.get("linear"));
        }
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("ASR against epoch").contains("snapshots taken mid-schedule");

        Map<String, FileTime> pretrained = RunCommandTest.pretrainFiles(out);
        assertThat(pretrained.keySet()).anyMatch(k -> k.startsWith("victim-random-s0-")
                && k.endsWith("snapshots/epoch-1/backbone.params"));
        CliRunner.Result again = CliRunner.run(TinyRun.args(config("[1]"), out));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.errLines().stream().filter(l -> l.matches("\\[\\d+/15] .* cached"))).hasSize(15);
        assertThat(RunCommandTest.pretrainFiles(out)).as("snapshots reused as they are").isEqualTo(pretrained);
    }

    @Test
    void epochsThatAreNotBeforeTheLastOneAreRefused() throws Exception {
        refused("[2]", "probe.at_epochs: epoch 2 is not before the last one (pretrain.victim_epochs = 2)");
        refused("[0]", "probe.at_epochs: epochs count from 1, got 0");
        refused("[1, 1]", "probe.at_epochs: must be ascending without repeats, got [1, 1]");
        refused("5", "probe.at_epochs: has the wrong type");
    }

    private void refused(String atEpochs, String problem) throws Exception {
        Path config = config(atEpochs);
        BadInputAssert.assertCliRefused(CliRunner.run(TinyRun.args(config, tmp.resolve("out"))), config.toString(),
                problem);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static JsonNode json(Path file) throws Exception {
        return RunCommandTest.json(file);
    }

    /** Where a pretraining stage keeps its snapshot of an epoch. */
    private static final class SnapshotDirs {
        static Path of(Path stage, int epoch) {
            return stage.resolve("snapshots").resolve("epoch-" + epoch);
        }
    }
}
