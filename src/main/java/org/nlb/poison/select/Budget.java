package org.nlb.poison.select;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.nlb.io.BadInputException;

/**
 * The poison budget {@code M}, the number of images to select (DESIGN §1 step 4). Either given
 * directly ({@code --budget M}) or as the paper's rate: {@code M = floor(rate · N / C)}, where
 * {@code rate} is the poison rate <em>relative to one class</em> and {@code C} the number of
 * classes the attacker assumes (rate 0.6, C 10 ⇒ 6 % of N). The product is evaluated in double
 * exactly as the reference evaluates {@code int(poison_rate * data_size / num_classes)}, so both
 * give the same M.
 *
 * @param images M, 1 ≤ M ≤ N
 * @param rate the rate it came from, if any
 * @param classes the class count it came from, if any
 * @param n N, the number of candidate images
 */
public record Budget(int images, OptionalDouble rate, OptionalInt classes, int n) {
    public Budget {
        if (images <= 0) {
            throw new BadInputException(rate.isPresent() ? "--rate" : "--budget",
                    "the budget is " + images + (rate.isPresent() ? " (" + formula(rate.getAsDouble(),
                            n, classes.getAsInt(), images) + ")" : "") + "; it must be at least 1 image");
        }
        if (images > n) {
            throw new BadInputException(rate.isPresent() ? "--rate" : "--budget",
                    "the budget of " + images + " images exceeds the " + n + " candidate images (N)");
        }
    }

    /** A budget of exactly {@code images} out of {@code n}. */
    public static Budget of(int images, int n) {
        return new Budget(images, OptionalDouble.empty(), OptionalInt.empty(), n);
    }

    /** {@code M = floor(rate · n / classes)}. */
    public static Budget fromRate(double rate, int classes, int n) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new BadInputException("--rate", "must be a positive number, got " + rate);
        }
        if (classes <= 0) {
            throw new BadInputException("--classes", "must be at least 1, got " + classes);
        }
        double m = Math.floor(rate * n / classes);
        int images = m > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) m;
        return new Budget(images, OptionalDouble.of(rate), OptionalInt.of(classes), n);
    }

    /** The share of N that is poisoned, in percent. */
    public double percentOfN() {
        return 100.0 * images / n;
    }

    /**
     * How M was reached, e.g. {@code budget M = floor(0.6 × 54000 / 10) = 3240 images = 6.0 % of N},
     * printed with every selection so nobody misreads the rate.
     */
    public String describe() {
        String how = rate.isPresent() ? formula(rate.getAsDouble(), n, classes.getAsInt(), images) : "" + images;
        return String.format(Locale.ROOT, "budget M = %s images = %s %% of N", how, percent(percentOfN()));
    }

    private static String formula(double rate, int n, int classes, int images) {
        return "floor(" + number(rate) + " × " + n + " / " + classes + ") = " + images;
    }

    /** A rate as the user would write it: 0.6, not 0.6000. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** One decimal, or more for tiny shares so 0.02 % does not print as 0.0 %. */
    static String percent(double p) {
        return p >= 0.1 || p == 0 ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.2g", p);
    }
}
