package org.nlb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.idx.IdxFormat;
import org.nlb.testing.TestImages;

/** The run report from fixture run directories: every section, embedded PNGs only, verdicts, missing pieces. */
class RunReportTest {
    static final List<String> SECTION_IDS = List.of("verdict", "metrics", "charts", "histograms", "projection", "samples",
            "loss", "confusion", "config", "timings");
    private static final Pattern IMG = Pattern.compile("<img\\s[^>]*src=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    /** A small labelled IDX data set with named classes; returns its spec. */
    static String writeData(Path dir) throws IOException {
        List<String> names = List.of("zero", "one", "two", "three", "four");
        DatasetSpec spec = new DatasetSpec(DatasetFormat.IDX, dir);
        Files.createDirectories(dir);
        IdxFormat.write(new Dataset(spec, TestImages.labeled(400, 1, 12, 12, names, 1),
                TestImages.labeled(100, 1, 12, 12, names, 2)), dir, false);
        return spec.toString();
    }

    static Dataset read(String spec) {
        return DatasetFormat.readDataset(DatasetSpec.parse(spec), org.nlb.data.ReadOptions.DEFAULT);
    }

    static List<RunFixture.Outcome> convincing() {
        return List.of(RunFixture.Outcome.of("contrastive", 0.92, 0.04, 0.9, 3),
                RunFixture.Outcome.of("kmeans", 0.55, 0.05, 0.7, 1),
                RunFixture.Outcome.of("random", 0.08, 0.05, 0.2, 0),
                RunFixture.Outcome.of("label-aware", 0.97, 0.04, 1.0, 2));
    }

    static List<RunFixture.Outcome> unconvincing() {
        return List.of(RunFixture.Outcome.of("contrastive", 0.41, 0.39, 0.3, 3),
                RunFixture.Outcome.of("random", 0.40, 0.39, 0.2, 3),
                RunFixture.Outcome.of("label-aware", 0.02, 0.01, 1.0, 2));
    }

    private Path fixture(List<RunFixture.Outcome> outcomes, long... seeds) throws IOException {
        String spec = writeData(tmp.resolve("data"));
        return RunFixture.write(tmp.resolve("run"), spec, read(spec), seeds, outcomes);
    }

    static List<String> imageSources(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aCompleteRunHasEverySectionAndOnlyEmbeddedPngs() throws Exception {
        Path run = fixture(convincing(), 0);
        Path out = RunReport.write(run);
        assertThat(out).isEqualTo(run.resolve("report.html"));
        String html = Files.readString(out);
        for (String id : SECTION_IDS) {
            assertThat(html).as(id).contains("<section id=\"" + id + "\">");
        }
        List<String> images = imageSources(html);
        // 4 probe charts, 4 histograms, 4 projections, 2 image grids, 1 loss chart.
        assertThat(images).hasSize(15);
        for (String src : images) {
            assertThat(src).startsWith("data:image/png;base64,");
            byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(50);
        }
        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContainIgnoringCase("<script").doesNotContain("<link");
        // Everything the contract points to is there, so no section reports a gap.
        assertThat(html).doesNotContain("Missing").doesNotContain("could not be drawn");
        assertThat(html).contains("Colour = true class");
        try (var files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aLayoutPatchRunShowsTestImagesWithTheTestTimePatchAndPoisonImagesAsLayouts() throws Exception {
        Path run = fixture(convincing(), 0);
        Path results = run.resolve("results.json");
        edit(results, Files.readString(results), root -> root.set("trigger", new ObjectMapper().createObjectNode()
                .put("kind", "layout-patch").put("alpha", 1.0).put("size", 3).put("seed", 0).put("scale", 0.6)));
        String samples = section(Files.readString(RunReport.write(run)), "samples");
        assertThat(samples).contains("layout-patch").contains("with the test-time trigger (bottom)")
                .contains("scale=0.6").doesNotContain("Missing");
        assertThat(imageSources(samples)).hasSize(2);
    }

    @Test
    void theMetricsTableMarksTheBaselineAndCeilingAndShowsPercentages() throws Exception {
        String html = RunReport.render(fixture(convincing(), 0));
        String table = html.substring(html.indexOf("<section id=\"metrics\">"), html.indexOf("<section id=\"charts\">"));
        assertThat(table).contains("<tr class=\"baseline\">").contains("baseline")
                .contains("<tr class=\"ceiling\">").contains("oracle ceiling");
        // contrastive, linear: ASR 92.0, clean encoder 4.0, effect +88.0; target 3 "three".
        assertThat(table).contains(">92.0<").contains(">4.0<").contains(">+88.0<").contains("3 three");
        assertThat(table).contains("Linear probe").contains("kNN");
        assertThat(table).doesNotContain("±");
    }

    @Test
    void theMetricsSectionShowsTheTriggerGeometryOfVictimAndCleanEncoderWhenTheRunHasIt() throws Exception {
        Path run = fixture(convincing(), 0);
        String table = section(RunReport.render(run), "metrics");
        // contrastive: ASR 0.92 on the victim, 0.04 on the clean encoder -> pulls +0.092 / +0.004
        assertThat(table).contains("Trigger geometry").contains("<th>target pull</th>")
                .contains("<td>+0.092 / +0.004</td>").contains("<td>0.950 / 0.950</td>");
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.resolve("results.json").toFile());
        json.get("selectors").forEach(s -> ((com.fasterxml.jackson.databind.node.ObjectNode) s)
                .remove(List.of("trigger_geometry", "trigger_geometry_clean_encoder")));
        Files.writeString(run.resolve("results.json"), json.toString());
        assertThat(section(RunReport.render(run), "metrics")).doesNotContain("Trigger geometry").contains(">92.0<");
    }

    @Test
    void severalSeedsShowMeanAndStandardDeviation() throws Exception {
        List<RunFixture.Outcome> outcomes = List.of(
                new RunFixture.Outcome("contrastive", new double[] {0.9, 0.7}, new double[] {0.05, 0.05}, 0.9, 3),
                new RunFixture.Outcome("random", new double[] {0.1, 0.1}, new double[] {0.05, 0.05}, 0.2, 0));
        String html = RunReport.render(fixture(outcomes, 0, 1));
        // ASR mean 80.0, sample std of {90, 70} = 14.1.
        assertThat(section(html, "metrics")).contains("80.0<br><span class=\"sd\">± 14.1</span>")
                .contains("mean ± standard deviation over 2 seeds");
        assertThat(html).contains("seed 0").contains("seed 1");
    }

    @Test
    void aConvincingRunSaysSoWithTheNumbers() throws Exception {
        String html = RunReport.render(fixture(convincing(), 0));
        String verdict = html.substring(html.indexOf("<section id=\"verdict\">"), html.indexOf("<section id=\"metrics\">"));
        assertThat(verdict).contains("class=\"verdict convincing\"").contains("A backdoor is shown")
                .contains("contrastive (Linear probe) plants a backdoor").contains("92.0 %").contains("+88.0 points");
    }

    @Test
    void anUnconvincingRunSaysNoBackdoorIsShown() throws Exception {
        String html = RunReport.render(fixture(unconvincing(), 0));
        String verdict = html.substring(html.indexOf("<section id=\"verdict\">"), html.indexOf("<section id=\"metrics\">"));
        assertThat(verdict).contains("class=\"verdict unconvincing\"").contains("No backdoor is shown")
                .contains("by itself").contains("Not even the label-aware oracle").doesNotContain("plants a backdoor:");
    }

    @Test
    void missingOptionalFilesMakeTheirSectionsSaySo() throws Exception {
        Path run = fixture(convincing(), 0);
        try (var walk = Files.walk(run.resolve("stages"))) {
            for (Path p : walk.filter(p -> p.getFileName().toString().equals("features.npy")
                    || p.getFileName().toString().equals("log.csv")).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(firstFile(run, "metrics.json"), "{ broken");
        Files.delete(run.resolve("run.json"));
        String html = RunReport.render(run);
        for (String id : SECTION_IDS) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        assertThat(section(html, "projection")).contains("Missing").contains("features.npy").contains("does not exist");
        assertThat(section(html, "loss")).contains("Missing").contains("log.csv");
        assertThat(section(html, "confusion")).contains("not valid JSON");
        assertThat(section(html, "config")).contains("Missing: run.json");
        assertThat(section(html, "metrics")).doesNotContain("Missing");
    }

    @Test
    void anUnreadableDataSetOnlyEmptiesTheImageSections() throws Exception {
        Path run = fixture(convincing(), 0);
        try (var walk = Files.walk(tmp.resolve("data"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        String html = RunReport.render(run);
        assertThat(section(html, "samples")).contains("Missing: the data set could not be read");
        assertThat(section(html, "projection")).contains("Not coloured by class").contains("<img");
        assertThat(section(html, "histograms")).contains("<img");
    }

    @Test
    void aRunWithoutRunsListStillReportsItsNumbers() throws Exception {
        Path run = fixture(convincing(), 0);
        String text = Files.readString(run.resolve("results.json"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove(List.of("runs", "timings", "trigger"));
        Files.writeString(run.resolve("results.json"), json.toString());
        String html = RunReport.render(run);
        assertThat(section(html, "metrics")).contains(">92.0<");
        assertThat(section(html, "histograms")).contains("lists no runs");
        assertThat(section(html, "samples")).contains("no trigger block");
        assertThat(section(html, "timings")).contains("Missing");
    }

    @Test
    void badResultsJsonIsBadInputAndWritesNothing() throws Exception {
        Path run = fixture(convincing(), 0);
        Path results = run.resolve("results.json");
        String good = Files.readString(results);

        Files.writeString(results, "{\"config\": ");
        assertBadInput(() -> RunReport.write(run), results, "not valid JSON");
        edit(results, good, root -> root.set("selector_list", root.remove("selectors")));
        assertBadInput(() -> RunReport.write(run), results, "\"selectors\" is missing");
        edit(results, good, root -> root.put("seeds", "zero"));
        assertBadInput(() -> RunReport.write(run), results, "\"seeds\"", "list of whole numbers");
        edit(results, good, root -> root.put("budget", 1.5));
        assertBadInput(() -> RunReport.write(run), results, "\"budget\"", "whole number");
        edit(results, good, root -> root.with("dataset").remove(List.of("class_names", "classes")));
        assertBadInput(() -> RunReport.write(run), results, "\"dataset.class_names\" is missing");
        edit(results, good, root -> root.with("selectors").with("contrastive").with("linear").put("asr", "high"));
        assertBadInput(() -> RunReport.write(run), results, "\"selectors.contrastive.linear.asr\"", "mean");
        edit(results, good, root -> root.with("selectors").with("contrastive").with("linear").with("asr").remove("mean"));
        assertBadInput(() -> RunReport.write(run), results, "\"selectors.contrastive.linear.asr.mean\" is missing");
        edit(results, good, root -> root.put("runs", 3));
        assertBadInput(() -> RunReport.write(run), results, "\"runs\"", "expected a list");
        Files.writeString(results, "[1, 2]");
        assertBadInput(() -> RunReport.write(run), results, "expected a JSON object");
        Files.delete(results);
        assertBadInput(() -> RunReport.write(run), results, "is missing");
        assertBadInput(() -> RunReport.write(tmp.resolve("nope")), tmp.resolve("nope"), "does not exist");
        assertThat(run.resolve("report.html")).doesNotExist();
    }

    private static void edit(Path results, String good, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(good);
        change.accept(root);
        Files.writeString(results, root.toString());
    }

    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    private static Path firstFile(Path run, String name) throws IOException {
        try (var walk = Files.walk(run)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).sorted().findFirst().orElseThrow();
        }
    }
}
