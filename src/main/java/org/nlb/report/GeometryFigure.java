package org.nlb.report;

import org.nlb.eval.TriggerGeometry;

/**
 * The trigger-geometry figures of a selector in {@code results.json} (issue 7 F-E; run contract:
 * {@code selectors.<name>.trigger_geometry} for the victims and {@code trigger_geometry_clean_encoder}
 * for the clean encoder), measured by {@link TriggerGeometry}. Cosines in [−1, 1], not fractions.
 */
public enum GeometryFigure {
    TRIGGER_COSINE(TriggerGeometry.TRIGGER_COSINE, "trigger cosine"),
    TARGET_PULL(TriggerGeometry.TARGET_PULL, "target pull"),
    TRIGGERED_SPREAD(TriggerGeometry.TRIGGERED_SPREAD, "triggered spread"),
    CLEAN_SPREAD(TriggerGeometry.CLEAN_SPREAD, "clean spread");

    /** The victims' block in results.json. */
    public static final String VICTIM_KEY = "trigger_geometry";
    /** The clean encoder's block, with the same trigger and target. */
    public static final String CLEAN_ENCODER_KEY = "trigger_geometry_clean_encoder";

    private final String key;
    private final String label;

    GeometryFigure(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** The column heading. */
    public String label() {
        return label;
    }
}
