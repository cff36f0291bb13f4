package org.nlb.artefact;

import java.util.function.Function;

/**
 * The per-probe figures of a selector ({@link StatFigures}), in the order the report's tables show
 * them, with their column headings. All are fractions in [0, 1].
 */
public enum Metric {
    CLEAN_ACC("clean acc", StatFigures::cleanAcc),
    CLEAN_ACC_DROP("clean-acc drop", StatFigures::cleanAccDrop),
    POISON_ACC("poison acc", StatFigures::poisonAcc),
    ASR("ASR", StatFigures::asr),
    ASR_CLEAN_ENCODER("ASR clean enc.", StatFigures::asrCleanEncoder),
    BACKDOOR("backdoor effect", StatFigures::backdoor),
    CLEAN_TO_TARGET("no-trigger rate", StatFigures::cleanToTarget);

    private final String label;
    private final Function<StatFigures, Stat> figure;

    Metric(String label, Function<StatFigures, Stat> figure) {
        this.label = label;
        this.figure = figure;
    }

    /** The column heading. */
    public String label() {
        return label;
    }

    /** This figure of {@code figures}; missing when they or it are absent. */
    public Stat of(StatFigures figures) {
        Stat s = figures == null ? null : figure.apply(figures);
        return s == null ? Stat.missing() : s;
    }
}
