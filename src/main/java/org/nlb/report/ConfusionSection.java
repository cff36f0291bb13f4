package org.nlb.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nlb.artefact.Probe;
import org.nlb.artefact.ProbeMetrics;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SeedResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/**
 * Section 8: the confusion matrix of triggered test predictions (DESIGN §4,
 * {@code metrics.json} {@code probes.linear.confusion_triggered}: rows = true class, columns =
 * predicted) for each selector's victim, next to the clean encoder's with the same trigger, as
 * HTML tables shaded by the share of the row; the target column is outlined. First seed only.
 */
final class ConfusionSection implements ReportSection {
    /** Above this many classes a full matrix is unreadable; only the target column is shown. */
    static final int MAX_MATRIX_CLASSES = 20;
    private static final Color EMPTY = Color.WHITE;
    private static final Color FULL = new Color(0x08, 0x30, 0x6B);

    private final RunFile run;

    ConfusionSection(RunFile run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "confusion";
    }

    @Override
    public String heading() {
        return "Confusion of triggered test images (linear probe)";
    }

    @Override
    public void writeBody(Html html) {
        RunResults results = run.results();
        if (results.seedRuns().isEmpty()) {
            html.note("Missing: results.json lists no runs, so there is no metrics.json to read.");
            return;
        }
        SeedResults entry = results.seedRuns().get(0);
        long seed = run.seed(entry);
        html.note("Seed " + seed + ". Rows: true class; columns: predicted class after the trigger (numbered as"
                + " the rows); shading: share of the row. The target column is outlined in red.");
        List<String> problems = new ArrayList<>();
        for (SelectorSummary s : results.selectorList()) {
            SeedResults.Selector sel = RunFile.selector(entry, s.name());
            if (sel == null) {
                problems.add(s.name() + ": results.json has no entry for seed " + seed);
                continue;
            }
            int target = sel.target() != null && sel.target() >= 0 ? sel.target() : s.mainTarget();
            html.element("h3", "", s.name() + " — target " + target + " " + results.dataset().className(target));
            html.open("div", "pair");
            matrix(html, "poisoned victim", run.resolve(sel.metrics()), target, problems, s.name());
            matrix(html, "clean encoder, same trigger", run.resolve(sel.cleanMetrics()), target, problems, s.name());
            html.close("div");
        }
        problems.forEach(p -> html.note("Missing: " + p));
    }

    private void matrix(Html html, String title, Optional<Path> file, int target, List<String> problems, String selector) {
        if (file.isEmpty()) {
            problems.add(selector + ": results.json names no metrics file for the " + title);
            return;
        }
        int[][] counts;
        try {
            counts = read(file.get());
        } catch (BadInputException e) {
            problems.add(e.getMessage());
            return;
        }
        html.open("div", "matrix");
        html.element("p", "caption", title);
        html.open("table", "confusion");
        boolean full = counts.length <= MAX_MATRIX_CLASSES;
        html.open("tr").element("th", "", "true \\ predicted");
        for (int c = 0; c < counts.length; c++) {
            if (full || c == target) {
                html.element("th", c == target ? "target" : "", Integer.toString(c));
            }
        }
        html.close("tr");
        for (int r = 0; r < counts.length; r++) {
            long total = 0;
            for (int v : counts[r]) {
                total += v;
            }
            html.open("tr").element("th", "row", r + " " + run.results().dataset().className(r));
            for (int c = 0; c < counts.length; c++) {
                if (full || c == target) {
                    double share = total == 0 ? 0 : (double) counts[r][c] / total;
                    html.shadedCell(Integer.toString(counts[r][c]),
                            ((c == target ? "target " : "") + (counts[r][c] == 0 ? "zero" : "")).strip(), shade(share));
                }
            }
            html.close("tr");
        }
        html.close("table").close("div");
    }

    private static Color shade(double share) {
        double t = Math.sqrt(Math.max(0, Math.min(1, share)));
        return new Color((int) Math.round(EMPTY.getRed() + t * (FULL.getRed() - EMPTY.getRed())),
                (int) Math.round(EMPTY.getGreen() + t * (FULL.getGreen() - EMPTY.getGreen())),
                (int) Math.round(EMPTY.getBlue() + t * (FULL.getBlue() - EMPTY.getBlue())));
    }

    /** {@code probes.linear.confusion_triggered} of a metrics.json: a square matrix of counts. */
    private int[][] read(Path file) {
        ProbeMetrics.Result<?> linear = JsonArtefacts.read(file, ProbeMetrics.class).probe(Probe.LINEAR);
        List<List<Integer>> m = linear == null ? null : linear.confusionTriggered();
        if (m == null || m.isEmpty()) {
            throw new BadInputException(file, "has no probes.linear.confusion_triggered (probed without a trigger?)");
        }
        int n = m.size();
        int[][] out = new int[n][n];
        for (int r = 0; r < n; r++) {
            List<Integer> row = m.get(r);
            if (row == null || row.size() != n) {
                throw new BadInputException(file, "probes.linear.confusion_triggered is not a square matrix");
            }
            for (int c = 0; c < n; c++) {
                out[r][c] = row.get(c) == null ? 0 : row.get(c);
            }
        }
        return out;
    }
}
