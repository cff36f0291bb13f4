package org.nlb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import org.nlb.testing.BadInputAssert;

/** {@link ExperimentRows}: EXPERIMENTS.md rows from small handwritten results.json files. */
class ExperimentRowsTest {
    @TempDir
    Path tmp;

    static final String CLASS_NAMES = "[\"T-shirt/top\", \"Trouser\", \"Pullover\", \"Dress\", \"Coat\", \"Sandal\","
            + " \"Shirt\", \"Sneaker\", \"Bag\", \"Ankle boot\"]";

    /** One seed, the CPU recipe, the centre 3 × 3 trigger, trigger geometry present. */
    static final String ONE_SEED = """
            {"config": {"pretrain": {"method": "simclr", "recipe": "cpu", "attacker_epochs": 16, "victim_epochs": 16}},
             "dataset": {"spec": "fashion-mnist", "channels": 1, "height": 28, "width": 28, "pretrain": 20000,
                         "downstream": 6000, "test": 10000, "classes": 10, "class_names": %s},
             "seeds": [0],
             "trigger": {"kind": "checkerboard-center", "alpha": 1.0, "size": 3},
             "budget": 1200, "rate": 0.6, "assumed_classes": 10, "poison_share": 0.06,
             "selectors": {
               "contrastive": {"ccr": {"mean": 0.28, "std": 0, "values": [0.28]}, "targets": [6], "target": 6,
                 "linear": {"clean_acc": 0.801, "asr": 0.021, "asr_clean_encoder": 0.019, "backdoor": 0.002,
                            "clean_acc_drop": 0.005},
                 "knn": {"clean_acc": 0.782, "asr": 0.015, "asr_clean_encoder": 0.014, "backdoor": 0.001,
                         "clean_acc_drop": -0.003},
                 "trigger_geometry": {"trigger_cosine": {"mean": 0.99123, "std": 0, "values": [0.99123]},
                                      "target_pull": {"mean": 0.0042, "std": 0, "values": [0.0042]},
                                      "triggered_spread": {"mean": 0.91, "std": 0, "values": [0.91]},
                                      "clean_spread": {"mean": 0.9, "std": 0, "values": [0.9]}}},
               "random": {"ccr": {"mean": 0.12, "std": 0, "values": [0.12]}, "targets": [0], "target": 0,
                 "linear": {"clean_acc": 0.8, "asr": 0.03, "asr_clean_encoder": 0.031, "backdoor": -0.001,
                            "clean_acc_drop": 0.0},
                 "knn": {"clean_acc": 0.78, "asr": 0.02, "asr_clean_encoder": 0.02, "backdoor": 0.0, "clean_acc_drop": 0.0},
                 "trigger_geometry": {"trigger_cosine": 0.995, "target_pull": -0.0011}}},
             "timings": {"total_seconds": 2070.0}}
            """.formatted(CLASS_NAMES);

    /** Two seeds, the reference recipe with the attacker's own epochs, the 4-corner 4 × 4 trigger, no geometry. */
    static final String TWO_SEEDS = """
            {"config": {"pretrain": {"method": "byol", "recipe": "reference", "attacker_epochs": 5, "victim_epochs": 20}},
             "dataset": {"spec": "fashion-mnist", "channels": 1, "height": 28, "width": 28, "pretrain": 10000,
                         "classes": 10, "class_names": %s},
             "seeds": [0, 1],
             "trigger": {"kind": "checkerboard-4corner", "alpha": 1.0, "size": 4},
             "budget": 300, "rate": 0.3, "poison_share": 0.03,
             "selectors": {
               "label-aware": {"ccr": {"mean": 1.0, "std": 0, "values": [1.0, 1.0]}, "targets": [6, 2], "target": 2,
                 "linear": {"clean_acc": {"mean": 0.8, "std": 0.01, "values": [0.79, 0.81]},
                            "asr": {"mean": 0.2, "std": 0.14142, "values": [0.1, 0.3]},
                            "asr_clean_encoder": {"mean": 0.05, "std": 0.0, "values": [0.05, 0.05]},
                            "backdoor": {"mean": 0.15, "std": 0.14142, "values": [0.05, 0.25]},
                            "clean_acc_drop": {"mean": -0.01, "std": 0.02, "values": [0.01, -0.03]}}}},
             "timings": {"total_seconds": 3000.0}}
            """.formatted(CLASS_NAMES);

    private Path run(String name, String results) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("results.json"), results);
        if (results.startsWith("{\"config\"")) { // the config.json a run writes beside it: the same resolved config
            Files.writeString(dir.resolve("config.json"), new ObjectMapper().readTree(results).get("config").toString());
        }
        return dir.resolve("results.json");
    }

    @Test
    void oneSeedGivesOneRowPerSelectorWithEveryColumn() throws Exception {
        Path file = run("e00-default", ONE_SEED);
        assertThat(ExperimentRows.rows(List.of(file))).containsExactly(
                "| e00-default | 20000 × 16 | simclr | 0.2 | checkerboard-center, 3 × 3, at (12, 12), 1.1 % | 0.6 (1200, 6.0 %)"
                        + " | contrastive | 28.0 | 6 Shirt | 80.1 / 78.2 (+0.5 / −0.3) | 2.1 | 1.9 | +0.2 | 1.5 | 1.4 | +0.1"
                        + " | 0.991 | +0.004 | 34.5 |",
                "| e00-default | 20000 × 16 | simclr | 0.2 | checkerboard-center, 3 × 3, at (12, 12), 1.1 % | 0.6 (1200, 6.0 %)"
                        + " | random | 12.0 | 0 T-shirt/top | 80.0 / 78.0 (+0.0 / +0.0) | 3.0 | 3.1 | −0.1 | 2.0 | 2.0 | +0.0"
                        + " | 0.995 | −0.001 | 34.5 |");
    }

    @Test
    void severalSeedsShowMeanAndStdAndEveryTargetAndOldRunsLackTheGeometry() throws Exception {
        Path file = run("e07-byol", TWO_SEEDS);
        assertThat(ExperimentRows.rows(List.of(file))).containsExactly(
                "| e07-byol | 10000 × 20 (attacker 5) | byol | 0.08 | checkerboard-4corner, 4 × 4, 4 patches, 8.2 %"
                        + " | 0.3 (300, 3.0 %) | label-aware | 100.0 ± 0.0 | 2 Pullover (seeds: 6, 2)"
                        + " | 80.0 ± 1.0 / – (−1.0 ± 2.0 / –) | 20.0 ± 14.1 | 5.0 ± 0.0 | +15.0 ± 14.1 | – | – | – | – | – | 50.0 |");
    }

    @Test
    void theConfigsOwnCropWinsOverTheRecipeAndBlendsCoverTheWholeImage() throws Exception {
        String results = ONE_SEED.replace("\"recipe\": \"cpu\",", "\"recipe\": \"cpu\", \"augment\": {\"crop_min_scale\": 0.35},")
                .replace("{\"kind\": \"checkerboard-center\", \"alpha\": 1.0, \"size\": 3}",
                        "{\"kind\": \"checkerboard-full\", \"alpha\": 0.1}");
        String row = ExperimentRows.rows(List.of(run("e03", results))).get(0);
        assertThat(row).startsWith("| e03 | 20000 × 16 | simclr | 0.35 | checkerboard-full α 0.1, whole image, 100.0 % |");
    }

    @Test
    void theHeaderHasOneCellPerColumnOfARowAndASeparator() throws Exception {
        List<String> header = ExperimentRows.header();
        assertThat(header.get(0)).startsWith("| id | N × E | method | crop min scale | trigger (kind, size, position, % of image area)"
                + " | rate (M, % of N) | selector | CCR | target | clean acc lin / kNN (drop) | ASR lin | ASR clean-enc lin"
                + " | effect lin | ASR kNN | clean-enc kNN | effect kNN | trigger_cosine | target_pull | minutes |");
        String row = ExperimentRows.rows(List.of(run("e00", ONE_SEED))).get(0);
        assertThat(header.get(1).chars().filter(c -> c == '|').count()).isEqualTo(20)
                .isEqualTo(header.get(0).chars().filter(c -> c == '|').count())
                .isEqualTo(row.chars().filter(c -> c == '|').count());
    }

    @Test
    void patchFootprintsFollowTheTriggerCode() {
        ImageShape shape = new ImageShape(3, 28, 28);
        TriggerFootprint corner = TriggerFootprint.of(TriggerConfig.of(TriggerKind.CHECKERBOARD_CORNER).buildFor(shape));
        assertThat(corner.place()).isEqualTo("at (25, 25)");
        assertThat(corner.pixels()).isEqualTo(9);
        TriggerFootprint random = TriggerFootprint.of(TriggerConfig.of(TriggerKind.PATCH_RANDOM, null, 5, null, null, 3L, null)
                .buildFor(shape));
        assertThat(random.place()).isEqualTo("random position");
        assertThat(random.area()).isEqualTo(25 / 784.0);
    }

    @Test
    void aMissingOrMalformedFileIsBadInputNamingIt() throws Exception {
        Path good = run("good", ONE_SEED);
        Path missing = tmp.resolve("nowhere/results.json");
        BadInputAssert.assertBadInput(() -> ExperimentRows.rows(List.of(good, missing)), missing,
                "does not exist (expected a run's results.json)");
        Path broken = run("broken", ONE_SEED.replace("\"selectors\"", "\"selections\""));
        BadInputAssert.assertBadInput(() -> ExperimentRows.rows(List.of(broken)), broken, "\"selectors\" is missing");
        Path notJson = run("garbage", "{ not json");
        BadInputAssert.assertBadInput(() -> ExperimentRows.rows(List.of(notJson)), notJson);
    }
}
