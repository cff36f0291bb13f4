package org.nlb.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Stat;

/**
 * A metric against the poison rate, one line per selector, one standard deviation as error bars:
 * the chart of a sweep's page and of {@code nlb report --rate-chart}, drawn the same way so the
 * two can be set side by side. Rates are categories (evenly spaced, not to scale).
 */
final class RateLineChart {
    static final int HEIGHT = 360;

    private final DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();

    /** Adds one point; a missing figure leaves a gap, one seed draws no error bar. */
    void add(String selector, String rateLabel, Stat s) {
        data.add(s.defined() ? 100 * s.mean() : null, s.defined() && s.n() > 1 ? 100 * s.std() : null,
                selector, rateLabel);
    }

    /** The points added so far: series = selectors, columns = rate labels, values and error bars in %. */
    StatisticalCategoryDataset data() {
        return data;
    }

    /** Renders ASR (0–105 %) or the backdoor effect (points, zero marked) with {@code title}. */
    BufferedImage render(String title, Metric metric, List<String> selectors, int width) {
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
        for (int k = 0; k < selectors.size(); k++) {
            renderer.setSeriesPaint(k, ChartStyle.selector(selectors.get(k)));
            renderer.setSeriesStroke(k, new BasicStroke(2f));
        }
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        if (!asr) {
            plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        }
        return ChartStyle.render(new JFreeChart(title, ChartStyle.TITLE, plot, true), width, HEIGHT);
    }
}
