package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One figure over the run seeds, as results.json gives it: {@code {"mean", "std", "values"}} with
 * the sample standard deviation (n − 1; 0 for one seed). An undefined value ({@code NaN}) is
 * {@code null} in {@code values} and left out of the mean and std; all undefined gives nulls.
 */
record Stat(double mean, double std, double[] values) {
    static Stat of(double... values) {
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
        return new Stat(mean, std, values.clone());
    }

    ObjectNode json() {
        ObjectNode o = RunJson.JSON.createObjectNode();
        put(o, "mean", mean);
        put(o, "std", std);
        ArrayNode v = o.putArray("values");
        for (double x : values) {
            if (Double.isNaN(x)) {
                v.addNull();
            } else {
                v.add(x);
            }
        }
        return o;
    }

    /** Puts {@code value}, or null when it is undefined. */
    static void put(ObjectNode o, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
