package org.nlb.artefact;

/**
 * The figures of one probe that sweep.json carries over from a point's results.json, in its order:
 * {@code asr}, {@code asr_clean_encoder}, {@code backdoor} and {@code clean_acc}. The others are
 * not in the file ({@code null}).
 */
public record HeadlineFigures(Stat asr, Stat asrCleanEncoder, Stat backdoor, Stat cleanAcc) implements StatFigures {
    /** The headline figures of {@code all}; {@code null} for a probe that was not run. */
    public static HeadlineFigures of(StatFigures all) {
        return all == null ? null : new HeadlineFigures(all.asr(), all.asrCleanEncoder(), all.backdoor(), all.cleanAcc());
    }

    @Override
    public Stat poisonAcc() {
        return null;
    }

    @Override
    public Stat cleanToTarget() {
        return null;
    }

    @Override
    public Stat cleanAccDrop() {
        return null;
    }
}
