package org.nlb.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.nlb.artefact.PoisonFile;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SeedResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/**
 * Section 4: the true-class histogram of each selector's poison set (from {@code poison.json}'s
 * {@code histogram}, DESIGN §2), as a share of the set so that the tallest bar is the CCR. One
 * chart per selector, one bar colour per seed.
 */
final class HistogramSection implements ReportSection {
    private final RunFile run;

    HistogramSection(RunFile run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "histograms";
    }

    @Override
    public String heading() {
        return "Classes in each poison set";
    }

    @Override
    public void writeBody(Html html) {
        RunResults results = run.results();
        if (results.seedRuns().isEmpty()) {
            html.note("Missing: results.json lists no runs, so there is no poison.json to read.");
            return;
        }
        List<String> problems = new ArrayList<>();
        html.open("div", "grid");
        for (SelectorSummary s : results.selectorList()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            List<PoisonSummary> seeds = new ArrayList<>();
            for (SeedResults entry : results.seedRuns()) {
                long seed = run.seed(entry);
                SeedResults.Selector sel = RunFile.selector(entry, s.name());
                Optional<Path> poison = sel == null ? Optional.empty() : run.resolve(sel.poison());
                if (poison.isEmpty()) {
                    problems.add(s.name() + " seed " + seed + ": results.json names no poison.json");
                    continue;
                }
                try {
                    seeds.add(addSeed(data, poison.get(), seed));
                } catch (BadInputException e) {
                    problems.add(s.name() + " seed " + seed + ": " + e.getMessage());
                }
            }
            if (data.getRowCount() > 0) {
                html.figure(chart(s.name(), data), s.name() + ": " + caption(seeds));
            }
        }
        html.close("div");
        for (String p : problems) {
            html.note("Missing: " + p);
        }
    }

    /** What the caption says of one seed's poison set. */
    private record PoisonSummary(long seed, String target, double ccr, long images) {}

    /** E.g. "target Ankle boot, CCR 91.0 % of 3240 images", per seed unless the seeds agree on the target. */
    private static String caption(List<PoisonSummary> seeds) {
        PoisonSummary first = seeds.get(0);
        if (seeds.size() > 1 && seeds.stream().allMatch(p -> p.target().equals(first.target()))) {
            return "target " + first.target() + " in every seed; CCR " + seeds.stream()
                    .map(p -> Percent.withSign(p.ccr()) + " (seed " + p.seed() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")) + "; " + first.images() + " images.";
        }
        return seeds.stream().map(p -> (seeds.size() > 1 ? "seed " + p.seed() + ": " : "") + "target " + p.target()
                + ", CCR " + Percent.withSign(p.ccr()) + " of " + p.images() + " images")
                .collect(java.util.stream.Collectors.joining("; ")) + ".";
    }

    /** Adds one seed's histogram as a share of the poison set. */
    private PoisonSummary addSeed(DefaultCategoryDataset data, Path file, long seed) {
        PoisonFile poison = JsonArtefacts.read(file, PoisonFile.class);
        List<Integer> histogram = poison.histogram();
        if (histogram == null) {
            throw new BadInputException(file, "has no \"histogram\" (the selection was made without labels)");
        }
        long total = histogram.stream().mapToLong(Integer::longValue).sum();
        String series = "seed " + seed;
        for (int k = 0; k < histogram.size(); k++) {
            data.addValue(total == 0 ? 0 : 100.0 * histogram.get(k) / total, series, run.results().dataset().className(k));
        }
        String target = poison.target() != null ? run.results().dataset().className(poison.target()) : "?";
        return new PoisonSummary(seed, target, poison.ccr() == null ? Double.NaN : poison.ccr(), total);
    }

    private BufferedImage chart(String selector, DefaultCategoryDataset data) {
        CategoryAxis classes = new CategoryAxis();
        classes.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        classes.setMaximumCategoryLabelLines(1);
        NumberAxis share = new NumberAxis("share of the poison set (%)");
        share.setRange(0, 100);
        share.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
        Color base = ChartStyle.selector(selector);
        for (int k = 0; k < data.getRowCount(); k++) {
            r.setSeriesPaint(k, k == 0 ? base : k == 1 ? base.darker() : base.brighter());
        }
        CategoryPlot plot = new CategoryPlot(data, classes, share, r);
        JFreeChart chart = new JFreeChart(selector, ChartStyle.TITLE, plot, data.getRowCount() > 1);
        return ChartStyle.render(chart, ChartStyle.WIDTH, 320);
    }
}
