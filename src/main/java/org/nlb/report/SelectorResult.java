package org.nlb.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One selector's summary over the seeds of a run ({@code results.json} "selectors.&lt;name&gt;").
 *
 * @param name the selector, e.g. {@code contrastive}
 * @param ccr fraction of the poison set in its majority class (DESIGN §2)
 * @param target the most common target class over seeds
 * @param targets the target class of each seed
 * @param probes per probe, per metric
 * @param seconds per step ({@code select}, {@code victim_pretrain}, {@code probe})
 * @param geometry the trigger's geometry in the victims' features; empty for runs made before it existed
 * @param cleanGeometry the same in the clean encoder's features, with the same trigger and target
 * @param byEpoch per probe, the figures against epoch from mid-run snapshots; empty without them
 */
public record SelectorResult(String name, Stat ccr, int target, int[] targets, Map<Probe, Map<Metric, Stat>> probes,
                             Map<String, Stat> seconds, Map<GeometryFigure, Stat> geometry,
                             Map<GeometryFigure, Stat> cleanGeometry, Map<Probe, List<EpochPoint>> byEpoch) {
    /** What a selector stands for in the comparison. */
    public enum Role {
        /** Label-free: the attack under test. */
        ATTACK(""),
        /** Random poisoning: what any selector must beat. */
        BASELINE("baseline"),
        /** Label-aware: the oracle upper bound, uses labels. */
        CEILING("oracle ceiling");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        /** How the report marks the role; empty for the attack. */
        public String label() {
            return label;
        }
    }

    public SelectorResult {
        targets = targets.clone();
        EnumMap<Probe, Map<Metric, Stat>> copy = new EnumMap<>(Probe.class);
        probes.forEach((p, m) -> copy.put(p, Collections.unmodifiableMap(new EnumMap<>(m))));
        probes = Collections.unmodifiableMap(copy);
        seconds = Map.copyOf(seconds);
        geometry = Map.copyOf(geometry);
        cleanGeometry = Map.copyOf(cleanGeometry);
        EnumMap<Probe, List<EpochPoint>> epochs = new EnumMap<>(Probe.class);
        byEpoch.forEach((p, list) -> epochs.put(p, List.copyOf(list)));
        byEpoch = Collections.unmodifiableMap(epochs);
    }

    /** A selector measured on the final encoders only. */
    public SelectorResult(String name, Stat ccr, int target, int[] targets, Map<Probe, Map<Metric, Stat>> probes,
                          Map<String, Stat> seconds, Map<GeometryFigure, Stat> geometry,
                          Map<GeometryFigure, Stat> cleanGeometry) {
        this(name, ccr, target, targets, probes, seconds, geometry, cleanGeometry, Map.of());
    }

    /** A selector without trigger geometry (runs made before it existed), final encoders only. */
    public SelectorResult(String name, Stat ccr, int target, int[] targets, Map<Probe, Map<Metric, Stat>> probes,
                          Map<String, Stat> seconds) {
        this(name, ccr, target, targets, probes, seconds, Map.of(), Map.of(), Map.of());
    }

    public Role role() {
        return switch (name) {
            case "random" -> Role.BASELINE;
            case "label-aware" -> Role.CEILING;
            default -> Role.ATTACK;
        };
    }

    /** The metric of one probe, or missing when the run did not measure it. */
    public Stat stat(Probe probe, Metric metric) {
        Map<Metric, Stat> m = probes.get(probe);
        return m == null ? Stat.missing() : m.getOrDefault(metric, Stat.missing());
    }

    /** The metric of the selector named {@code name} among {@code selectors}; missing when it did not run. */
    static Stat stat(List<SelectorResult> selectors, String name, Probe probe, Metric metric) {
        return selectors.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> s.stat(probe, metric)).orElse(Stat.missing());
    }

    /** A geometry figure of the victims, or of the clean encoder with {@code cleanEncoder}; missing when not measured. */
    public Stat geometry(GeometryFigure figure, boolean cleanEncoder) {
        return (cleanEncoder ? cleanGeometry : geometry).getOrDefault(figure, Stat.missing());
    }

    public boolean has(Probe probe) {
        return probes.containsKey(probe);
    }

    /** The figures of one probe against epoch, in epoch order; empty without snapshots. */
    public List<EpochPoint> byEpoch(Probe probe) {
        return byEpoch.getOrDefault(probe, List.of());
    }

    /** Whether the run measured this selector at mid-run snapshots. */
    public boolean hasEpochs() {
        return byEpoch.values().stream().anyMatch(l -> !l.isEmpty());
    }

    public Optional<Stat> seconds(String step) {
        return Optional.ofNullable(seconds.get(step));
    }

    /** Whether every seed poisoned the same class (so {@link #target()} speaks for all of them). */
    public boolean oneTarget() {
        return Arrays.stream(targets).allMatch(t -> t == target);
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }
}
