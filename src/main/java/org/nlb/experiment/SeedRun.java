package org.nlb.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nlb.artefact.Probes;
import org.nlb.artefact.SeedResults;

/**
 * What one run seed produced: its entry of results.json's {@code runs} (paths relative to the run
 * directory, the figures of each selector), and what results.json aggregates over the seeds
 * besides: the clean encoder's clean accuracy and the time of each selector's steps.
 *
 * @param entry the entry of {@code runs}
 * @param cleanAccuracy the clean encoder's clean accuracy per probe
 * @param steps per selector name, in the configured order
 */
record SeedRun(SeedResults entry, Probes<Double> cleanAccuracy, Map<String, Steps> steps) {
    SeedRun {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /**
     * One selector's step times in one seed.
     *
     * @param select the selection's time, features in memory
     * @param victimPretrain the victim's pretraining time
     * @param probe the victim's probe stage time
     */
    record Steps(double select, double victimPretrain, double probe) {}

    long seed() {
        return entry.seed();
    }

    /** The selector {@code name} of this seed. */
    SeedResults.Selector selector(String name) {
        SeedResults.Selector s = entry.selectorsByName().get(name);
        if (s == null) {
            throw new IllegalStateException("seed " + seed() + " has no selector " + name);
        }
        return s;
    }
}
