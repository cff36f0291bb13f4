package org.nlb.report;

import java.util.Locale;
import org.nlb.artefact.Stat;

/**
 * Cosines (the trigger geometry) written with three decimals: they live in [−1, 1]
 * and the differences that matter (0.99 against 0.95) would vanish as one-decimal percentages.
 */
final class Cosine {
    private Cosine() {}

    /** {@code 0.98234} → {@code 0.982}; undefined → {@link Percent#MISSING}. */
    static String of(double cosine) {
        return Double.isNaN(cosine) ? Percent.MISSING : minus(String.format(Locale.ROOT, "%.3f", cosine)).replace("−0.000", "0.000");
    }

    /** With its sign, for a difference of cosines: {@code +0.012} or {@code −0.004}. */
    static String signed(double cosine) {
        return Double.isNaN(cosine) ? Percent.MISSING : minus(String.format(Locale.ROOT, "%+.3f", cosine))
                .replace("−0.000", "+0.000");
    }

    /** The mean, and {@code ± std} when the stat spans several seeds; signed for a difference. */
    static String of(Stat s, boolean signed) {
        String mean = signed ? signed(s.mean()) : of(s.mean());
        return s.n() > 1 && s.defined() ? mean + " ± " + of(s.std()) : mean;
    }

    private static String minus(String text) {
        return text.replace('-', '−');
    }
}
