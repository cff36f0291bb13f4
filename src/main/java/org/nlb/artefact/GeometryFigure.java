package org.nlb.artefact;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The four trigger-geometry figures ({@link GeometryValues}), with their column headings. */
public enum GeometryFigure {
    TRIGGER_COSINE("trigger cosine", GeometryStats::triggerCosine, GeometryValues::triggerCosine),
    TARGET_PULL("target pull", GeometryStats::targetPull, GeometryValues::targetPull),
    TRIGGERED_SPREAD("triggered spread", GeometryStats::triggeredSpread, GeometryValues::triggeredSpread),
    CLEAN_SPREAD("clean spread", GeometryStats::cleanSpread, GeometryValues::cleanSpread);

    private final String label;
    private final Function<GeometryStats, Stat> stat;
    private final ToDoubleFunction<GeometryValues> value;

    GeometryFigure(String label, Function<GeometryStats, Stat> stat, ToDoubleFunction<GeometryValues> value) {
        this.label = label;
        this.stat = stat;
        this.value = value;
    }

    /** The column heading. */
    public String label() {
        return label;
    }

    /** This figure over the seeds; missing when the block or the figure is absent. */
    public Stat of(GeometryStats g) {
        Stat s = g == null ? null : stat.apply(g);
        return s == null ? Stat.missing() : s;
    }

    /** This figure of one measurement. */
    public double of(GeometryValues g) {
        return value.applyAsDouble(g);
    }
}
