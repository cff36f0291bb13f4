package org.nlb.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.nlb.artefact.EpochStats;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;

/**
 * ASR against epoch ({@code probe.at_epochs}): per probe, one line per selector for the
 * victim's ASR and a dashed line of the same colour for the same trigger and target on the clean
 * encoder at the same epoch; the gap between them is the backdoor (DESIGN §4). The points before
 * the last come from snapshots taken mid-schedule, while the cosine learning rate is still high:
 * they show how one run learns, not what a run of that many epochs would give.
 */
final class EpochChartsSection implements ReportSection {
    static final int HEIGHT = 360;
    /** The caveat, under the charts. */
    static final String CAVEAT = "Only the last point (the final encoders) is the run's result. The earlier points are"
            + " snapshots taken mid-schedule, with the cosine learning rate still high: they show how this run learned,"
            + " not what a run trained for that many epochs would reach.";

    private final RunResults results;

    EpochChartsSection(RunResults results) {
        this.results = results;
    }

    /** Whether the run has figures against epoch to draw. */
    static boolean applies(RunResults results) {
        return results.selectorList().stream().anyMatch(SelectorSummary::hasEpochs);
    }

    @Override
    public String id() {
        return "epochs";
    }

    @Override
    public String heading() {
        return "ASR against epoch";
    }

    @Override
    public void writeBody(Html html) {
        html.note("Solid: ASR on the poisoned victim; dashed, same colour: the same trigger and target on the clean"
                + " encoder after the same epoch. The gap is the backdoor."
                + (results.seeds().size() > 1 ? " Error bars: one standard deviation over " + results.seeds().size()
                + " seeds." : ""));
        html.open("div", "grid");
        for (Probe p : results.probes()) {
            if (results.selectorList().stream().anyMatch(s -> !s.byEpoch(p).isEmpty())) {
                html.figure(chart(p), p.title() + ": ASR of each selector's victim and of the clean encoder against"
                        + " the epoch of the victims' schedule; points before the last are mid-schedule snapshots.");
            }
        }
        html.close("div");
        html.note(CAVEAT);
    }

    private BufferedImage chart(Probe probe) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setErrorPaint(Color.DARK_GRAY);
        int k = 0;
        for (SelectorSummary s : results.selectorList()) {
            List<EpochStats> points = s.byEpoch(probe);
            if (points.isEmpty()) {
                continue;
            }
            Color colour = ChartStyle.selector(s.name());
            data.addSeries(series(s.name() + " (victim)", points, Metric.ASR));
            renderer.setSeriesPaint(k, colour);
            renderer.setSeriesStroke(k++, new BasicStroke(2f));
            data.addSeries(series(s.name() + " (clean encoder)", points, Metric.ASR_CLEAN_ENCODER));
            renderer.setSeriesPaint(k, colour);
            renderer.setSeriesStroke(k++, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        NumberAxis epochs = new NumberAxis("epoch (of the victims' schedule)");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        epochs.setUpperMargin(0.06);
        NumberAxis asr = new NumberAxis("ASR (%)");
        asr.setRange(0, 105);
        XYPlot plot = new XYPlot(data, epochs, asr, renderer);
        int last = results.selectorList().stream().flatMap(s -> s.byEpoch(probe).stream()).mapToInt(EpochStats::epoch)
                .max().orElse(0);
        ValueMarker end = new ValueMarker(last, Color.GRAY, new BasicStroke(1f));
        end.setLabel("final encoders");
        end.setLabelFont(ChartStyle.TICK);
        end.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        end.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        end.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(end);
        String title = probe.title() + " — ASR against epoch";
        return ChartStyle.render(new JFreeChart(title, ChartStyle.TITLE, plot, true), ChartStyle.WIDTH, HEIGHT);
    }

    private static YIntervalSeries series(String name, List<EpochStats> points, Metric metric) {
        YIntervalSeries series = new YIntervalSeries(name);
        for (EpochStats p : points) {
            Stat s = metric.of(p);
            if (s.defined()) {
                double mean = 100 * s.mean();
                double sd = s.n() > 1 ? 100 * s.std() : 0;
                series.add(p.epoch(), mean, mean - sd, mean + sd);
            }
        }
        return series;
    }
}
