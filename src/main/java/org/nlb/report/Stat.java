package org.nlb.report;

import java.util.Arrays;

/**
 * One number of a run over its seeds, as {@code results.json} holds it (run contract, issue 6):
 * the mean, the sample standard deviation (0 with one seed) and the value of each seed. A metric
 * that is undefined (e.g. ASR with no test image outside the target class) has a NaN mean. The
 * engine aggregates its seeds into this record ({@code org.nlb.experiment.ResultsAggregator}
 * writes it as {@code {"mean", "std", "values"}}) and the report reads the file back into it.
 *
 * @param mean the mean over seeds, NaN when undefined
 * @param std the sample standard deviation, 0 with one seed
 * @param values one value per seed (may be empty when only the mean was written); NaN where a seed's
 *     value is undefined
 */
public record Stat(double mean, double std, double[] values) {
    public Stat {
        values = values.clone();
    }

    /**
     * The statistic of {@code values}: their mean and sample standard deviation (n − 1), over the
     * defined ones — an undefined (NaN) value is kept in {@link #values()} but left out of both;
     * with no defined value the mean and std are NaN.
     */
    public static Stat of(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = n == 0 ? Double.NaN : n == 1 ? 0 : Math.sqrt(squares / (n - 1));
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
