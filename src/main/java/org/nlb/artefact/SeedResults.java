package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One seed of a run: results.json's {@code runs[k]}, where its artefacts are (paths relative to
 * the run directory) and its plain figures. Every path may be absent in a file.
 *
 * @param seed the run seed; {@code null} in a file that does not say
 * @param attacker the attacker's encoder
 * @param clean the clean encoder (the attacker's when the schedules match)
 * @param selectors per selector, in the configured order
 */
public record SeedResults(Long seed, Attacker attacker, Clean clean, Map<String, Selector> selectors) {
    public SeedResults {
        selectors = selectors == null ? null : RunResults.named(selectors, "selectors", Selector::named);
    }

    /**
     * The attacker's encoder.
     *
     * @param encoder its directory
     * @param features its features of the pretrain images (.npy)
     * @param pretrainSeconds its pretraining time
     */
    public record Attacker(String encoder, String features, double pretrainSeconds) {}

    /** @param encoder the clean encoder's directory */
    public record Clean(String encoder) {}

    /**
     * One selector in this seed.
     *
     * @param name the selector: the key of the entry, not a field of it
     * @param poison its poison.json
     * @param victim the victim's encoder directory
     * @param metrics the victim's metrics.json
     * @param cleanMetrics the clean encoder's metrics.json, same trigger and target
     * @param target the majority true class of the poison set
     * @param ccr the share of the poison set in that class
     * @param linear the linear probe's figures, the victim against the clean encoder
     * @param knn the kNN monitor's figures
     * @param triggerGeometry the trigger's geometry in the victim's features
     * @param triggerGeometryCleanEncoder the same in the clean encoder's features
     * @param byEpoch the probes on mid-run snapshots and last the final ones; {@code null} without snapshots
     */
    public record Selector(@JsonIgnore String name, String poison, String victim, String metrics, String cleanMetrics,
                           Integer target, double ccr, ProbeValues linear, ProbeValues knn,
                           GeometryValues triggerGeometry, GeometryValues triggerGeometryCleanEncoder,
                           List<Epoch> byEpoch) {
        public Selector {
            byEpoch = byEpoch == null ? null : List.copyOf(byEpoch);
        }

        Selector named(String name) {
            return new Selector(name, poison, victim, metrics, cleanMetrics, target, ccr, linear, knn, triggerGeometry,
                    triggerGeometryCleanEncoder, byEpoch);
        }

        /** The probe's figures, or {@code null}. */
        public ProbeValues probe(Probe probe) {
            return probe == Probe.LINEAR ? linear : knn;
        }

        /** The epochs probed; empty without snapshots. */
        public List<Epoch> epochs() {
            return byEpoch == null ? List.of() : byEpoch;
        }
    }

    /**
     * One selector's probes at one epoch of the victims' schedule in this seed.
     *
     * @param epoch after which the victim's and the clean encoder's snapshots were taken
     * @param metrics the victim snapshot's metrics.json
     * @param cleanMetrics the clean encoder snapshot's metrics.json
     */
    public record Epoch(@JsonProperty(required = true) int epoch, String metrics, String cleanMetrics,
                        ProbeValues linear, ProbeValues knn) {
        /** The probe's figures, or {@code null}. */
        public ProbeValues probe(Probe probe) {
            return probe == Probe.LINEAR ? linear : knn;
        }
    }

    /** The selectors; empty when the file lists none. */
    public Map<String, Selector> selectorsByName() {
        return selectors == null ? Map.of() : selectors;
    }
}
