package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.CliRunner;

/** {@code nlb run} end to end on a toy data set: the run directory, results.json, caching. */
class RunCommandTest {
    static final List<String> SELECTORS = List.of("contrastive", "kmeans", "random", "label-aware");
    static final List<String> FIGURES = List.of("clean_acc", "poison_acc", "asr", "clean_to_target",
            "asr_clean_encoder", "backdoor", "clean_acc_drop");
    static final List<String> GEOMETRY = List.of("trigger_cosine", "target_pull", "triggered_spread", "clean_spread");

    @TempDir
    Path tmp;

    static JsonNode json(Path file) throws Exception {
        return RunJson.JSON.readTree(file.toFile());
    }

    /** Asserts every key of the run contract's results.json, for {@code seeds} seeds. */
    static void assertContract(Path dir, JsonNode r, int seeds) throws Exception {
        assertThat(r.fieldNames()).toIterable().contains("nlb_version", "preset", "config", "dataset", "seeds",
                "trigger", "budget", "rate", "assumed_classes", "poison_share", "feature_space", "clean",
                "selectors", "runs", "timings");
        assertThat(r.get("dataset").fieldNames()).toIterable().contains("spec", "channels", "height", "width",
                "pretrain", "downstream", "test", "classes", "class_names");
        assertThat(r.get("seeds")).hasSize(seeds);
        assertThat(r.get("trigger").get("kind").asText()).isEqualTo("checkerboard-center");
        assertThat(r.get("poison_share").asDouble())
                .isEqualTo(r.get("budget").asDouble() / r.get("dataset").get("pretrain").asDouble());
        assertThat(r.get("clean").get("linear").get("clean_acc").get("values")).hasSize(seeds);
        assertThat(r.get("clean").get("knn").get("clean_acc").get("mean").isNumber()).isTrue();
        assertThat(r.get("selectors").fieldNames()).toIterable().containsExactlyElementsOf(SELECTORS);
        for (String name : SELECTORS) {
            JsonNode s = r.get("selectors").get(name);
            assertStat(s.get("ccr"), seeds);
            assertThat(s.get("targets")).hasSize(seeds);
            assertThat(s.get("target").isInt()).isTrue();
            for (String probe : List.of("linear", "knn")) {
                assertThat(s.get(probe).fieldNames()).toIterable().containsExactlyElementsOf(FIGURES);
                for (String figure : FIGURES) {
                    assertStat(s.get(probe).get(figure), seeds);
                }
                double asr = s.get(probe).get("asr").get("mean").asDouble();
                assertThat(s.get(probe).get("backdoor").get("mean").asDouble())
                        .isCloseTo(asr - s.get(probe).get("asr_clean_encoder").get("mean").asDouble(),
                                org.assertj.core.api.Assertions.within(1e-9));
            }
            for (String geometry : List.of("trigger_geometry", "trigger_geometry_clean_encoder")) {
                assertThat(s.get(geometry).fieldNames()).toIterable().containsExactlyElementsOf(GEOMETRY);
                for (String figure : GEOMETRY) {
                    assertStat(s.get(geometry).get(figure), seeds);
                    assertThat(s.get(geometry).get(figure).get("mean").isNumber()).as(name + " " + figure).isTrue();
                }
            }
            assertThat(s.get("seconds").fieldNames()).toIterable().containsExactly("select", "victim_pretrain", "probe");
        }
        assertThat(r.get("runs")).hasSize(seeds);
        for (JsonNode run : r.get("runs")) {
            assertThat(dir.resolve(run.get("attacker").get("encoder").asText()).resolve("encoder.json")).exists();
            assertThat(dir.resolve(run.get("attacker").get("features").asText())).exists();
            assertThat(run.get("attacker").get("pretrain_seconds").asDouble()).isPositive();
            assertThat(dir.resolve(run.get("clean").get("encoder").asText()).resolve("backbone.params")).exists();
            for (String name : SELECTORS) {
                JsonNode s = run.get("selectors").get(name);
                for (String file : List.of("poison", "metrics", "clean_metrics")) {
                    assertThat(dir.resolve(s.get(file).asText())).isRegularFile();
                }
                assertThat(dir.resolve(s.get("victim").asText()).resolve("log.csv")).exists();
                assertThat(s.get("linear").fieldNames()).toIterable().containsExactlyElementsOf(FIGURES);
                assertThat(s.get("knn").fieldNames()).toIterable().containsExactlyElementsOf(FIGURES);
                JsonNode metrics = json(dir.resolve(s.get("metrics").asText()));
                assertThat(metrics.get("target").asInt()).isEqualTo(s.get("target").asInt());
                assertThat(metrics.get("probes").get("linear").get("asr").asDouble())
                        .isEqualTo(s.get("linear").get("asr").asDouble());
                assertThat(s.get("trigger_geometry").get("trigger_cosine").asDouble())
                        .isEqualTo(metrics.get("trigger_geometry").get("trigger_cosine").asDouble());
                assertThat(s.get("trigger_geometry_clean_encoder").get("target_pull").asDouble()).isEqualTo(
                        json(dir.resolve(s.get("clean_metrics").asText())).get("trigger_geometry").get("target_pull").asDouble());
            }
        }
        assertThat(r.get("timings").get("total_seconds").asDouble()).isPositive();
        assertThat(r.get("timings").get("stages").has("split")).isTrue();
    }

    private static void assertStat(JsonNode stat, int seeds) {
        assertThat(stat.fieldNames()).toIterable().containsExactly("mean", "std", "values");
        assertThat(stat.get("values")).hasSize(seeds);
        if (seeds == 1) {
            assertThat(stat.get("std").asDouble()).isZero();
        }
    }

    /** Every file under the pretraining stage directories with its modification time. */
    static Map<String, FileTime> pretrainFiles(Path dir) throws Exception {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir.resolve("stages"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = dir.resolve("stages").relativize(p).toString();
                if (rel.startsWith("pretrain-") || rel.startsWith("victim-")) {
                    out.put(rel, Files.getLastModifiedTime(p));
                }
            }
        }
        return out;
    }

    @Test
    void aRunWritesTheWholeContractAndReusesEveryPretrainingWhenOnlyAProbeSettingChanges() throws Exception {
        Path out = tmp.resolve("run");
        Path config = TinyRun.config(tmp, "");
        CliRunner.Result first = CliRunner.run(TinyRun.args(config, out));
        assertThat(first.exitCode()).as(first.toString()).isZero();

        JsonNode results = json(out.resolve("results.json"));
        assertContract(out, results, 1);
        assertThat(results.get("preset").asText()).isEqualTo("quick");
        assertThat(results.get("dataset").get("pretrain").asInt()).isEqualTo(360);
        assertThat(results.get("budget").asInt()).isEqualTo(54); // floor(0.6 · 360 / 4)
        assertThat(json(out.resolve("config.json"))).isEqualTo(results.get("config"));
        JsonNode run = json(out.resolve("run.json"));
        assertThat(run.get("command").get(1).asText()).isEqualTo("run");
        assertThat(run.get("finished").isTextual()).isTrue();
        assertThat(run.get("config_file").asText()).isEqualTo(config.toString());
        JsonNode oracle = results.get("selectors").get("label-aware");
        assertThat(oracle.get("ccr").get("mean").asDouble()).isEqualTo(1.0);
        assertThat(first.errLines()).anyMatch(l -> l.startsWith("[1/19] split"));
        assertThat(first.errLines()).anyMatch(l -> l.matches("\\[8/19] victim-contrastive-s0 \\(pretrain, 1 epoch on 360"
                + " images\\), run ETA \\d+ s"));
        assertThat(first.out()).contains("label-aware").contains("results.json");
        assertThat(out.resolve("report.html")).isNotEmptyFile();

        Map<String, FileTime> pretrained = pretrainFiles(out);
        assertThat(pretrained.keySet()).anyMatch(k -> k.startsWith("victim-kmeans-s0-") && k.endsWith("backbone.params"));
        Files.writeString(config, Files.readString(config).replace("linear: {epochs: 5}", "linear: {epochs: 6}"));
        CliRunner.Result second = CliRunner.run(TinyRun.args(config, out));
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.errLines()).contains("[2/19] pretrain-clean-s0 cached", "[3/19] features-s0 cached",
                "[8/19] victim-contrastive-s0 cached", "[17/19] victim-label-aware-s0 cached");
        assertThat(second.errLines()).anyMatch(l -> l.startsWith("[9/19] probe-contrastive-s0 (linear probe"));
        assertThat(pretrainFiles(out)).as("no pretraining stage was touched").isEqualTo(pretrained);
        JsonNode changed = json(out.resolve("results.json"));
        assertThat(changed.get("config").get("probe").get("linear").get("epochs").asInt()).isEqualTo(6);
        assertThat(changed.get("runs").get(0).get("selectors").get("kmeans").get("victim"))
                .isEqualTo(results.get("runs").get(0).get("selectors").get("kmeans").get("victim"));
        assertThat(changed.get("runs").get(0).get("selectors").get("kmeans").get("metrics"))
                .isNotEqualTo(results.get("runs").get(0).get("selectors").get("kmeans").get("metrics"));

        CliRunner.Result third = CliRunner.run(TinyRun.args(config, out));
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.errLines().stream().filter(l -> l.matches("\\[\\d+/19] .* cached"))).hasSize(19);
        JsonNode same = json(out.resolve("results.json"));
        assertThat(same.get("selectors")).isEqualTo(changed.get("selectors"));
        assertThat(same.get("runs")).isEqualTo(changed.get("runs"));
    }

    @Test
    void twoSeedsGiveMeanAndStdOverRunsThatShareTheSplit() throws Exception {
        Path out = tmp.resolve("seeds");
        Path config = TinyRun.config(tmp, "");
        CliRunner.Result r = CliRunner.run(TinyRun.args(config, out, "--seeds", "2"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode results = json(out.resolve("results.json"));
        assertContract(out, results, 2);
        assertThat(results.get("seeds").toString()).isEqualTo("[0,1]");
        try (Stream<Path> stages = Files.list(out.resolve("stages"))) {
            List<String> names = new ArrayList<>(stages.map(p -> p.getFileName().toString()).toList());
            assertThat(names).filteredOn(n -> n.startsWith("split-")).hasSize(1);
            assertThat(names).filteredOn(n -> n.startsWith("pretrain-clean-s1-")).hasSize(1);
        }
        JsonNode oracle = results.get("selectors").get("label-aware").get("ccr");
        assertThat(oracle.get("values").toString()).isEqualTo("[1.0,1.0]");
        assertThat(results.get("runs").get(0).get("attacker").get("encoder"))
                .isNotEqualTo(results.get("runs").get(1).get("attacker").get("encoder"));
    }

    @Test
    void differentEpochsForTheVictimsGiveTheCleanEncoderItsOwnStage() throws Exception {
        Path out = tmp.resolve("epochs");
        Path config = TinyRun.config(tmp, "");
        Files.writeString(config, Files.readString(config).replace("batch_size: 32", "batch_size: 32\n  victim_epochs: 2")
                .replace("attack:", "attack:\n  selectors: [random]"));
        CliRunner.Result r = CliRunner.run(TinyRun.args(config, out));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode run = json(out.resolve("results.json")).get("runs").get(0);
        assertThat(run.get("clean").get("encoder")).isNotEqualTo(run.get("attacker").get("encoder"));
        assertThat(json(out.resolve(run.get("clean").get("encoder").asText()).resolve("encoder.json")).get("epochs").asInt())
                .isEqualTo(2);
        assertThat(r.errLines()).anyMatch(l -> l.startsWith("[5/8] pretrain-clean-s0 (pretrain, 2 epochs"));
    }

    @Test
    void changingTheFeatureSpaceRedoesOnlyTheFeatureBasedSelectionsAndTheirVictims() throws Exception {
        Path out = tmp.resolve("space");
        Path config = TinyRun.config(tmp, "");
        String base = Files.readString(config).replace("attack:\n", "attack:\n  selectors: [contrastive, random]\n");
        Files.writeString(config, base.replace("attack:\n", "attack:\n  feature_space: projector\n"));
        CliRunner.Result projector = CliRunner.run(TinyRun.args(config, out));
        assertThat(projector.exitCode()).as(projector.toString()).isZero();
        JsonNode features = json(out.resolve("results.json")).get("runs").get(0).get("attacker").get("features");
        assertThat(org.nlb.data.npy.Npy.read(out.resolve(features.asText())).shape()[1])
                .as("the projector's output, not the backbone's 16 features").isNotEqualTo(16L);

        Files.writeString(config, base.replace("attack:\n", "attack:\n  feature_space: centred\n"));
        CliRunner.Result centred = CliRunner.run(TinyRun.args(config, out));
        assertThat(centred.exitCode()).as(centred.toString()).isZero();
        assertThat(centred.errLines()).contains("[2/11] pretrain-clean-s0 cached", "[5/11] select-random-s0 cached",
                "[9/11] victim-random-s0 cached");
        assertThat(centred.errLines()).anyMatch(l -> l.startsWith("[3/11] features-s0 (centred features"))
                .anyMatch(l -> l.startsWith("[4/11] select-contrastive-s0 (contrastive selection"))
                .anyMatch(l -> l.startsWith("[6/11] victim-contrastive-s0 (pretrain"));
        JsonNode results = json(out.resolve("results.json"));
        assertThat(results.get("feature_space").asText()).isEqualTo("centred");
        assertThat(org.nlb.data.npy.Npy.read(out.resolve(results.get("runs").get(0).get("attacker").get("features")
                .asText())).shape()[1]).isEqualTo(16L);
    }
}
