package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlb.data.DatasetSpec;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;

/**
 * What the report reads from a run directory's {@code results.json} (the run contract of issue 6),
 * checked and typed. Built by {@link RunResultsReader}.
 *
 * @param dir the run directory; relative paths in the file are resolved against it
 * @param nlbVersion the version that wrote the run
 * @param preset the preset the config started from
 * @param config the resolved config, as written
 * @param dataset the data set's shape and classes
 * @param seeds the seeds, in run order
 * @param trigger the trigger block ({@code kind} and its parameters), if written
 * @param budget poison images M
 * @param rate the poison rate relative to one class
 * @param assumedClasses the class count C of the budget formula
 * @param poisonShare M as a fraction of the pretrain set
 * @param featureSpace where the attacker's features come from
 * @param cleanAcc the clean encoder's clean accuracy per probe
 * @param selectors per selector, in the order of the file
 * @param runs one per seed
 * @param totalSeconds the wall time of the whole run, NaN if unknown
 * @param stageSeconds seconds per stage, in the order of the file
 * @param splitPretrain the split's {@code pretrain.npy}, when the file names it ({@code "split": {"pretrain"}})
 */
public record RunResults(Path dir, String nlbVersion, String preset, JsonNode config, DatasetInfo dataset,
                         long[] seeds, Optional<JsonNode> trigger, int budget, double rate, int assumedClasses,
                         double poisonShare, String featureSpace, Map<Probe, Stat> cleanAcc,
                         List<SelectorResult> selectors, List<SeedArtefacts> runs, double totalSeconds,
                         Map<String, Double> stageSeconds, Optional<Path> splitPretrain) {
    /** The file name. */
    public static final String FILE = "results.json";

    public RunResults {
        seeds = seeds.clone();
        cleanAcc = java.util.Collections.unmodifiableMap(new EnumMap<>(cleanAcc));
        selectors = List.copyOf(selectors);
        runs = List.copyOf(runs);
        stageSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    }

    /**
     * The data set a run used.
     *
     * @param spec the dataset spec string (DESIGN §6)
     * @param classNames name of class k at index k
     */
    public record DatasetInfo(String spec, int channels, int height, int width, int pretrain, int downstream, int test,
                              List<String> classNames) {
        public DatasetInfo {
            classNames = List.copyOf(classNames);
        }

        /** The name of class {@code k}, or its number when out of range. */
        public String className(int k) {
            return k >= 0 && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
        }
    }

    /** The random-poisoning selector, if the run has one. */
    public Optional<SelectorResult> random() {
        return selectors.stream().filter(s -> s.role() == SelectorResult.Role.BASELINE).findFirst();
    }

    /** The probes any selector was measured with, in enum order. */
    public List<Probe> probes() {
        return java.util.Arrays.stream(Probe.values()).filter(p -> selectors.stream().anyMatch(s -> s.has(p))).toList();
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /** The file in the run directory. */
    public Path file() {
        return dir.resolve(FILE);
    }

    /**
     * What the report reads, for {@link OutputGuard}: this file, the files and encoder directories
     * it names, the {@code stages/} directory the split may be found in, and the data set.
     */
    public List<OutputGuard.Input> inputs() {
        List<OutputGuard.Input> inputs = new ArrayList<>();
        List<Path> read = new ArrayList<>(List.of(file(), dir.resolve("stages")));
        splitPretrain.ifPresent(read::add);
        for (SeedArtefacts run : runs) {
            run.attackerEncoder().ifPresent(read::add);
            run.features().ifPresent(read::add);
            for (SeedArtefacts.Selector s : run.selectors().values()) {
                for (Optional<Path> p : List.of(s.poison(), s.victim(), s.metrics(), s.cleanMetrics())) {
                    p.ifPresent(read::add);
                }
            }
        }
        read.forEach(p -> inputs.add(new OutputGuard.Input("the run's " + p, p, false)));
        try {
            inputs.addAll(DatasetSpec.parse(dataset.spec()).inputs());
        } catch (BadInputException e) {
            // a spec that does not parse names no data set the report could read
        }
        return inputs;
    }
}
