package org.nlb.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SeedResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.data.Labels;
import org.nlb.features.Pca;
import org.nlb.io.BadInputException;
import org.nlb.artefact.PoisonFile;
import org.nlb.io.JsonArtefacts;

/**
 * Section 5: the attacker's features (DESIGN §1 step 3) projected on their first two principal
 * components, fitted on a seeded sample of at most {@link #SAMPLE} rows ({@link Pca}); one scatter
 * per selector with its poison set drawn on top in black. The sample is coloured by true class
 * when the pretrain labels can be read ({@link SectionInputs}), else grey. Uses the first seed's
 * features; the sample is drawn with that seed.
 */
final class ProjectionSection implements ReportSection {
    static final int SAMPLE = 5000;
    /** Poison points drawn per selector, at most (seeded sample beyond). */
    static final int MAX_POISON_POINTS = 2000;
    private static final int MAX_LEGEND_CLASSES = 12;

    private final SectionInputs inputs;

    ProjectionSection(SectionInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public String id() {
        return "projection";
    }

    @Override
    public String heading() {
        return "The attacker's features (PCA)";
    }

    @Override
    public void writeBody(Html html) {
        RunResults results = inputs.results();
        RunFile file = inputs.run();
        SeedResults run = results.seedRuns().stream()
                .filter(r -> r.attacker() != null && r.attacker().features() != null).findFirst().orElse(null);
        if (run == null) {
            html.note("Missing: results.json names no features file (runs[].attacker.features).");
            return;
        }
        FeatureSample features;
        try {
            features = FeatureSample.read(file.resolve(run.attacker().features()).orElseThrow());
        } catch (BadInputException e) {
            html.note("Missing: the features could not be read: " + e.getMessage());
            return;
        }
        long seed = file.seed(run);
        int[] sample = FeatureSample.sampleRows(features.rows(), SAMPLE, seed);
        Pca pca = Pca.fit(features.rowsAt(sample), sample.length, features.cols(), 2);
        float[] background = pca.project(features.rowsAt(sample), sample.length);
        Available<Labels> labels = inputs.pretrainLabels();
        if (labels.present() && labels.get().size() != features.rows()) {
            labels = Available.missing("the pretrain split has " + labels.get().size() + " images but the features have "
                    + features.rows() + " rows");
        }
        html.note("Seed " + seed + ": " + sample.length + " of " + features.rows() + " pretrain images ("
                + features.cols() + "-dimensional " + ReportPage.featureSpace(results) + " features) on the first two principal"
                + " components; the poison set in black. "
                + (labels.present() ? "Colour = true class (never seen by the attacker)."
                : "Not coloured by class: " + labels.why() + "."));
        List<String> problems = new ArrayList<>();
        html.open("div", "grid");
        for (SelectorSummary s : results.selectorList()) {
            SeedResults.Selector sel = RunFile.selector(run, s.name());
            Optional<Path> poisonFile = sel == null ? Optional.empty() : file.resolve(sel.poison());
            if (poisonFile.isEmpty()) {
                problems.add(s.name() + ": results.json names no poison.json for seed " + seed);
                continue;
            }
            try {
                PoisonFile poison = JsonArtefacts.read(poisonFile.get(), PoisonFile.class);
                if (poison.n() != features.rows()) {
                    throw new BadInputException(poisonFile.get(), "indexes " + poison.n() + " images but the features"
                            + " have " + features.rows() + " rows");
                }
                int[] shown = subsample(poison.indexArray(), seed);
                float[] points = pca.project(features.rowsAt(shown), shown.length);
                html.figure(chart(s.name(), sample, background, points, labels), s.name() + ": " + poison.indices().size()
                        + " poisoned images" + (shown.length < poison.indices().size() ? " (" + shown.length + " drawn)" : "")
                        + ".");
            } catch (BadInputException e) {
                problems.add(e.getMessage());
            }
        }
        html.close("div");
        problems.forEach(p -> html.note("Missing: " + p));
    }

    private static int[] subsample(int[] indices, long seed) {
        int[] pick = FeatureSample.sampleRows(indices.length, MAX_POISON_POINTS, seed);
        int[] out = new int[pick.length];
        for (int k = 0; k < pick.length; k++) {
            out[k] = indices[pick[k]];
        }
        return out;
    }

    private BufferedImage chart(String selector, int[] sample, float[] background, float[] poison, Available<Labels> labels) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> classNames = inputs.results().dataset().names();
        if (labels.present()) {
            XYSeries[] perClass = new XYSeries[classNames.size()];
            for (int c = 0; c < perClass.length; c++) {
                perClass[c] = new XYSeries(classNames.get(c), false, true);
            }
            for (int r = 0; r < sample.length; r++) {
                perClass[labels.get().get(sample[r])].add(background[2 * r], background[2 * r + 1], false);
            }
            for (XYSeries s : perClass) {
                data.addSeries(s);
            }
        } else {
            XYSeries rest = new XYSeries("not poisoned", false, true);
            for (int r = 0; r < sample.length; r++) {
                rest.add(background[2 * r], background[2 * r + 1], false);
            }
            data.addSeries(rest);
        }
        XYSeries poisoned = new XYSeries("poison set", false, true);
        for (int r = 0; r < poison.length / 2; r++) {
            poisoned.add(poison[2 * r], poison[2 * r + 1], false);
        }
        data.addSeries(poisoned);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int last = data.getSeriesCount() - 1;
        for (int k = 0; k < data.getSeriesCount(); k++) {
            boolean isPoison = k == last;
            Color c = isPoison ? Color.BLACK : labels.present() ? ChartStyle.classColor(k) : ChartStyle.CLEAN;
            renderer.setSeriesPaint(k, ChartStyle.alpha(c, isPoison ? 150 : 110));
            double d = isPoison ? 4 : 3.5;
            renderer.setSeriesShape(k, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        }
        NumberAxis x = new NumberAxis("PC 1");
        NumberAxis y = new NumberAxis("PC 2");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        boolean legend = !labels.present() || classNames.size() <= MAX_LEGEND_CLASSES;
        JFreeChart chart = new JFreeChart(selector, ChartStyle.TITLE, plot, legend);
        return ChartStyle.render(chart, ChartStyle.WIDTH, 500);
    }
}
