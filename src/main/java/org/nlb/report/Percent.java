package org.nlb.report;

import java.util.Locale;
import org.nlb.artefact.Stat;

/**
 * Numbers the way every table and chart of the report writes them: fractions as percentages with
 * one decimal, settings such as a rate as their shortest decimal.
 */
final class Percent {
    /** What an undefined number shows. */
    static final String MISSING = "–";

    private Percent() {}

    /** {@code 0.1234} → {@code 12.3}. */
    static String of(double fraction) {
        return Double.isNaN(fraction) ? MISSING : String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    /** {@code 0.1234} → {@code 12.3 %}. */
    static String withSign(double fraction) {
        return Double.isNaN(fraction) ? MISSING : of(fraction) + " %";
    }

    /** A difference in percentage points with its sign: {@code +12.3} or {@code −4.0}. */
    static String points(double fraction) {
        if (Double.isNaN(fraction)) {
            return MISSING;
        }
        String text = String.format(Locale.ROOT, "%.1f", Math.abs(100 * fraction));
        return (fraction < 0 && !text.equals("0.0") ? "−" : "+") + text;
    }

    /** The shortest decimal: 0.2, 0.08, 1 (never 0.20 or 1.0E-1). */
    static String decimal(double v) {
        return Double.isNaN(v) ? MISSING : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The mean, and {@code ± std} when the stat spans several seeds. */
    static String of(Stat s) {
        return s.n() > 1 ? of(s.mean()) + " ± " + of(s.std()) : of(s.mean());
    }
}
