package org.nlb.artefact;

import java.util.List;

/**
 * One probe's figures over the seeds (results.json {@code selectors.<name>.linear}), with the same figures against epoch when the run
 * probed mid-run snapshots ({@code probe.at_epochs}; the last entry is the final
 * encoders'). A figure a file does not hold is {@code null}.
 *
 * @param byEpoch per snapshot epoch, in epoch order; {@code null} without snapshots
 */
public record ProbeStats(Stat cleanAcc, Stat poisonAcc, Stat asr, Stat cleanToTarget, Stat asrCleanEncoder,
                         Stat backdoor, Stat cleanAccDrop, List<EpochStats> byEpoch) implements StatFigures {
    public ProbeStats {
        byEpoch = byEpoch == null ? null : List.copyOf(byEpoch);
    }

    /** The clean encoder's block of results.json ({@code clean.linear}): its clean accuracy only. */
    public static ProbeStats cleanAccuracy(Stat cleanAcc) {
        return new ProbeStats(cleanAcc, null, null, null, null, null, null, null);
    }

    /** The figures against epoch; empty without snapshots. */
    public List<EpochStats> epochs() {
        return byEpoch == null ? List.of() : byEpoch;
    }
}
