package org.nlb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.BadInputAssert;

/** sweep.html from a hand-written sweep.json: 2 methods × 2 rates, 2 seeds, no training. */
class SweepReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ObjectNode stat(double a, double b) {
        ObjectNode s = JSON.createObjectNode();
        s.put("mean", (a + b) / 2);
        s.put("std", Math.abs(a - b) / Math.sqrt(2));
        s.putArray("values").add(a).add(b);
        return s;
    }

    private static ObjectNode point(String method, double rate, int budget) {
        String name = method + "-rate-" + rate;
        ObjectNode p = JSON.createObjectNode();
        p.put("name", name);
        p.put("method", method);
        p.put("rate", rate);
        p.put("dir", "points/" + name);
        p.put("results", "points/" + name + "/results.json");
        p.put("report", "points/" + name + "/report.html");
        p.put("budget", budget);
        p.put("pretrain_images", 4000);
        p.put("poison_share", budget / 4000.0);
        for (String probe : List.of("linear", "knn")) {
            p.putObject("clean").putObject(probe).set("clean_acc", stat(0.7, 0.72));
        }
        ObjectNode selectors = p.putObject("selectors");
        for (String s : List.of("contrastive", "random")) {
            ObjectNode sel = selectors.putObject(s);
            sel.set("ccr", stat(0.5, 0.6));
            sel.put("target", 3);
            for (String probe : List.of("linear", "knn")) {
                ObjectNode f = sel.putObject(probe);
                f.set("asr", stat(rate / 2, rate / 2 + 0.1));
                f.set("asr_clean_encoder", stat(0.02, 0.03));
                f.set("backdoor", stat(rate / 2 - 0.02, rate / 2 + 0.07));
                f.set("clean_acc", stat(0.68, 0.7));
            }
        }
        return p;
    }

    private Path sweep() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("nlb_version", "test");
        root.put("preset", "quick");
        root.putObject("grid").set("methods", JSON.createArrayNode().add("simclr").add("byol"));
        ((ObjectNode) root.get("grid")).set("rates", JSON.createArrayNode().add(0.1).add(0.6));
        root.putObject("dataset").put("spec", "fashion-mnist").put("pretrain", 4000);
        root.putArray("seeds").add(0).add(1);
        root.putArray("selectors").add("contrastive").add("random");
        ArrayNode points = root.putArray("points");
        for (String method : List.of("simclr", "byol")) {
            points.add(point(method, 0.1, 100));
            points.add(point(method, 0.6, 600));
        }
        Path dir = Files.createDirectories(tmp.resolve("sweep"));
        Files.writeString(dir.resolve("sweep.json"), JSON.writeValueAsString(root));
        Path report = Files.createDirectories(dir.resolve("points/simclr-rate-0.1")).resolve("report.html");
        Files.writeString(report, "<html></html>");
        return dir;
    }

    @Test
    void severalMethodsGetTheirOwnChartsAndEveryPointIsInTheTable() throws Exception {
        Path dir = sweep();
        Path written = SweepReport.write(dir);
        assertThat(written).isEqualTo(dir.resolve("sweep.html"));
        String html = Files.readString(written);
        // per method: 2 probes × (ASR, backdoor effect)
        assertThat(html.split("src=\"data:image/png;base64,", -1).length - 1).isEqualTo(8);
        assertThat(html).contains("<h3>simclr</h3>").contains("<h3>byol</h3>")
                .contains("Error bars: one standard deviation over 2 seeds")
                .contains("2.5 % of pretrain").contains("15.0 % of pretrain")
                .contains("<a href=\"points/simclr-rate-0.1/report.html\">report</a>")
                .doesNotContain("href=\"points/byol-rate-0.6/report.html\"") // not written: said, not linked
                .contains("no report.html")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        assertThat(html.split("<td class=\"point\" rowspan=\"2\">", -1).length - 1).as("4 points × 4 cells").isEqualTo(16);
        // the backdoor effect at rate 0.6: values 0.28 and 0.37, mean 0.325, sample std 0.0636
        assertThat(html).contains("<td class=\"effect\">+32.5<br><span class=\"sd\">± 6.4");
    }

    @Test
    void aMissingOrMalformedSweepJsonIsBadInput() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        BadInputAssert.assertBadInput(() -> SweepReport.write(dir), dir.resolve("sweep.json"), "is missing");
        Files.writeString(dir.resolve("sweep.json"), "{\"points\": []}");
        BadInputAssert.assertBadInput(() -> SweepReport.write(dir), dir.resolve("sweep.json"), "dataset");
        assertThat(dir.resolve("sweep.html")).doesNotExist();
    }
}
