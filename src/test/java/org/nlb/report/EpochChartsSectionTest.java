package org.nlb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.artefact.EpochStats;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.SelectorSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

/** The report's ASR-against-epoch charts ({@code probe.at_epochs}), from a fixture run directory. */
class EpochChartsSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path fixture() throws Exception {
        String spec = RunReportTest.writeData(tmp.resolve("data"));
        return RunFixture.write(tmp.resolve("run"), spec, RunReportTest.read(spec), new long[] {0},
                RunReportTest.convincing());
    }

    /** Adds by_epoch lists (epochs 2 and 5, the last equal to the final figures) to every selector and probe. */
    private static void addByEpoch(Path run) throws Exception {
        Path file = run.resolve("results.json");
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        root.with("selectors").fields().forEachRemaining(s -> {
            for (String probe : List.of("linear", "knn")) {
                ObjectNode p = (ObjectNode) s.getValue().get(probe);
                ArrayNode list = p.putArray("by_epoch");
                ObjectNode early = list.addObject().put("epoch", 2);
                early.set("asr", stat(p.get("asr").get("mean").asDouble() / 2));
                early.set("asr_clean_encoder", p.get("asr_clean_encoder"));
                ObjectNode last = list.addObject().put("epoch", 5);
                p.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("by_epoch")) {
                        last.set(f.getKey(), f.getValue());
                    }
                });
            }
        });
        Files.writeString(file, root.toString());
    }

    private static ObjectNode stat(double mean) {
        ObjectNode s = JSON.createObjectNode().put("mean", mean).put("std", 0);
        s.putArray("values").add(mean);
        return s;
    }

    @Test
    void aRunWithSnapshotsGetsOneChartPerProbeWithTheCaveat() throws Exception {
        Path run = fixture();
        addByEpoch(run);
        SelectorSummary contrastive = RunFile.read(run).results().selectorList().get(0);
        assertThat(contrastive.byEpoch(Probe.LINEAR)).extracting(EpochStats::epoch).containsExactly(2, 5);
        assertThat(Metric.ASR.of(contrastive.byEpoch(Probe.LINEAR).get(0)).mean()).isEqualTo(0.46);
        assertThat(Metric.ASR.of(contrastive.byEpoch(Probe.LINEAR).get(1)))
                .isEqualTo(contrastive.stat(Probe.LINEAR, Metric.ASR));

        String html = RunReport.render(run);
        assertThat(html.indexOf("<section id=\"epochs\">")).isGreaterThan(html.indexOf("<section id=\"charts\">"))
                .isLessThan(html.indexOf("<section id=\"histograms\">"));
        String section = RunReportTest.section(html, "epochs");
        assertThat(RunReportTest.imageSources(section)).hasSize(2).allMatch(s -> s.startsWith("data:image/png;base64,"));
        assertThat(section).contains("Linear probe: ASR of each selector").contains("kNN: ASR of each selector")
                .contains("snapshots taken mid-schedule, with the cosine learning rate still high")
                .doesNotContain("could not be drawn");
        assertThat(html).contains("<a href=\"#epochs\">4. ASR against epoch</a>");
    }

    @Test
    void aRunWithoutSnapshotsHasNoSuchSection() throws Exception {
        String html = RunReport.render(fixture());
        assertThat(html).doesNotContain("<section id=\"epochs\">").doesNotContain("ASR against epoch");
    }

    @Test
    void aMalformedListIsBadInputNamingTheField() throws Exception {
        Path run = fixture();
        Path file = run.resolve("results.json");
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        root.with("selectors").with("kmeans").with("knn").put("by_epoch", 3);
        Files.writeString(file, root.toString());
        assertBadInput(() -> RunReport.write(run), file, "\"selectors.kmeans.knn.by_epoch\"", "expected a list");
        root.with("selectors").with("kmeans").with("knn").putArray("by_epoch").addObject().put("asr", 0.5);
        Files.writeString(file, root.toString());
        assertBadInput(() -> RunReport.write(run), file, "\"selectors.kmeans.knn.by_epoch[0].epoch\" is missing");
        assertThat(run.resolve("report.html")).doesNotExist();
    }
}
