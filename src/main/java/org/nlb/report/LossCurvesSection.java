package org.nlb.report;

import java.awt.BasicStroke;
import java.awt.Color;
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
import org.nlb.io.BadInputException;

/**
 * Section 7: the SSL training loss per epoch of the attacker's (clean) encoder and of each victim,
 * one chart per seed, from each encoder directory's {@code log.csv}. The victims train on the
 * poisoned set with the same method and schedule (DESIGN §1), so their curves should lie close to
 * the clean one.
 */
final class LossCurvesSection implements ReportSection {
    private static final String CLEAN = "attacker / clean encoder";

    private final RunFile run;

    LossCurvesSection(RunFile run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "loss";
    }

    @Override
    public String heading() {
        return "Training loss";
    }

    @Override
    public void writeBody(Html html) {
        RunResults results = run.results();
        if (results.seedRuns().isEmpty()) {
            html.note("Missing: results.json lists no runs, so there are no encoder directories to read log.csv from.");
            return;
        }
        List<String> problems = new ArrayList<>();
        html.open("div", "grid");
        for (SeedResults entry : results.seedRuns()) {
            XYSeriesCollection data = new XYSeriesCollection();
            List<Color> colours = new ArrayList<>();
            add(data, colours, CLEAN, Color.BLACK, entry.attacker() == null ? Optional.empty()
                    : run.resolve(entry.attacker().encoder()), problems);
            for (SelectorSummary s : results.selectorList()) {
                SeedResults.Selector sel = RunFile.selector(entry, s.name());
                add(data, colours, "victim of " + s.name(), ChartStyle.selector(s.name()),
                        sel == null ? Optional.empty() : run.resolve(sel.victim()), problems);
            }
            long seed = run.seed(entry);
            if (data.getSeriesCount() > 0) {
                html.figure(chart(data, colours, "seed " + seed), "Seed " + seed
                        + ": SSL loss per epoch (from each encoder's log.csv).");
            }
        }
        html.close("div");
        problems.forEach(p -> html.note("Missing: " + p));
    }

    private static void add(XYSeriesCollection data, List<Color> colours, String name, Color colour,
                            Optional<Path> encoderDir, List<String> problems) {
        if (encoderDir.isEmpty()) {
            problems.add("results.json names no encoder directory for the " + name);
            return;
        }
        try {
            TrainingLog log = TrainingLog.read(encoderDir.get().resolve(TrainingLog.FILE));
            XYSeries series = new XYSeries(name, false, true);
            for (int k = 0; k < log.size(); k++) {
                series.add(log.epochs()[k], log.losses()[k]);
            }
            data.addSeries(series);
            colours.add(colour);
        } catch (BadInputException e) {
            problems.add(e.getMessage());
        }
    }

    private static BufferedImage chart(XYSeriesCollection data, List<Color> colours, String title) {
        boolean hasClean = data.getSeriesCount() > 0 && CLEAN.equals(data.getSeriesKey(0));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int k = 0; k < colours.size(); k++) {
            renderer.setSeriesPaint(k, colours.get(k));
            // The clean curve dashed, so that victims drawn on top of it stay visible.
            renderer.setSeriesStroke(k, k == 0 && hasClean ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f) : new BasicStroke(1.8f));
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        NumberAxis loss = new NumberAxis("loss");
        loss.setAutoRangeIncludesZero(false);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, new XYPlot(data, epochs, loss, renderer), true);
        return ChartStyle.render(chart, ChartStyle.WIDTH, 360);
    }
}
