package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a probe's {@code by_epoch} list in results.json ({@code probe.at_epochs}): the figures of the
 * victims' and the clean encoders' snapshots after {@code epoch}, over the seeds.
 *
 * @param epoch the epoch of the victims' schedule
 */
public record EpochStats(@JsonProperty(required = true) int epoch, Stat cleanAcc, Stat poisonAcc, Stat asr,
                         Stat cleanToTarget, Stat asrCleanEncoder, Stat backdoor, Stat cleanAccDrop)
        implements StatFigures {
    /** The figures of {@code stats} at {@code epoch}. */
    public static EpochStats at(int epoch, StatFigures stats) {
        return new EpochStats(epoch, stats.cleanAcc(), stats.poisonAcc(), stats.asr(), stats.cleanToTarget(),
                stats.asrCleanEncoder(), stats.backdoor(), stats.cleanAccDrop());
    }
}
