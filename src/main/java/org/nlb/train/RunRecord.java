package org.nlb.train;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.nlb.NlbVersion;

/**
 * A run's provenance as JSON (STYLE.md: seeds and provenance in every artefact): the resolved
 * {@link PretrainConfig} (every field, snake_case), its {@link RunSeeds}, what data it trained on,
 * and the nlb, DJL and PyTorch versions. {@code config.json} and every checkpoint hold it; a
 * resumed run must match the checkpoint's record in everything but the thread count.
 */
public final class RunRecord {
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * Fields that may change between a run and its resumption: the thread count does not change
     * the results, and the subset's path may move (its pixels' hash still has to match).
     */
    private static final String[] FREE_CONFIG_FIELDS = {"threads"};
    private static final String[] FREE_DATA_FIELDS = {"subset"};

    private RunRecord() {
    }

    /**
     * The record of a run.
     *
     * @param data what was trained on (spec, subset, image count and a hash of the pixels)
     */
    public static ObjectNode of(PretrainConfig config, JsonNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.set("config", JSON.valueToTree(config));
        root.set("seeds", JSON.valueToTree(RunSeeds.of(config.seed())));
        root.put("peak_lr", config.peakLr());
        root.set("data", data);
        ObjectNode versions = root.putObject("versions");
        versions.put("nlb", NlbVersion.get());
        versions.put("djl", Engine.getDjlVersion());
        versions.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        return reparse(root);
    }

    /**
     * The tree as it reads back from its text, so that a fresh record compares equal to a saved one
     * (a float and a long become the same nodes as when parsed).
     */
    static ObjectNode reparse(ObjectNode tree) {
        try {
            return (ObjectNode) JSON.readTree(JSON.writeValueAsString(tree));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The parts of a record that must match for a checkpoint to be resumed: config and data. */
    static ObjectNode identity(JsonNode record) {
        ObjectNode id = JSON.createObjectNode();
        ObjectNode config = record.path("config").isObject() ? record.get("config").deepCopy() : JSON.createObjectNode();
        config.remove(java.util.List.of(FREE_CONFIG_FIELDS));
        ObjectNode data = record.path("data").isObject() ? record.get("data").deepCopy() : JSON.createObjectNode();
        data.remove(java.util.List.of(FREE_DATA_FIELDS));
        id.set("config", config);
        id.set("data", data);
        return id;
    }

    /**
     * The first field where two identities differ, as {@code "config.batch_size: 256 in the
     * checkpoint, 128 now"}, or empty when they are equal.
     */
    static Optional<String> firstDifference(JsonNode saved, JsonNode now) {
        return difference("", saved, now);
    }

    private static Optional<String> difference(String path, JsonNode saved, JsonNode now) {
        if (saved.isObject() && now.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = saved.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<String> d = difference(join(path, e.getKey()), e.getValue(), now.path(e.getKey()));
                if (d.isPresent()) {
                    return d;
                }
            }
            for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!saved.has(name)) {
                    return Optional.of(join(path, name) + ": absent in the checkpoint, " + now.get(name) + " now");
                }
            }
            return Optional.empty();
        }
        if (saved.isArray() && now.isArray() && saved.size() == now.size()) {
            for (int i = 0; i < saved.size(); i++) {
                Optional<String> d = difference(path + "[" + i + "]", saved.get(i), now.get(i));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (saved.equals(now)) {
            return Optional.empty();
        }
        return Optional.of(path + ": " + text(saved) + " in the checkpoint, " + text(now) + " now");
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() ? "absent" : n.toString();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
