package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.CliRunner;

/**
 * {@code nlb sweep} end to end on the toy data set with two rates: sweep.json, the shared stage
 * store (the clean encoder and its features are trained once), sweep.html, and a rerun after an
 * interruption that continues from the finished stages.
 */
class SweepCommandTest {
    private static final List<String> SELECTORS = List.of("contrastive", "random");

    @TempDir
    Path tmp;

    private String[] args(Path config, Path out) {
        return new String[] {"sweep", "--rates", "0.2,0.6", "--preset", "quick", "--config", config.toString(),
            "--out", out.toString()};
    }

    private static List<String> stageDirs(Path out, String prefix) throws Exception {
        try (Stream<Path> dirs = Files.list(out.resolve("stages"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    void aSweepRunsEveryRateOnOneSharedCleanEncoderAndContinuesAfterAnInterruption() throws Exception {
        Path out = tmp.resolve("sweep");
        Path config = TinyRun.config(tmp, "");
        Files.writeString(config, Files.readString(config)
                .replace("attack:\n", "attack:\n  selectors: [contrastive, random]\n"));
        CliRunner.Result first = CliRunner.run(args(config, out));
        assertThat(first.exitCode()).as(first.toString()).isZero();

        // sweep.json: the grid, and per point its files and headline figures
        JsonNode sweep = RunCommandTest.json(out.resolve("sweep.json"));
        assertThat(sweep.get("grid").get("rates").toString()).isEqualTo("[0.2,0.6]");
        assertThat(sweep.get("grid").get("methods").toString()).isEqualTo("[\"simclr\"]");
        assertThat(sweep.get("selectors").toString()).isEqualTo("[\"contrastive\",\"random\"]");
        JsonNode points = sweep.get("points");
        assertThat(points).hasSize(2);
        int[] budgets = {18, 54}; // floor(rate · 360 / 4)
        for (int k = 0; k < 2; k++) {
            JsonNode p = points.get(k);
            assertThat(p.get("name").asText()).isEqualTo(k == 0 ? "rate-0.2" : "rate-0.6");
            assertThat(p.get("budget").asInt()).isEqualTo(budgets[k]);
            assertThat(p.get("pretrain_images").asInt()).isEqualTo(360);
            assertThat(p.get("poison_share").asDouble()).isCloseTo(budgets[k] / 360.0, within(1e-12));
            JsonNode results = RunCommandTest.json(out.resolve(p.get("results").asText()));
            assertThat(results.get("rate").asDouble()).isEqualTo(p.get("rate").asDouble());
            assertThat(out.resolve(p.get("report").asText())).isNotEmptyFile();
            assertThat(p.get("selectors").fieldNames()).toIterable().containsExactlyElementsOf(SELECTORS);
            for (String s : SELECTORS) {
                JsonNode sel = p.get("selectors").get(s);
                assertThat(sel.get("ccr")).isEqualTo(results.get("selectors").get(s).get("ccr"));
                for (String probe : List.of("linear", "knn")) {
                    assertThat(sel.get(probe).fieldNames()).toIterable()
                            .containsExactly("asr", "asr_clean_encoder", "backdoor", "clean_acc");
                    sel.get(probe).forEach(stat -> assertThat(stat.fieldNames()).toIterable()
                            .containsExactly("mean", "std", "values"));
                    assertThat(sel.get(probe).get("asr")).isEqualTo(results.get("selectors").get(s).get(probe).get("asr"));
                }
            }
        }

        // one stage store: the split, the clean encoder and its features exist once, and point 2 reused them
        assertThat(stageDirs(out, "split-")).hasSize(1);
        assertThat(stageDirs(out, "pretrain-clean-s0-")).hasSize(1);
        assertThat(stageDirs(out, "features-s0-")).hasSize(1);
        assertThat(stageDirs(out, "victim-contrastive-s0-")).hasSize(2);
        assertThat(out.resolve("points/rate-0.2/stages")).doesNotExist();
        List<String> err = first.errLines();
        assertThat(err).contains("point 1/2 (rate 0.2)");
        int second = err.indexOf(err.stream().filter(l -> l.startsWith("point 2/2")).findFirst().orElseThrow());
        assertThat(err.get(second)).matches("point 2/2 \\(rate 0\\.6\\), sweep ETA \\d+ s");
        assertThat(err.subList(0, second)).noneMatch(l -> l.endsWith(" cached"));
        assertThat(err.subList(second, err.size()))
                .contains("[1/11] split cached", "[2/11] pretrain-clean-s0 cached", "[3/11] features-s0 cached")
                .anyMatch(l -> l.startsWith("[6/11] victim-contrastive-s0 (pretrain"));
        JsonNode run1 = RunCommandTest.json(out.resolve("points/rate-0.2/results.json")).get("runs").get(0);
        JsonNode run2 = RunCommandTest.json(out.resolve("points/rate-0.6/results.json")).get("runs").get(0);
        assertThat(run2.get("attacker")).isEqualTo(run1.get("attacker"));
        assertThat(run1.get("attacker").get("encoder").asText()).startsWith("../../stages/pretrain-clean-s0-");

        // sweep.html: charts as embedded PNGs, relative links to the points' reports, no external URL
        String html = Files.readString(out.resolve("sweep.html"));
        assertThat(html.split("data:image/png;base64,", -1).length - 1).isEqualTo(4); // 2 probes × (ASR, backdoor)
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
                .contains("href=\"points/rate-0.2/report.html\"").contains("href=\"points/rate-0.6/report.html\"")
                .contains("15.0 % of pretrain");
        String pointReport = Files.readString(out.resolve("points/rate-0.6/report.html"));
        assertThat(pointReport).doesNotContain("could not be drawn").doesNotContain("has no stages/");
        assertThat(first.out()).contains("rate-0.2").contains("rate-0.6").contains("sweep.json");

        // an interrupted sweep: point 2 lost its results and one victim was cut short; the rerun continues
        String victim = run2.get("selectors").get("contrastive").get("victim").asText();
        Files.delete(out.resolve("points/rate-0.6").resolve(victim).resolve("stage.json"));
        Files.delete(out.resolve("points/rate-0.6/results.json"));
        Files.delete(out.resolve("sweep.json"));
        List<String> pretrained = stageDirs(out, "pretrain-");
        CliRunner.Result rerun = CliRunner.run(args(config, out));
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.errLines()).contains("continuing the sweep in " + out + " (finished stages are reused)");
        assertThat(rerun.errLines().stream().filter(l -> l.equals("[2/11] pretrain-clean-s0 cached"))).hasSize(2);
        assertThat(rerun.errLines().stream().filter(l -> l.matches("\\[\\d+/11] victim-contrastive-s0 \\(pretrain.*")))
                .as("only the cut-short victim is trained again").hasSize(1);
        assertThat(rerun.errLines().stream().filter(l -> l.matches("\\[\\d+/11] victim-random-s0 cached"))).hasSize(2);
        assertThat(stageDirs(out, "pretrain-")).isEqualTo(pretrained);
        JsonNode again = RunCommandTest.json(out.resolve("sweep.json"));
        assertThat(again.get("points").get(0)).isEqualTo(points.get(0));
        assertThat(again.get("points").get(1).get("budget").asInt()).isEqualTo(54);
    }

    @Test
    void forceReplacesADirectoryOnlyOnceTheNewSweepIsComplete() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Path config = TinyRun.config(tmp, "");
        Files.writeString(config, Files.readString(config).replace("attack:\n", "attack:\n  selectors: [random]\n"));
        Path diverging = Files.writeString(tmp.resolve("diverging.yaml"),
                Files.readString(config).replace("batch_size: 32", "batch_size: 32\n  lr: 1e30"));
        String[] failing = {"sweep", "--rates", "0.2", "--preset", "quick", "--config", diverging.toString(),
            "--out", out.toString(), "--force"};

        CliRunner.Result failed = CliRunner.run(failing);

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries).as("the directory as it was").containsExactly(out.resolve("notes.txt"));
        }
        assertThat(out.resolve("notes.txt")).hasContent("mine");

        CliRunner.Result forced = CliRunner.run("sweep", "--rates", "0.2", "--preset", "quick", "--config",
                config.toString(), "--out", out.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(out.resolve("notes.txt")).doesNotExist();
        assertThat(out.resolve("sweep.json")).exists();
        assertThat(out.resolve("sweep.html")).exists();
        assertThat(out.resolve("points/rate-0.2/results.json")).exists();
        try (Stream<Path> entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .as("no replacement or set-aside directory left").isEmpty();
        }
    }
}
