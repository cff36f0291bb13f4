package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.nlb.io.BadInputException;

/**
 * Typed access to one JSON object of a file, with errors that name the file and the field's
 * dotted path ({@code "selectors.random.linear.asr" is missing}), so that a malformed
 * {@code results.json} is reported in one line (DESIGN §7).
 */
final class JsonFields {
    private final Path file;
    private final JsonNode node;
    private final String path;

    JsonFields(Path file, JsonNode node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    JsonNode node() {
        return node;
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private BadInputException bad(String name, String problem) {
        return new BadInputException(file, "\"" + at(name) + "\" " + problem);
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** A required nested object. */
    JsonFields object(String name) {
        return optObject(name).orElseThrow(() -> bad(name, "is missing"));
    }

    Optional<JsonFields> optObject(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw bad(name, "is " + v.getNodeType().toString().toLowerCase() + ", expected an object");
        }
        return Optional.of(new JsonFields(file, v, at(name)));
    }

    /** The field names of this object, in file order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    String text(String name) {
        return optText(name).orElseThrow(() -> bad(name, "is missing"));
    }

    Optional<String> optText(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw bad(name, "is " + v + ", expected a string");
        }
        return Optional.of(v.asText());
    }

    int integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw bad(name, "is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw bad(name, "is " + v + ", expected a whole number");
        }
        return v.intValue();
    }

    int optInteger(String name, int otherwise) {
        return has(name) ? integer(name) : otherwise;
    }

    long longValue(JsonNode v, String name) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(name, "holds " + v + ", expected whole numbers");
        }
        return v.longValue();
    }

    /** A number; null or absent is NaN (an undefined metric). */
    double number(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw bad(name, "is " + v + ", expected a number");
        }
        return v.doubleValue();
    }

    /** A list of whole numbers. */
    long[] longs(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw bad(name, "is missing");
        }
        if (!v.isArray()) {
            throw bad(name, "is " + v + ", expected a list of whole numbers");
        }
        long[] out = new long[v.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = longValue(v.get(k), name);
        }
        return out;
    }

    /** A list of objects; absent or null is empty. */
    List<JsonFields> objects(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw bad(name, "is " + v.getNodeType().toString().toLowerCase() + ", expected a list of objects");
        }
        List<JsonFields> out = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            if (!v.get(k).isObject()) {
                throw bad(name + "[" + k + "]", "is " + v.get(k) + ", expected an object");
            }
            out.add(new JsonFields(file, v.get(k), at(name) + "[" + k + "]"));
        }
        return out;
    }

    /** A list of strings. */
    List<String> texts(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isArray()) {
            throw bad(name, v == null ? "is missing" : "is " + v + ", expected a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw bad(name, "holds " + e + ", expected strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    /**
     * A STAT ({@code {"mean", "std", "values"}}); a plain number is read as one value, null or
     * absent as undefined.
     */
    Stat stat(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Stat.missing();
        }
        if (v.isNumber()) {
            return Stat.single(v.doubleValue());
        }
        if (!v.isObject()) {
            throw bad(name, "is " + v + ", expected {\"mean\", \"std\", \"values\"}");
        }
        JsonFields s = new JsonFields(file, v, at(name));
        if (!v.has("mean")) {
            throw s.bad("mean", "is missing");
        }
        double[] values = new double[0];
        if (v.hasNonNull("values")) {
            JsonNode list = v.get("values");
            if (!list.isArray()) {
                throw s.bad("values", "is " + list + ", expected a list of numbers");
            }
            values = new double[list.size()];
            for (int k = 0; k < values.length; k++) {
                JsonNode e = list.get(k);
                if (!e.isNumber() && !e.isNull()) {
                    throw s.bad("values", "holds " + e + ", expected numbers");
                }
                values[k] = e.isNull() ? Double.NaN : e.doubleValue();
            }
        }
        double std = s.number("std");
        return new Stat(s.number("mean"), Double.isNaN(std) ? 0 : std, values);
    }
}
