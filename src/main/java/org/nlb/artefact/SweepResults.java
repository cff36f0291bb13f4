package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.json} of {@code nlb sweep}: the grid, and per point the paths of its
 * results.json and report.html and its headline figures, copied from its results.json: the budget
 * and the poison share of the pretrain set ({@code budget / pretrain images}, so that nobody
 * misreads a rate relative to one class as a share of the data), the clean encoder's accuracy, and
 * per selector its CCR, target and each probe's {@link HeadlineFigures}. {@code dataset}, {@code seeds},
 * {@code selectors} and a non-empty {@code points} are required.
 *
 * @param configFile the config file every point started from; {@code null} (written) without one
 * @param command the command line
 * @param started when the sweep command started (ISO-8601)
 * @param finished when it finished
 * @param dataset the data set, as every point's results.json gives it
 * @param seeds the seeds of every point
 * @param selectors the selectors, in report order
 * @param stages the stage store the points share, relative to the sweep directory
 * @param points method by method, rates in the order given
 */
public record SweepResults(String nlbVersion, String preset, @JsonInclude(JsonInclude.Include.ALWAYS) String configFile,
                           List<String> command, String started, String finished, Grid grid,
                           @JsonProperty(required = true) DatasetInfo dataset,
                           @JsonProperty(required = true) List<Long> seeds, Integer assumedClasses,
                           @JsonProperty(required = true) List<String> selectors, String stages,
                           @JsonProperty(required = true) List<Point> points) {
    /** The file name in a sweep directory. */
    public static final String FILE = "sweep.json";

    public SweepResults {
        MalformedArtefactException.require(dataset, "dataset");
        MalformedArtefactException.require(seeds, "seeds");
        MalformedArtefactException.require(selectors, "selectors");
        MalformedArtefactException.require(points, "points");
        if (points.isEmpty()) {
            throw new MalformedArtefactException("points", "must be a non-empty list");
        }
        command = command == null ? null : List.copyOf(command);
        seeds = List.copyOf(seeds);
        selectors = List.copyOf(selectors);
        points = List.copyOf(points);
    }

    /**
     * The grid swept.
     *
     * @param rates the poison rates, in order
     * @param methods the SSL methods, in order
     * @param ratesGiven whether {@code --rates} was given (else the config's one rate)
     * @param methodsGiven whether {@code --methods} was given
     */
    public record Grid(List<Double> rates, List<String> methods, boolean ratesGiven, boolean methodsGiven) {
        public Grid {
            rates = rates == null ? null : List.copyOf(rates);
            methods = methods == null ? null : List.copyOf(methods);
        }
    }

    /**
     * One grid point: a run directory under {@code points/}.
     *
     * @param name its directory name under points/
     * @param rate the poison rate relative to one class
     * @param dir its run directory, relative to the sweep directory
     * @param results its results.json, relative to the sweep directory
     * @param report its report.html, relative to the sweep directory
     * @param budget M, the poison images
     * @param pretrainImages N, the pretrain images
     * @param poisonShare M / N
     * @param clean the clean encoder's clean accuracy per probe
     * @param selectors the headline figures per selector
     */
    public record Point(@JsonProperty(required = true) String name, @JsonProperty(required = true) String method,
                        double rate, String dir, String results, @JsonProperty(required = true) String report,
                        @JsonProperty(required = true) int budget, int pretrainImages, double poisonShare,
                        Probes<ProbeStats> clean, @JsonProperty(required = true) Map<String, Selector> selectors) {
        public Point {
            MalformedArtefactException.require(selectors, "selectors");
            selectors = RunResults.named(selectors, "selectors", Selector::named);
        }

        /** The selectors in file order. */
        public List<Selector> selectorList() {
            return List.copyOf(selectors.values());
        }

        /** One figure of {@code selector}, or missing when the point did not run it. */
        public Stat stat(String selector, Probe probe, Metric metric) {
            Selector s = selectors.get(selector);
            return s == null ? Stat.missing() : s.stat(probe, metric);
        }
    }

    /**
     * One selector at one point: what sweep.json keeps of the point's {@link SelectorSummary}.
     *
     * @param name the selector: the key of the entry, not a field of it
     * @param ccr the share of the poison set in its majority class, over the seeds
     * @param target the most common target over the seeds
     */
    public record Selector(@JsonIgnore String name, Stat ccr, Integer target, HeadlineFigures linear,
                           HeadlineFigures knn) {
        /** What sweep.json keeps of {@code s}. */
        public static Selector of(SelectorSummary s) {
            return new Selector(s.name(), s.ccr(), s.target(), HeadlineFigures.of(s.linear()), HeadlineFigures.of(s.knn()));
        }

        Selector named(String name) {
            return new Selector(name, ccr, target, linear, knn);
        }

        /** The probe's figures, or {@code null} when it was not measured. */
        public HeadlineFigures probe(Probe probe) {
            return probe == Probe.LINEAR ? linear : knn;
        }

        public boolean has(Probe probe) {
            return probe(probe) != null;
        }

        /** One figure of one probe; missing when not measured. */
        public Stat stat(Probe probe, Metric metric) {
            return metric.of(probe(probe));
        }

        /** The CCR; missing when not in the file. */
        public Stat purity() {
            return ccr == null ? Stat.missing() : ccr;
        }

        /** The target, or -1 when not in the file. */
        public int mainTarget() {
            return target == null ? -1 : target;
        }
    }

    /** The SSL methods of the grid, in order (from the points when the file has no grid). */
    public List<String> methods() {
        if (grid != null && grid.methods() != null) {
            return grid.methods();
        }
        return points.stream().map(Point::method).distinct().toList();
    }

    /** The points of one method, in grid order. */
    public List<Point> pointsOf(String method) {
        return points.stream().filter(p -> p.method().equals(method)).toList();
    }

    /** The probes any point measured, in enum order. */
    public List<Probe> probes() {
        return Arrays.stream(Probe.values())
                .filter(p -> points.stream().anyMatch(pt -> pt.selectors().values().stream().anyMatch(s -> s.has(p))))
                .toList();
    }
}
