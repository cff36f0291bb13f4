package org.nlb.experiment;

/**
 * One selector's probes in one seed at one epoch of the victims' schedule (issue 7,
 * {@code probe.at_epochs}): the victim's snapshot and, as its control, the clean encoder's
 * snapshot after the same epoch, measured with the same trigger and target. Paths are relative to
 * the run directory.
 *
 * @param epoch the epoch after which both snapshots were taken
 * @param metrics the victim snapshot's metrics.json
 * @param cleanMetrics the clean encoder snapshot's metrics.json
 */
record EpochProbes(int epoch, String metrics, String cleanMetrics, ProbeFigures linear, ProbeFigures knn,
                   ProbeFigures cleanLinear, ProbeFigures cleanKnn) {}
