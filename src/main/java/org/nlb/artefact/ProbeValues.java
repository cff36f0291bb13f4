package org.nlb.artefact;

/**
 * One probe's figures in one seed (results.json {@code runs[k].selectors.<name>.linear}): the
 * figures of {@link StatFigures} as plain numbers, NaN where undefined.
 */
public record ProbeValues(double cleanAcc, double poisonAcc, double asr, double cleanToTarget, double asrCleanEncoder,
                          double backdoor, double cleanAccDrop) {}
