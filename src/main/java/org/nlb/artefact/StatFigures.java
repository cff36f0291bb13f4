package org.nlb.artefact;

/**
 * The figures of one probe over the seeds (DESIGN §4), in the order results.json lists them: those
 * of the victim and, read against them, {@code asr_clean_encoder} (the same trigger and target on
 * the clean encoder), {@code backdoor = asr − asr_clean_encoder} and {@code clean_acc_drop} (the
 * clean encoder's clean accuracy minus the victim's). A figure a file does not hold is
 * {@code null}; {@link Metric#of} reads it as missing.
 */
public interface StatFigures {
    Stat cleanAcc();

    Stat poisonAcc();

    Stat asr();

    Stat cleanToTarget();

    Stat asrCleanEncoder();

    Stat backdoor();

    Stat cleanAccDrop();
}
