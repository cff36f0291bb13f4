package org.nlb.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nlb.io.BadInputException;
import org.nlb.ssl.SslMethodKind;

/**
 * The grid of {@code nlb sweep}: poison rates × SSL methods, as given by
 * {@code --rates 0.05,0.1} and {@code --methods simclr,byol}. A list left out is empty here and
 * takes the configuration's single value. A rate is relative to one class (DESIGN §1 step 4:
 * {@code M = floor(rate · N / C)}), so it must be positive; an empty or malformed list, a
 * repeated entry or an unknown method is bad input.
 *
 * @param rates the rates, in the order given; empty for the configuration's
 * @param methods the methods' command-line names, in the order given; empty for the configuration's
 */
public record SweepGrid(List<Double> rates, List<String> methods) {
    public SweepGrid {
        rates = List.copyOf(rates);
        methods = List.copyOf(methods);
    }

    /** Parses {@code --rates} and {@code --methods}. */
    public static SweepGrid parse(Optional<String> rates, Optional<String> methods) {
        List<Double> r = new ArrayList<>();
        if (rates.isPresent()) {
            for (String item : items("--rates", rates.get(), "poison rates, e.g. 0.05,0.1,0.6")) {
                r.add(rate(item));
            }
        }
        List<String> m = new ArrayList<>();
        if (methods.isPresent()) {
            for (String item : items("--methods", methods.get(), "SSL methods, e.g. simclr,byol")) {
                try {
                    m.add(SslMethodKind.parse(item).cliName());
                } catch (BadInputException e) {
                    throw new BadInputException("--methods", e.problem());
                }
            }
        }
        requireDistinct("--rates", r.stream().map(SweepGrid::rateText).toList());
        requireDistinct("--methods", m);
        return new SweepGrid(r, m);
    }

    /** Whether the points are named after their method too ({@code --methods} was given). */
    boolean namesMethods() {
        return !methods.isEmpty();
    }

    /** A rate as a point's name shows it: {@code 0.1}, never {@code 0.10} or {@code 1.0E-1}. */
    static String rateText(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }

    private static List<String> items(String option, String text, String what) {
        if (text.isBlank()) {
            throw new BadInputException(option, "is empty; give a comma-separated list of " + what);
        }
        List<String> out = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (item.isBlank()) {
                throw new BadInputException(option, "'" + text + "' has an empty entry; give a comma-separated list of "
                        + what);
            }
            out.add(item.strip());
        }
        return out;
    }

    private static double rate(String item) {
        double rate;
        try {
            rate = Double.parseDouble(item);
        } catch (NumberFormatException e) {
            throw new BadInputException("--rates", "'" + item + "' is not a number");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new BadInputException("--rates", "rate " + item + " must be a positive number (the poison rate"
                    + " relative to one class: M = floor(rate · N / C))");
        }
        return rate;
    }

    private static void requireDistinct(String option, List<String> items) {
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (!seen.add(item)) {
                throw new BadInputException(option, "lists " + item + " twice");
            }
        }
    }
}
