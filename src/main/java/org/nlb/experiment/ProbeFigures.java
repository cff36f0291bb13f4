package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The four figures of one probe on one encoder (DESIGN §4), as fractions; {@code NaN} where
 * {@code metrics.json} has {@code null} (no test image outside the target class).
 */
record ProbeFigures(double cleanAcc, double poisonAcc, double asr, double cleanToTarget) {
    /** Reads {@code probes.<name>} of a metrics.json (ProbeReport's format). */
    static ProbeFigures of(JsonNode probe) {
        return new ProbeFigures(number(probe, "clean_acc"), number(probe, "poison_acc"), number(probe, "asr"),
                number(probe, "clean_to_target"));
    }

    private static double number(JsonNode probe, String key) {
        JsonNode n = probe.get(key);
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }
}
