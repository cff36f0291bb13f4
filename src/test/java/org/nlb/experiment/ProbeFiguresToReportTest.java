package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.Probes;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SeedResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.io.JsonArtefacts;
import org.nlb.report.ExperimentRows;
import org.nlb.report.RunReport;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/**
 * The linear probe's and the kNN monitor's figures stay apart from metrics.json to the report:
 * metrics.json → {@link ProbeStage#read} → {@link ResultsAggregator#values} → {@link SeedRun} →
 * {@link ResultsAggregator} and {@link ResultsJson} → results.json → the report's reader → EXPERIMENTS.md rows, the HTML metrics
 * table and the run summary. Every figure of every probe, encoder and selector is distinct, so a
 * swap anywhere on the way shows up under the wrong name.
 *
 * <p>Not covered: {@code ExperimentRunner.runSeed}, which passes a probe stage's output to the
 * {@link SeedResults.Selector} constructor positionally; this test builds the selector the same way by hand.
 */
class ProbeFiguresToReportTest {
    /** clean_acc, poison_acc, asr, clean_to_target of each probe on one encoder. */
    private record Figures(double[] linear, double[] knn) {}

    /** The victims' and the clean encoder's figures of one selector; all sixteen numbers differ. */
    private record Outcome(String name, int target, Figures victim, Figures clean) {}

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome("contrastive", 1,
                    new Figures(new double[] {0.834, 0.402, 0.612, 0.021}, new double[] {0.776, 0.511, 0.347, 0.043}),
                    new Figures(new double[] {0.851, 0.806, 0.081, 0.012}, new double[] {0.801, 0.752, 0.153, 0.034})),
            new Outcome("random", 2,
                    new Figures(new double[] {0.842, 0.774, 0.093, 0.015}, new double[] {0.768, 0.703, 0.127, 0.026}),
                    new Figures(new double[] {0.857, 0.791, 0.072, 0.011}, new double[] {0.795, 0.731, 0.118, 0.037})));

    @TempDir
    Path tmp;

    private Path run;
    private RunResults results;

    @BeforeEach
    void writeRun() throws Exception {
        Path data = IdxFiles.writeSet(Files.createDirectories(tmp.resolve("data")), TestImages.patterns(200, 12, 1),
                TestImages.patterns(20, 12, 2), false);
        Path yaml = Files.writeString(tmp.resolve("run.yaml"), """
                data: {spec: "idx:%s", pretrain_subset: 0}
                attack: {assumed_classes: 4, kmeans_clusters: 4, selectors: [contrastive, random]}
                """.formatted(data));
        RunConfig config = ConfigLoader.load(new ConfigLoader.Request(Optional.of("quick"), Optional.of(yaml),
                Optional.empty(), Optional.empty())).config();
        RunInputs inputs = RunInputs.load(config);
        run = Files.createDirectories(tmp.resolve("e42-probes"));
        Map<String, SeedResults.Selector> selectors = new LinkedHashMap<>();
        Map<String, SeedRun.Steps> steps = new LinkedHashMap<>();
        Probes<Double> cleanAccuracy = null;
        for (Outcome o : OUTCOMES) {
            String victimDir = "stages/probe-" + o.name() + "-s0-aaaaaaaaaaaa";
            String cleanDir = "stages/probe-clean-" + o.name() + "-s0-bbbbbbbbbbbb";
            ProbeStage.Output v = probeStage(inputs, o.target()).read(writeMetrics(victimDir, o.target(), o.victim()));
            ProbeStage.Output c = probeStage(inputs, o.target()).read(writeMetrics(cleanDir, o.target(), o.clean()));
            // as ExperimentRunner.runSeed builds it
            selectors.put(o.name(), new SeedResults.Selector(o.name(), "stages/select/poison.json", "stages/victim",
                    victimDir + "/metrics.json", cleanDir + "/metrics.json", o.target(), 0.5,
                    ResultsAggregator.values(v.linear(), c.linear()), ResultsAggregator.values(v.knn(), c.knn()),
                    v.geometry(), c.geometry(), null));
            steps.put(o.name(), new SeedRun.Steps(1, 2, 3));
            if (cleanAccuracy == null) {
                cleanAccuracy = new Probes<>(c.linear().cleanAcc(), c.knn().cleanAcc());
            }
        }
        List<SeedRun> runs = List.of(new SeedRun(new SeedResults(0L, new SeedResults.Attacker("stages/attacker",
                "stages/features/features.npy", 4), new SeedResults.Clean("stages/attacker"), selectors),
                cleanAccuracy, steps));
        results = ResultsJson.of(inputs, "quick", runs, 180, 20,
                new RunResults.SplitFiles("stages/split/pretrain.npy", "stages/split/downstream.npy"),
                Map.of("split", 1.0), 10);
        JsonArtefacts.write(run.resolve(RunDirectory.RESULTS_FILE), results);
        // what the report reads: the file as written, not the record in memory
        results = JsonArtefacts.read(run.resolve(RunDirectory.RESULTS_FILE), RunResults.class);
    }

    private static ProbeStage probeStage(RunInputs inputs, int target) {
        return new ProbeStage("probe", inputs.spec(), Path.of("encoder"), Path.of("downstream.npy"), inputs.trigger(),
                target, inputs.config().probe(), 0, 0, Map.of());
    }

    /** A metrics.json as ProbeReport lays it out, in {@code dir} under the run; returns the directory. */
    private Path writeMetrics(String dir, int target, Figures f) throws Exception {
        ObjectNode root = RunJson.JSON.createObjectNode();
        root.put("target", target);
        ObjectNode probes = root.putObject("probes");
        probeJson(probes.putObject("linear"), f.linear());
        probeJson(probes.putObject("knn"), f.knn());
        ObjectNode g = root.putObject("trigger_geometry");
        g.put("trigger_cosine", 0.97);
        g.put("target_pull", 0.01);
        g.put("triggered_spread", 0.9);
        g.put("clean_spread", 0.85);
        Path d = Files.createDirectories(run.resolve(dir));
        RunJson.write(d.resolve(ProbeStage.FILE), root);
        return d;
    }

    private static void probeJson(ObjectNode o, double[] v) {
        o.put("clean_acc", v[0]);
        o.put("poison_acc", v[1]);
        o.put("asr", v[2]);
        o.put("clean_to_target", v[3]);
    }

    /** {@code 0.612} as the report writes it: {@code 61.2}. */
    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    /** A difference in points with its sign, as the report writes it: {@code +53.1}, {@code −3.4}. */
    private static String signed(double fraction) {
        return (fraction < 0 ? "−" : "+") + pct(Math.abs(fraction));
    }

    @Test
    void resultsJsonKeepsEachProbesFiguresUnderItsName() {
        for (Outcome o : OUTCOMES) {
            SelectorSummary s = results.selector(o.name());
            SeedResults.Selector perSeed = results.seedRuns().get(0).selectorsByName().get(o.name());
            for (Probe probe : Probe.values()) {
                double[] victim = probe == Probe.LINEAR ? o.victim().linear() : o.victim().knn();
                double[] clean = probe == Probe.LINEAR ? o.clean().linear() : o.clean().knn();
                String what = o.name() + "." + probe;
                assertThat(s.stat(probe, Metric.CLEAN_ACC).mean()).as(what).isEqualTo(victim[0]);
                assertThat(s.stat(probe, Metric.POISON_ACC).mean()).as(what).isEqualTo(victim[1]);
                assertThat(s.stat(probe, Metric.ASR).mean()).as(what).isEqualTo(victim[2]);
                assertThat(s.stat(probe, Metric.CLEAN_TO_TARGET).mean()).as(what).isEqualTo(victim[3]);
                assertThat(s.stat(probe, Metric.ASR_CLEAN_ENCODER).mean()).as(what).isEqualTo(clean[2]);
                assertThat(s.stat(probe, Metric.CLEAN_ACC_DROP).mean()).as(what).isEqualTo(clean[0] - victim[0]);
                assertThat(perSeed.probe(probe).asr()).as(what).isEqualTo(victim[2]);
                assertThat(perSeed.probe(probe).asrCleanEncoder()).as(what).isEqualTo(clean[2]);
            }
        }
        assertThat(results.cleanAccuracy(Probe.LINEAR).mean()).isEqualTo(0.851);
        assertThat(results.cleanAccuracy(Probe.KNN).mean()).isEqualTo(0.801);
    }

    @Test
    void experimentRowsPutEachFigureInItsProbesColumn() {
        List<String> rows = ExperimentRows.rows(List.of(run.resolve(RunDirectory.RESULTS_FILE)));
        assertThat(rows).hasSize(OUTCOMES.size());
        for (int k = 0; k < OUTCOMES.size(); k++) {
            Outcome o = OUTCOMES.get(k);
            Map<String, String> cells = cells(rows.get(k));
            assertThat(cells.get("selector")).isEqualTo(o.name());
            double[] lin = o.victim().linear();
            double[] knn = o.victim().knn();
            double[] cleanLin = o.clean().linear();
            double[] cleanKnn = o.clean().knn();
            assertThat(cells).as(o.name())
                    .containsEntry("clean acc lin / kNN (drop)", pct(lin[0]) + " / " + pct(knn[0]) + " ("
                            + signed(cleanLin[0] - lin[0]) + " / " + signed(cleanKnn[0] - knn[0]) + ")")
                    .containsEntry("ASR lin", pct(lin[2]))
                    .containsEntry("ASR clean-enc lin", pct(cleanLin[2]))
                    .containsEntry("effect lin", signed(lin[2] - cleanLin[2]))
                    .containsEntry("ASR kNN", pct(knn[2]))
                    .containsEntry("clean-enc kNN", pct(cleanKnn[2]))
                    .containsEntry("effect kNN", signed(knn[2] - cleanKnn[2]));
        }
    }

    /** A Markdown row's cells by the column names of {@link ExperimentRows#COLUMNS}. */
    private static Map<String, String> cells(String row) {
        String[] parts = row.substring(2, row.length() - 2).split(" \\| ", -1);
        assertThat(parts).hasSameSizeAs(ExperimentRows.COLUMNS);
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < parts.length; c++) {
            m.put(ExperimentRows.COLUMNS.get(c), parts[c]);
        }
        return m;
    }

    private static final Pattern GROUP = Pattern.compile("<th colspan=\"(\\d+)\" class=\"group\">([^<]*)</th>");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

    @Test
    void theReportsMetricsTableShowsEachFigureUnderItsProbesHeading() {
        String html = RunReport.render(run);
        String table = html.substring(html.indexOf("<table class=\"metrics\">"));
        table = table.substring(0, table.indexOf("</table>"));
        // the column groups, in the order the header gives them: the probe's title and its width
        List<String> groups = new ArrayList<>();
        int width = 0;
        for (Matcher m = GROUP.matcher(table); m.find(); ) {
            groups.add(m.group(2));
            width = Integer.parseInt(m.group(1));
        }
        assertThat(groups).containsExactlyInAnyOrder("Linear probe", "kNN");
        assertThat(width).as("clean acc, drop, poison acc, ASR, ASR clean enc., effect").isEqualTo(6);
        for (Outcome o : OUTCOMES) {
            String row = table.substring(table.indexOf("<th class=\"name\">" + o.name()));
            row = row.substring(0, row.indexOf("</tr>"));
            List<String> cells = new ArrayList<>();
            for (Matcher m = CELL.matcher(row); m.find(); ) {
                cells.add(m.group(1).replaceAll("(?s)<.*", "")); // the number, without a second line
            }
            assertThat(cells).hasSize(3 + 6 * groups.size());
            for (int g = 0; g < groups.size(); g++) {
                boolean linear = groups.get(g).equals("Linear probe");
                double[] victim = linear ? o.victim().linear() : o.victim().knn();
                double[] clean = linear ? o.clean().linear() : o.clean().knn();
                List<String> mine = cells.subList(3 + 6 * g, 3 + 6 * (g + 1));
                assertThat(mine).as("%s under %s", o.name(), groups.get(g)).containsExactly(pct(victim[0]),
                        signed(clean[0] - victim[0]), pct(victim[1]), pct(victim[2]), pct(clean[2]),
                        signed(victim[2] - clean[2]));
            }
        }
        assertThat(html).contains("Linear probe clean accuracy 85.1 %; kNN clean accuracy 80.1 %");
    }

    @Test
    void theRunSummaryQuotesTheLinearProbe() {
        String summary = RunSummary.text(results, run.resolve(RunDirectory.RESULTS_FILE));
        assertThat(summary).contains("clean encoder accuracy linear 0.851, knn 0.801");
        String contrastive = summary.lines().filter(l -> l.startsWith("contrastive")).findFirst().orElseThrow();
        assertThat(contrastive.split("\\s+")).containsSubsequence("0.612", "0.081", "0.531", "0.834");
    }
}
