package org.nlb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;

/** The small readers behind the report: trigger block, log.csv, the feature sample. */
class SectionInputsTest {
    @TempDir
    Path tmp;

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void theTriggerBlockIsReadInlineOrUnderParametersWithDefaultsForTheRest() throws Exception {
        Path file = tmp.resolve("results.json");
        TriggerConfig inline = RunTrigger.parse(json("{\"kind\": \"checkerboard-corner\", \"alpha\": 0.5, \"size\": 4,"
                + " \"position\": [2, 3]}"), tmp, file);
        assertThat(inline).isEqualTo(new TriggerConfig(TriggerKind.CHECKERBOARD_CORNER, 0.5, 4,
                Optional.of(new TriggerConfig.Position(2, 3)), Optional.empty(), 0, TriggerKind.DEFAULT_SCALE));
        TriggerConfig nested = RunTrigger.parse(json("{\"name\": \"blend-noise\", \"parameters\": {\"seed\": 7}}"), tmp, file);
        assertThat(nested.kind()).isEqualTo(TriggerKind.BLEND_NOISE);
        assertThat(nested.alpha()).isEqualTo(TriggerKind.BLEND_NOISE.defaultAlpha());
        assertThat(nested.seed()).isEqualTo(7);
        assertBadInput(() -> RunTrigger.parse(json("{\"alpha\": 1}"), tmp, file), file, "trigger.kind");
        assertBadInput(() -> RunTrigger.parse(json("{\"kind\": \"sparkles\"}"), tmp, file), "--trigger", "unknown trigger");
    }

    @Test
    void aTrainingLogIsReadByColumnNameAndBadRowsNameTheLine() throws Exception {
        Path log = tmp.resolve("log.csv");
        Files.writeString(log, "seconds,loss,epoch\n10.0,5.5,1\n20.0,4.25,2\n\n");
        TrainingLog read = TrainingLog.read(log);
        assertThat(read.epochs()).containsExactly(1, 2);
        assertThat(read.losses()).containsExactly(5.5, 4.25);
        assertThat(read.seconds()).containsExactly(10.0, 20.0);
        Files.writeString(log, "epoch,step,loss\n1,10,nan-ish\n");
        assertBadInput(() -> TrainingLog.read(log), log, "line 2");
        Files.writeString(log, "step,lr\n");
        assertBadInput(() -> TrainingLog.read(log), log, "no \"epoch\" and \"loss\"");
        assertBadInput(() -> TrainingLog.read(tmp.resolve("none.csv")), tmp.resolve("none.csv"), "does not exist");
    }

    @Test
    void theFeatureSampleIsSeededDistinctAndSorted() {
        int[] a = FeatureSample.sampleRows(100_000, 5000, 3);
        assertThat(a).hasSize(5000).isSorted().doesNotHaveDuplicates();
        assertThat(FeatureSample.sampleRows(100_000, 5000, 3)).isEqualTo(a);
        assertThat(FeatureSample.sampleRows(100_000, 5000, 4)).isNotEqualTo(a);
        assertThat(FeatureSample.sampleRows(7, 5000, 3)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void aPoisonFileForAnotherSetIsNotDrawnButNamed() throws Exception {
        Path run = RunFixtures.convincingRun(tmp);
        Path poison;
        try (var walk = Files.walk(run)) {
            poison = walk.filter(p -> p.toString().contains("select-kmeans") && p.endsWith("poison.json")).findFirst()
                    .orElseThrow();
        }
        Files.writeString(poison, "{\"n\": 5, \"indices\": [1, 2]}");
        String html = RunReport.render(run);
        String projection = RunReportTest.section(html, "projection");
        assertThat(projection).contains("indexes 5 images but the features have");
        assertThat(RunReportTest.imageSources(projection)).hasSize(3);
        assertThat(RunReportTest.section(html, "histograms")).contains("no &quot;histogram&quot;");
    }

    @Test
    void theSplitIsFoundWhereResultsJsonSaysOrInTheOneSplitStage() throws Exception {
        Path run = RunFixtures.convincingRun(tmp);
        SectionInputs found = new SectionInputs(RunFile.read(run));
        assertThat(found.pretrainLabels().present()).as(found.pretrainLabels().why()).isTrue();
        Path other = Files.createDirectories(run.resolve("stages/split-111111111111"));
        Files.copy(run.resolve("stages/split-000000000000/pretrain.npy"), other.resolve("pretrain.npy"));
        SectionInputs ambiguous = new SectionInputs(RunFile.read(run));
        assertThat(ambiguous.pretrainIndices().why()).contains("2 split stages");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(
                run.resolve("results.json").toFile());
        root.putObject("split").put("pretrain", "stages/split-111111111111/pretrain.npy");
        Files.writeString(run.resolve("results.json"), root.toString());
        SectionInputs declared = new SectionInputs(RunFile.read(run));
        assertThat(declared.pretrainIndices().present()).isTrue();
        assertThat(declared.results().split().pretrain()).isEqualTo("stages/split-111111111111/pretrain.npy");
    }
}
