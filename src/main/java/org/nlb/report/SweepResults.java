package org.nlb.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the sweep page reads from {@code sweep.json} (issue 6, written by {@code nlb sweep}),
 * checked and typed by {@link SweepResultsReader}.
 *
 * @param dir the sweep directory; the points' paths are relative to it
 * @param nlbVersion the version that wrote the sweep
 * @param preset the preset every point started from
 * @param spec the data set
 * @param pretrainImages N, the pretrain images of every point
 * @param seeds the seeds of every point
 * @param selectors the selectors, in report order
 * @param methods the SSL methods of the grid, in order
 * @param points the points, method by method, rates in the order given
 */
record SweepResults(Path dir, String nlbVersion, String preset, String spec, int pretrainImages, int seeds,
                    List<String> selectors, List<String> methods, List<Point> points) {
    static final String FILE = "sweep.json";

    SweepResults {
        selectors = List.copyOf(selectors);
        methods = List.copyOf(methods);
        points = List.copyOf(points);
    }

    /**
     * One grid point.
     *
     * @param name its directory name under points/
     * @param rate the poison rate relative to one class
     * @param budget M, the poison images
     * @param poisonShare M as a fraction of the pretrain set
     * @param report the point's report.html, relative to the sweep directory
     * @param cleanAcc the clean encoder's clean accuracy per probe
     * @param selectors the headline figures per selector
     */
    record Point(String name, String method, double rate, int budget, double poisonShare, String report,
                 Map<Probe, Stat> cleanAcc, List<SelectorResult> selectors) {
        Point {
            cleanAcc = Collections.unmodifiableMap(new EnumMap<>(cleanAcc));
            selectors = List.copyOf(selectors);
        }

        /** The figures of {@code selector}, or missing ones when the point did not run it. */
        Stat stat(String selector, Probe probe, Metric metric) {
            return SelectorResult.stat(selectors, selector, probe, metric);
        }

        /**
         * The rate with the share of the data set it poisons, the way every axis and table of the
         * sweep shows it: {@code 0.6 (6.0 % of pretrain)}.
         */
        String rateLabel() {
            return String.format(Locale.ROOT, "%s (%s of pretrain)", rateText(), Percent.withSign(poisonShare));
        }

        /** {@code 0.1}, never {@code 0.10} or {@code 1.0E-1}. */
        String rateText() {
            return Percent.decimal(rate);
        }
    }

    /** The points of one method, in grid order. */
    List<Point> pointsOf(String method) {
        return points.stream().filter(p -> p.method().equals(method)).toList();
    }

    /** The probes any point measured, in enum order. */
    List<Probe> probes() {
        return java.util.Arrays.stream(Probe.values())
                .filter(p -> points.stream().anyMatch(pt -> pt.selectors().stream().anyMatch(s -> s.has(p)))).toList();
    }

    Path file() {
        return dir.resolve(FILE);
    }
}
