package org.nlb.report;

import java.util.Arrays;

/**
 * One number of a run over its seeds, as {@code results.json} holds it (run contract, issue 6):
 * the mean, the sample standard deviation (0 with one seed) and the value of each seed. A metric
 * that is undefined (e.g. ASR with no test image outside the target class) has a NaN mean.
 *
 * @param mean the mean over seeds, NaN when undefined
 * @param std the sample standard deviation, 0 with one seed
 * @param values one value per seed (may be empty when only the mean was written)
 */
public record Stat(double mean, double std, double[] values) {
    public Stat {
        values = values.clone();
    }

    /** The statistic of {@code values}: their mean and sample standard deviation. */
    public static Stat of(double... values) {
        if (values.length == 0) {
            return new Stat(Double.NaN, 0, values);
        }
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0;
        return new Stat(mean, std, values);
    }

    /** A single number (one seed). */
    public static Stat single(double value) {
        return new Stat(value, 0, new double[] {value});
    }

    /** An undefined number. */
    public static Stat missing() {
        return new Stat(Double.NaN, 0, new double[0]);
    }

    public boolean defined() {
        return !Double.isNaN(mean);
    }

    /** How many seeds it was measured on (at least 1 when defined). */
    public int count() {
        return Math.max(values.length, defined() ? 1 : 0);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stat s && Double.compare(mean, s.mean) == 0 && Double.compare(std, s.std) == 0
                && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(mean) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return mean + " ± " + std + " " + Arrays.toString(values);
    }
}
