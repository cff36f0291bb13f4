package org.nlb.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The sweep's charts (issue 6): per SSL method and probe, ASR against the poison rate, one line
 * per selector, and the backdoor effect {@code asr − asr_clean_encoder} (DESIGN §4) likewise.
 * Every point on the x axis is labelled with the rate <em>and</em> the share of the pretrain set
 * it poisons, since the rate is relative to one class ({@code M = floor(rate · N / C)}). The grid's
 * rates are evenly spaced, not to scale. Error bars are one standard deviation over seeds.
 */
final class SweepChartsSection implements ReportSection {
    static final int HEIGHT = 360;

    private final SweepResults sweep;

    SweepChartsSection(SweepResults sweep) {
        this.sweep = sweep;
    }

    @Override
    public String id() {
        return "charts";
    }

    @Override
    public String heading() {
        return "ASR and backdoor effect against the poison rate";
    }

    @Override
    public void writeBody(Html html) {
        html.note("The rate is relative to one class: budget M = floor(rate · N / C) of the N = "
                + String.format(java.util.Locale.ROOT, "%,d", sweep.pretrainImages()) + " pretrain images; each"
                + " tick gives the share of the pretrain set that M is. Rates are evenly spaced, not to scale."
                + (sweep.seeds() > 1 ? " Error bars: one standard deviation over " + sweep.seeds() + " seeds." : ""));
        for (String method : sweep.methods()) {
            if (sweep.methods().size() > 1) {
                html.element("h3", "", method);
            }
            html.open("div", "grid");
            for (Probe p : sweep.probes()) {
                html.figure(chart(method, p, Metric.ASR), p.title() + " (" + method + "): attack success rate of each"
                        + " selector's victim against the poison rate.");
                html.figure(chart(method, p, Metric.BACKDOOR), p.title() + " (" + method + "): backdoor effect, ASR"
                        + " minus the same trigger's ASR on the clean encoder; only this part is a backdoor.");
            }
            html.close("div");
        }
    }

    private BufferedImage chart(String method, Probe probe, Metric metric) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (String selector : sweep.selectors()) {
            for (SweepResults.Point point : sweep.pointsOf(method)) {
                Stat s = point.stat(selector, probe, metric);
                data.add(s.defined() ? 100 * s.mean() : null, s.defined() && s.count() > 1 ? 100 * s.std() : null,
                        selector, point.rateLabel());
            }
        }
        boolean asr = metric == Metric.ASR;
        NumberAxis range = new NumberAxis(asr ? "ASR (%)" : "ASR − ASR on clean encoder (points)");
        if (asr) {
            range.setRange(0, 105);
        } else {
            range.setAutoRangeIncludesZero(true);
            range.setAutoRangeMinimumSize(10); // all-zero effects draw as a flat line, not at a 1e-9 scale
        }
        CategoryAxis domain = new CategoryAxis("poison rate (share of the pretrain set)");
        domain.setMaximumCategoryLabelLines(2);
        domain.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        for (int k = 0; k < sweep.selectors().size(); k++) {
            renderer.setSeriesPaint(k, ChartStyle.selector(sweep.selectors().get(k)));
            renderer.setSeriesStroke(k, new BasicStroke(2f));
        }
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        if (!asr) {
            plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        }
        String title = probe.title() + (sweep.methods().size() > 1 ? " · " + method : "") + " — "
                + (asr ? "ASR" : "backdoor effect") + " vs poison rate";
        return ChartStyle.render(new JFreeChart(title, ChartStyle.TITLE, plot, true), ChartStyle.WIDTH, HEIGHT);
    }
}
