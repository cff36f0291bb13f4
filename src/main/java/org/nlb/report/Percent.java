package org.nlb.report;

import java.util.Locale;

/** Fractions written as percentages with one decimal, the way every number in the report reads. */
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

    /** The mean, and {@code ± std} when the stat spans several seeds. */
    static String of(Stat s) {
        return s.count() > 1 ? of(s.mean()) + " ± " + of(s.std()) : of(s.mean());
    }
}
