package org.nlb.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/**
 * The look shared by every chart of the report (JFreeChart, rendered off-screen to a
 * {@link BufferedImage}), and the colours: one per selector, the same in every chart, and a
 * ten-colour palette for classes.
 */
final class ChartStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    /** The colour of the clean encoder and of "trigger alone" bars. */
    static final Color CLEAN = new Color(0xC4, 0xC4, 0xC4);
    /** The width of every chart: two fit side by side in the page. */
    static final int WIDTH = 570;
    /** Tableau's ten colours: distinguishable and colour-blind friendly enough. */
    static final List<Color> CLASSES = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    private ChartStyle() {}

    /** The colour of a selector, by name, so that every chart agrees. */
    static Color selector(String name) {
        return switch (name) {
            case "contrastive" -> new Color(0x1f77b4);
            case "kmeans" -> new Color(0xff7f0e);
            case "random" -> new Color(0x80, 0x80, 0x80);
            case "label-aware" -> new Color(0x2ca02c);
            case "contrastive-mean" -> new Color(0x9467bd);
            case "contrastive-neg" -> new Color(0x8c564b);
            default -> CLASSES.get(Math.floorMod(name.hashCode(), CLASSES.size()));
        };
    }

    /** The colour of class {@code k} (the palette repeats past ten classes). */
    static Color classColor(int k) {
        return CLASSES.get(k % CLASSES.size());
    }

    /** {@code c} with alpha {@code a} in 0..255. */
    static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /** Applies the shared look and renders the chart. */
    static BufferedImage render(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(GRID);
            p.setRangeGridlineStroke(new BasicStroke(1f));
            p.getDomainAxis().setLabelFont(LABEL);
            p.getDomainAxis().setTickLabelFont(TICK);
            p.getRangeAxis().setLabelFont(LABEL);
            p.getRangeAxis().setTickLabelFont(TICK);
        } else if (plot instanceof XYPlot p) {
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlinePaint(GRID);
            p.getDomainAxis().setLabelFont(LABEL);
            p.getDomainAxis().setTickLabelFont(TICK);
            p.getRangeAxis().setLabelFont(LABEL);
            p.getRangeAxis().setTickLabelFont(TICK);
        }
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }
}
