package org.nlb.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The cache key of a stage instance (run contract): the first 12 hex digits of the SHA-256 of
 * the canonical JSON — keys sorted, no spaces — of {@code {"settings": …, "upstream": {name: key}}}.
 * Two stages with equal settings and equal inputs have equal keys, so their outputs are
 * interchangeable; changing anything a stage depends on changes its key and those of every
 * stage downstream of it.
 *
 * @param value 12 lowercase hex digits
 */
public record StageKey(String value) {
    private static final ObjectMapper COMPACT = new ObjectMapper();

    public StageKey {
        if (value == null || !value.matches("[0-9a-f]{12}")) {
            throw new IllegalArgumentException("not a stage key: " + value);
        }
    }

    static StageKey of(JsonNode settings, Map<String, StageKey> upstream) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("settings", settings);
        ObjectNode up = root.putObject("upstream");
        upstream.forEach((name, key) -> up.put(name, key.value()));
        return new StageKey(sha256(canonical(root)).substring(0, 12));
    }

    /** The JSON text with every object's keys sorted and no whitespace. */
    static String canonical(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
