package org.nlb.artefact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A run's {@code results.json} (DESIGN §7, the run contract), written last by
 * {@code nlb run}: the resolved config, the data set, seeds, trigger, budget, the clean encoder's
 * accuracy, per selector its figures over the seeds, one entry per seed with the paths of its
 * stages, and timings. {@code config}, {@code dataset} (with class names or a class count),
 * {@code seeds}, {@code budget} and {@code selectors} are required; anything else may be absent
 * ({@code null}, NaN for a number) in a file.
 *
 * @param nlbVersion the version that wrote it
 * @param preset the preset the config started from
 * @param config the resolved config, as {@code config.json} holds it
 * @param budget poison images M
 * @param rate the poison rate relative to one class
 * @param assumedClasses the class count C of the budget formula {@code M = floor(rate · N / C)}
 * @param poisonShare M as a fraction of the pretrain set
 * @param featureSpace where the attacker's features come from
 * @param split the split's index files, relative to the run directory
 * @param clean the clean encoder's clean accuracy per probe
 * @param selectors per selector, in the configured order
 * @param runs one entry per seed
 */
public record RunResults(String nlbVersion, String preset, JsonNode config, DatasetInfo dataset, List<Long> seeds,
                         TriggerBlock trigger, Integer budget, double rate, Integer assumedClasses, double poisonShare,
                         String featureSpace, SplitFiles split, Probes<ProbeStats> clean,
                         Map<String, SelectorSummary> selectors, List<SeedResults> runs, Timings timings) {
    /** The file name in a run directory. */
    public static final String FILE = "results.json";

    public RunResults {
        MalformedArtefactException.require(config, "config");
        if (!config.isObject()) {
            throw new MalformedArtefactException("config", "is " + Artefacts.describe(config) + ", expected an object");
        }
        MalformedArtefactException.require(seeds, "seeds");
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new MalformedArtefactException("seeds", "is empty");
        }
        MalformedArtefactException.require(selectors, "selectors");
        if (selectors.isEmpty()) {
            throw new MalformedArtefactException("selectors", "is empty: the run has no results to report");
        }
        selectors = named(selectors, "selectors", SelectorSummary::named);
        MalformedArtefactException.require(dataset, "dataset");
        if (dataset.classNames() == null && dataset.classes() == null) {
            throw MalformedArtefactException.missing("dataset.class_names");
        }
        MalformedArtefactException.require(budget, "budget");
        runs = runs == null ? null : List.copyOf(runs);
    }

    /**
     * The split's index files.
     *
     * @param pretrain {@code pretrain.npy}
     * @param downstream {@code downstream.npy}
     */
    public record SplitFiles(String pretrain, String downstream) {}

    /**
     * Where the time went.
     *
     * @param totalSeconds the stages' seconds summed
     * @param wallSeconds the wall time of the invocation that wrote the file
     * @param stages seconds of each stage instance by name, in run order
     */
    public record Timings(double totalSeconds, double wallSeconds, Map<String, Double> stages) {
        public Timings {
            stages = stages == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        }
    }

    /** The selectors in file order. */
    public List<SelectorSummary> selectorList() {
        return List.copyOf(selectors.values());
    }

    /** The selector {@code name}; null when the run did not have it. */
    public SelectorSummary selector(String name) {
        return selectors.get(name);
    }

    /** The probes any selector was measured with, in enum order. */
    public List<Probe> probes() {
        return Arrays.stream(Probe.values()).filter(p -> selectors.values().stream().anyMatch(s -> s.has(p))).toList();
    }

    /** The clean encoder's clean accuracy under {@code probe}; missing when not in the file. */
    public Stat cleanAccuracy(Probe probe) {
        return clean == null ? Stat.missing() : Metric.CLEAN_ACC.of(clean.get(probe));
    }

    /** The seeds' entries; empty when the file lists none. */
    public List<SeedResults> seedRuns() {
        return runs == null ? List.of() : runs;
    }

    /** The sum of the stages' seconds; NaN when the file does not say. */
    public double totalSeconds() {
        return timings == null ? Double.NaN : timings.totalSeconds();
    }

    /** Seconds per stage in run order; empty when the file does not say. */
    public Map<String, Double> stageSeconds() {
        return timings == null || timings.stages() == null ? Map.of() : timings.stages();
    }

    /** {@code entries} in their order, each carrying its key as its name. */
    static <T> Map<String, T> named(Map<String, T> entries, String field, BiFunction<T, String, T> naming) {
        Map<String, T> out = new LinkedHashMap<>();
        entries.forEach((name, value) -> {
            if (value == null) {
                throw MalformedArtefactException.missing(field + "." + name);
            }
            out.put(name, naming.apply(value, name));
        });
        return Collections.unmodifiableMap(out);
    }
}
