package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One selector over the seeds of a run: results.json's {@code selectors.<name>}. A block a file
 * does not hold is {@code null}.
 *
 * @param name the selector, e.g. {@code contrastive}: the key of the entry, not a field of it
 * @param ccr fraction of the poison set in its majority class (DESIGN §2)
 * @param targets the target class of each seed
 * @param target the most common target over the seeds
 * @param linear the linear probe's figures
 * @param knn the kNN monitor's figures
 * @param triggerGeometry the trigger's geometry in the victims' features (null in older runs)
 * @param triggerGeometryCleanEncoder the same in the clean encoder's features, same trigger and target
 * @param seconds what the selection, the victim's pretraining and the probes took
 */
public record SelectorSummary(@JsonIgnore String name, Stat ccr, List<Integer> targets, Integer target,
                              ProbeStats linear, ProbeStats knn, GeometryStats triggerGeometry,
                              GeometryStats triggerGeometryCleanEncoder, Seconds seconds) {
    public SelectorSummary {
        targets = targets == null ? null : List.copyOf(targets);
    }

    /**
     * Each selector step's seconds over the seeds.
     *
     * @param select the selection, features in memory
     * @param victimPretrain the victim's pretraining
     * @param probe the victim's probes
     */
    public record Seconds(Stat select, Stat victimPretrain, Stat probe) {}

    /** The same summary under the key {@code name}. */
    public SelectorSummary named(String name) {
        return new SelectorSummary(name, ccr, targets, target, linear, knn, triggerGeometry, triggerGeometryCleanEncoder,
                seconds);
    }

    /** The probe's figures, or {@code null} when it was not measured. */
    public ProbeStats probe(Probe probe) {
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

    /** A geometry figure of the victims, or of the clean encoder with {@code cleanEncoder}; missing when not measured. */
    public Stat geometry(GeometryFigure figure, boolean cleanEncoder) {
        return figure.of(cleanEncoder ? triggerGeometryCleanEncoder : triggerGeometry);
    }

    /** The figures of one probe against epoch; empty without snapshots. */
    public List<EpochStats> byEpoch(Probe probe) {
        ProbeStats p = probe(probe);
        return p == null ? List.of() : p.epochs();
    }

    /** Whether the run measured this selector at mid-run snapshots. */
    public boolean hasEpochs() {
        return !byEpoch(Probe.LINEAR).isEmpty() || !byEpoch(Probe.KNN).isEmpty();
    }

    /** The target: the file's {@code target}, else the first seed's, else -1. */
    public int mainTarget() {
        return target != null ? target : targets != null && !targets.isEmpty() ? targets.get(0) : -1;
    }

    /** Each seed's target; empty when the file lists none. */
    public List<Integer> seedTargets() {
        return targets == null ? List.of() : targets;
    }

    /** Whether every seed poisoned the same class (so {@link #mainTarget()} speaks for all of them). */
    public boolean oneTarget() {
        return seedTargets().stream().allMatch(t -> t == mainTarget());
    }
}
