package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the artefact records: keys in snake_case, NaN as {@code null}, fields that are
 * {@code null} left out unless a record keeps them ({@code @JsonInclude(ALWAYS)}), indented
 * objects with lists on one line. Reading is strict about types — no {@code "3"} for 3, no 1.5 for
 * a whole number, no duplicate key, nothing after the object — and lenient about unknown fields,
 * so that a file written by a later version still reads.
 */
public final class Artefacts {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(Numbers.module())
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance))
            .build();

    /** The element type in Jackson's message, e.g. {@code `java.util.ArrayList<java.lang.Long>`}. */
    private static final Pattern LIST_OF = Pattern.compile("`java\\.util\\.\\w+<java\\.lang\\.(\\w+)>`");

    private Artefacts() {}

    /**
     * The record in {@code json}.
     *
     * @throws MalformedArtefactException when it is not valid JSON, not an object, or does not
     *     hold what the record needs; the message names the field
     */
    public static <T> T read(byte[] json, Class<T> type) {
        return fromTree(readObject(json), type);
    }

    /** The JSON object in {@code json}, checked as {@link #read} checks it but not bound to a record. */
    public static JsonNode readObject(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MalformedArtefactException("", "not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + where, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw MalformedArtefactException.of("is empty, expected a JSON object");
        }
        if (!root.isObject()) {
            throw MalformedArtefactException.of("expected a JSON object, found " + describe(root));
        }
        return root;
    }

    /** The record a JSON tree holds, with the checks of {@link #read}. */
    public static <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw problem(e);
        } catch (JsonProcessingException e) {
            throw new MalformedArtefactException("", e.getOriginalMessage(), e);
        }
    }

    /** The JSON text of {@code artefact}, ending with a newline. */
    public static String write(Object artefact) {
        try {
            return JSON.writeValueAsString(artefact) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + artefact.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The JSON tree of {@code artefact}, as {@link #write} writes it. */
    public static JsonNode tree(Object artefact) {
        return JSON.valueToTree(artefact);
    }

    /** A Jackson binding error as one line naming the field. */
    private static MalformedArtefactException problem(JsonMappingException e) {
        String path = path(e.getPath());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedArtefactException m) { // a record's own check, or the Stat reader's
                return m.under(path);
            }
        }
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        if (message.startsWith("Missing required creator property")) {
            return new MalformedArtefactException(path, "is missing", e);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new MalformedArtefactException(path, "is " + found(e) + ", expected " + expected(m.getTargetType(),
                    message), e);
        }
        return new MalformedArtefactException(path, message.lines().findFirst().orElse(""), e);
    }

    /** {@code selectors.random.by_epoch[0].epoch}. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The value the parser stopped at: {@code 1.5}, {@code "high"}, {@code a list}. */
    private static String found(JsonMappingException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
            return "of the wrong type";
        }
        JsonToken t = p.currentToken();
        try {
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "\"" + p.getText() + "\"";
                case VALUE_NULL -> "null";
                default -> p.getText();
            };
        } catch (IOException io) {
            return "of the wrong type";
        }
    }

    /** What {@code type} takes, e.g. {@code a list of whole numbers} (Jackson names a list's elements in its message). */
    private static String expected(Class<?> type, String message) {
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            Matcher m = LIST_OF.matcher(message);
            Class<?> element = m.find() ? elementType(m.group(1)) : null;
            return element == null ? "a list" : "a list of " + plural(expected(element));
        }
        return expected(type);
    }

    private static Class<?> elementType(String name) {
        return switch (name) {
            case "Long", "Integer" -> Long.class;
            case "Double" -> Double.class;
            case "String" -> String.class;
            default -> null;
        };
    }

    private static String plural(String singular) {
        return singular.startsWith("a ") ? singular.substring(2) + "s" : singular;
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : type.getSimpleName();
    }

    /** How a value reads in a message: {@code 1.5}, {@code "x"}, {@code a list}, {@code an object}. */
    static String describe(JsonNode v) {
        return v.isObject() ? "an object" : v.isArray() ? "a list" : v.toString();
    }
}
