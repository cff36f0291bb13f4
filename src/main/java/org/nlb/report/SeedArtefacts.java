package org.nlb.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One seed of a run ({@code results.json} "runs[k]"): where its artefacts are, resolved against
 * the run directory. Every path is optional; the report says which one is missing. The read side
 * of the entry the engine writes from its {@code org.nlb.experiment.SeedRun}, which also holds the
 * figures and times the report takes from the aggregated {@link RunResults} instead.
 *
 * @param seed the seed
 * @param attackerEncoder the attacker's (clean) encoder directory
 * @param features the attacker's features of the pretrain images (.npy)
 * @param selectors per selector name, in the order of {@code results.json}
 */
public record SeedArtefacts(long seed, Optional<Path> attackerEncoder, Optional<Path> features,
                            Map<String, Selector> selectors) {
    public SeedArtefacts {
        selectors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
    }

    /**
     * One selector's artefacts for this seed.
     *
     * @param poison its {@code poison.json}
     * @param victim the victim encoder directory (with {@code log.csv})
     * @param metrics the victim's {@code metrics.json}
     * @param cleanMetrics the clean encoder's {@code metrics.json}, same trigger and target
     * @param target the target class for this seed, or -1 when not written
     */
    public record Selector(Optional<Path> poison, Optional<Path> victim, Optional<Path> metrics,
                           Optional<Path> cleanMetrics, int target) {}
}
