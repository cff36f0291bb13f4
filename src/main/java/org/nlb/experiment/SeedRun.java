package org.nlb.experiment;

import java.util.List;
import org.nlb.eval.TriggerGeometry;

/**
 * What one run seed produced: one entry of results.json's {@code runs}. Paths are relative to
 * the run directory.
 *
 * @param seed the run seed
 * @param attackerEncoder the attacker's encoder directory
 * @param features the attacker's features file
 * @param attackerSeconds the attacker's pretraining time
 * @param cleanEncoder the clean encoder (the attacker's when the schedules match)
 * @param selectors one entry per selector, in the configured order
 */
record SeedRun(long seed, String attackerEncoder, String features, double attackerSeconds, String cleanEncoder,
               List<Selector> selectors) {
    SeedRun {
        selectors = List.copyOf(selectors);
    }

    /**
     * One selector's outcome in one seed.
     *
     * @param name the selector
     * @param poison its poison.json
     * @param victim the victim's encoder directory
     * @param metrics the victim's metrics.json
     * @param cleanMetrics the clean encoder's metrics.json with the same trigger and target
     * @param target the majority true class of the poison set
     * @param ccr the share of the poison set in that class
     * @param linear the victim's linear probe
     * @param knn the victim's kNN monitor
     * @param cleanLinear the clean encoder's linear probe, same trigger and target
     * @param cleanKnn the clean encoder's kNN monitor, same trigger and target
     * @param selectSeconds the selection's time
     * @param victimSeconds the victim's pretraining time
     * @param probeSeconds the victim's probe stage time
     * @param geometry the trigger's geometry in the victim's features
     * @param cleanGeometry the same trigger and target in the clean encoder's features (the control)
     * @param snapshots the probes on mid-run snapshots, in epoch order; empty without {@code probe.at_epochs}
     */
    record Selector(String name, String poison, String victim, String metrics, String cleanMetrics, int target,
                    double ccr, ProbeFigures linear, ProbeFigures knn, ProbeFigures cleanLinear, ProbeFigures cleanKnn,
                    double selectSeconds, double victimSeconds, double probeSeconds, TriggerGeometry geometry,
                    TriggerGeometry cleanGeometry, List<EpochProbes> snapshots) {
        Selector {
            snapshots = List.copyOf(snapshots);
        }

        /** A selector measured on the final encoders only. */
        Selector(String name, String poison, String victim, String metrics, String cleanMetrics, int target, double ccr,
                 ProbeFigures linear, ProbeFigures knn, ProbeFigures cleanLinear, ProbeFigures cleanKnn,
                 double selectSeconds, double victimSeconds, double probeSeconds, TriggerGeometry geometry,
                 TriggerGeometry cleanGeometry) {
            this(name, poison, victim, metrics, cleanMetrics, target, ccr, linear, knn, cleanLinear, cleanKnn,
                    selectSeconds, victimSeconds, probeSeconds, geometry, cleanGeometry, List.of());
        }
    }
}
