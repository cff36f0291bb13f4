package org.nlb.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;

/**
 * Section 3: bar charts per probe — ASR on the poisoned victim next to ASR of the same trigger on
 * the clean encoder, per selector (the gap is the backdoor, DESIGN §4), and clean accuracy per
 * selector next to the clean encoder's. Error bars are one standard deviation over seeds.
 */
final class ProbeChartsSection implements ReportSection {
    static final int HEIGHT = 340;

    private final RunResults results;

    ProbeChartsSection(RunResults results) {
        this.results = results;
    }

    @Override
    public String id() {
        return "charts";
    }

    @Override
    public String heading() {
        return "ASR and clean accuracy";
    }

    @Override
    public void writeBody(Html html) {
        html.open("div", "grid");
        for (Probe p : results.probes()) {
            html.figure(asrChart(p), p.title() + ": ASR on the poisoned victim vs the same trigger on the clean encoder;"
                    + " the gap is the backdoor.");
            html.figure(cleanAccChart(p), p.title() + ": clean test accuracy of each victim and of the clean encoder.");
        }
        html.close("div");
    }

    private BufferedImage asrChart(Probe p) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (SelectorSummary s : results.selectorList()) {
            add(data, s.stat(p, Metric.ASR), "poisoned victim", s.name());
            add(data, s.stat(p, Metric.ASR_CLEAN_ENCODER), "clean encoder (trigger alone)", s.name());
        }
        JFreeChart chart = barChart(p.title() + " — attack success rate", "ASR (%)", data);
        StatisticalBarRenderer r = (StatisticalBarRenderer) chart.getCategoryPlot().getRenderer();
        r.setSeriesPaint(0, new Color(0xE0, 0x6C, 0x5F));
        r.setSeriesPaint(1, ChartStyle.CLEAN);
        return ChartStyle.render(chart, ChartStyle.WIDTH, HEIGHT);
    }

    private BufferedImage cleanAccChart(Probe p) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        add(data, results.cleanAccuracy(p), "clean accuracy", "clean encoder");
        for (SelectorSummary s : results.selectorList()) {
            add(data, s.stat(p, Metric.CLEAN_ACC), "clean accuracy", s.name());
        }
        JFreeChart chart = barChart(p.title() + " — clean accuracy", "clean accuracy (%)", data);
        chart.removeLegend();
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRenderer(new StatisticalBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                String name = (String) data.getColumnKey(column);
                return name.equals("clean encoder") ? ChartStyle.CLEAN : ChartStyle.selector(name);
            }
        });
        styleBars((StatisticalBarRenderer) plot.getRenderer());
        return ChartStyle.render(chart, ChartStyle.WIDTH, HEIGHT);
    }

    private static void add(DefaultStatisticalCategoryDataset data, Stat s, String series, String category) {
        data.add(s.defined() ? 100 * s.mean() : null, s.defined() && s.n() > 1 ? 100 * s.std() : null, series, category);
    }

    private static JFreeChart barChart(String title, String axis, DefaultStatisticalCategoryDataset data) {
        NumberAxis range = new NumberAxis(axis);
        range.setRange(0, 105);
        range.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
        org.jfree.chart.axis.CategoryAxis domain = new org.jfree.chart.axis.CategoryAxis();
        domain.setCategoryMargin(0.12);
        domain.setMaximumCategoryLabelLines(2);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        styleBars(renderer);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return new JFreeChart(title, ChartStyle.TITLE, plot, true);
    }

    private static void styleBars(StatisticalBarRenderer r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.12);
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.0")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // Inside the bar, halfway up, clear of the error bar at its top; short bars get it above.
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        r.setPositiveItemLabelPositionFallback(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    }
}
