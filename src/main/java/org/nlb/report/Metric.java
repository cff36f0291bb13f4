package org.nlb.report;

/**
 * The per-probe numbers of a selector in {@code results.json} (DESIGN §4, run contract), in the
 * order the metrics table shows them. All are fractions in [0, 1].
 */
public enum Metric {
    CLEAN_ACC("clean_acc", "clean acc"),
    CLEAN_ACC_DROP("clean_acc_drop", "clean-acc drop"),
    POISON_ACC("poison_acc", "poison acc"),
    ASR("asr", "ASR"),
    ASR_CLEAN_ENCODER("asr_clean_encoder", "ASR clean enc."),
    BACKDOOR("backdoor", "backdoor effect"),
    CLEAN_TO_TARGET("clean_to_target", "no-trigger rate");

    private final String key;
    private final String label;

    Metric(String key, String label) {
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
