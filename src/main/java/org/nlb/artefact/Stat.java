package org.nlb.artefact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;

/**
 * One figure of a run over its seeds, as results.json and sweep.json hold it:
 * {@code {"mean", "std", "values"}} — the mean, the sample standard deviation (0 with one seed) and
 * the value of each seed. An undefined value (e.g. ASR with no test image outside the target
 * class) is NaN here and {@code null} in the file; a figure with no defined value has a NaN mean.
 * A plain number in the file is read as one seed's value.
 *
 * @param mean the mean over the defined values, NaN when there is none
 * @param std the sample standard deviation (n − 1) over the defined values, 0 with one
 * @param values one value per seed, NaN where undefined; may be empty when only the mean is known
 */
@JsonSerialize(using = Stat.Writer.class)
@JsonDeserialize(using = Stat.Reader.class)
public record Stat(double mean, double std, double[] values) {
    public Stat {
        values = values.clone();
    }

    /** The statistic of {@code values}; an undefined (NaN) value is kept in {@link #values()} but left out of mean and std. */
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

    /** An undefined figure: not measured, or not in the file. */
    public static Stat missing() {
        return new Stat(Double.NaN, 0, new double[0]);
    }

    public boolean defined() {
        return !Double.isNaN(mean);
    }

    /** How many seeds it was measured on: the values, at least 1 when defined. */
    public int n() {
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

    /** {@code {"mean", "std", "values"}}, NaN as {@code null}. */
    static final class Writer extends StdSerializer<Stat> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Stat.class);
        }

        @Override
        public void serialize(Stat s, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeFieldName("mean");
            Numbers.write(s.mean, g);
            g.writeFieldName("std");
            Numbers.write(s.std, g);
            g.writeArrayFieldStart("values");
            for (double v : s.values) {
                Numbers.write(v, g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The object form, or a plain number as one seed's value; {@code "mean"} is required. */
    static final class Reader extends StdDeserializer<Stat> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(Stat.class);
        }

        @Override
        public Stat deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (node.isNumber()) {
                return single(node.doubleValue());
            }
            if (!node.isObject()) {
                throw new MalformedArtefactException("", "is " + Artefacts.describe(node) + ", expected a number or"
                        + " {\"mean\", \"std\", \"values\"}");
            }
            if (!node.has("mean")) {
                throw MalformedArtefactException.missing("mean");
            }
            double mean = number(node.get("mean"), "mean");
            double std = node.hasNonNull("std") ? number(node.get("std"), "std") : Double.isNaN(mean) ? Double.NaN : 0;
            JsonNode list = node.get("values");
            double[] values = new double[0];
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw new MalformedArtefactException("values", "is " + Artefacts.describe(list)
                            + ", expected a list of numbers");
                }
                values = new double[list.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = number(list.get(k), "values[" + k + "]");
                }
            }
            return new Stat(mean, std, values);
        }

        private static double number(JsonNode v, String field) {
            if (v.isNull()) {
                return Double.NaN;
            }
            if (!v.isNumber()) {
                throw new MalformedArtefactException(field, "is " + Artefacts.describe(v) + ", expected a number");
            }
            return v.doubleValue();
        }
    }
}
