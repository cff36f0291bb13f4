package org.nlb.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.nlb.artefact.Artefacts;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;

/**
 * {@code nlb report --rate-chart}: the backdoor effect and the ASR against the poison rate, per
 * probe, from runs of one setting made one rate at a time ({@code nlb run} with different
 * {@code attack.rate}, which lanes and stage reuse make cheaper than a sweep). One PNG: the effect
 * on the top row, the ASR below, linear probe left, kNN right, as on a sweep's page. The runs
 * must differ in the rate only as far as the chart can tell (SSL method, trigger, pretrain images);
 * a chart mixing settings would draw a trend that is not one.
 */
public final class RateChart {
    private RateChart() {}

    /**
     * Reads every file, checks they form one setting at distinct rates, and writes the chart to
     * {@code out} atomically; nothing is written when a file is bad.
     *
     * @throws BadInputException naming the file that is missing, malformed or of another setting
     */
    public static void write(List<Path> files, Path out) {
        OutputGuard guard = OutputGuard.output(out);
        files.forEach(f -> guard.file("--rate-chart", f));
        guard.check();
        List<RunFile> runs = files.stream().map(RunFile::readFile).toList();
        checkOneSetting(runs);
        BufferedImage image = draw(runs);
        AtomicOutput.writeFile(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new java.io.IOException("no PNG writer");
            }
        });
    }

    static void checkOneSetting(List<RunFile> runs) {
        RunFile first = runs.get(0);
        for (RunFile run : runs.subList(1, runs.size())) {
            same(run, first, "pretrain.method", method(run), method(first));
            same(run, first, "trigger", trigger(run), trigger(first));
            same(run, first, "pretrain images", run.results().dataset().pretrain(), first.results().dataset().pretrain());
        }
        for (int i = 0; i < runs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (runs.get(i).results().rate() == runs.get(j).results().rate()) {
                    throw new BadInputException(runs.get(i).file(), "has the rate "
                            + Percent.decimal(runs.get(i).results().rate())
                            + " of " + runs.get(j).file() + "; a rate chart takes one run per rate");
                }
            }
        }
    }

    private static void same(RunFile run, RunFile first, String what, Object value, Object expected) {
        if (!Objects.equals(value, expected)) {
            throw new BadInputException(run.file(), what + " " + value + " differs from " + expected + " in "
                    + first.file() + "; a rate chart compares runs of one setting at different rates");
        }
    }

    private static String method(RunFile run) {
        return run.results().config().path("pretrain").path("method").asText("?");
    }

    /** The trigger block as the chart compares it: its JSON, or "none". */
    private static String trigger(RunFile run) {
        return run.results().trigger() == null ? "none" : Artefacts.tree(run.results().trigger()).toString();
    }

    /**
     * One chart of the page: {@code metric} against the rate under {@code probe}, at row
     * {@code row} and column {@code column} of the grid, one line per selector of {@code selectors}.
     */
    record Panel(int row, int column, Metric metric, Probe probe, String title, List<String> selectors,
                 RateLineChart chart) {}

    /** The page's charts, row by row: the effect on top, the ASR below, one probe per column, rates ascending. */
    static List<Panel> panels(List<RunFile> unsorted) {
        List<RunFile> runs = unsorted.stream().sorted(Comparator.comparingDouble(r -> r.results().rate())).toList();
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.results().selectors().keySet()));
        List<String> selectors = List.copyOf(names);
        String method = method(runs.get(0));
        Metric[] rows = {Metric.BACKDOOR, Metric.ASR};
        Probe[] columns = Probe.values();
        List<Panel> panels = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                RateLineChart chart = new RateLineChart();
                for (String selector : selectors) {
                    for (RunFile run : runs) {
                        SelectorSummary s = run.results().selector(selector);
                        chart.add(selector, label(run.results()), s == null ? Stat.missing()
                                : s.stat(columns[c], rows[r]));
                    }
                }
                String title = columns[c].title() + " · " + method + " — "
                        + (rows[r] == Metric.ASR ? "ASR" : "backdoor effect") + " vs poison rate";
                panels.add(new Panel(r, c, rows[r], columns[c], title, selectors, chart));
            }
        }
        return panels;
    }

    private static BufferedImage draw(List<RunFile> runs) {
        List<Panel> panels = panels(runs);
        int w = ChartStyle.WIDTH;
        int h = RateLineChart.HEIGHT;
        int rows = panels.stream().mapToInt(Panel::row).max().orElse(0) + 1;
        int columns = panels.stream().mapToInt(Panel::column).max().orElse(0) + 1;
        BufferedImage page = new BufferedImage(w * columns, h * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        try {
            for (Panel p : panels) {
                g.drawImage(p.chart().render(p.title(), p.metric(), p.selectors(), w), p.column() * w, p.row() * h, null);
            }
        } finally {
            g.dispose();
        }
        return page;
    }

    /** {@code 0.5 (5.0 % of pretrain, 3 seeds)}: the sweep's label, with the seeds behind each point. */
    static String label(RunResults run) {
        return Percent.decimal(run.rate()) + " (" + Percent.withSign(run.poisonShare()) + " of pretrain, "
                + run.seeds().size() + (run.seeds().size() == 1 ? " seed)" : " seeds)");
    }
}
