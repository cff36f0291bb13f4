package org.nlb.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/** Reads the JSON files of a run directory; every problem is a {@link BadInputException} naming the file. */
final class JsonFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFile() {}

    /** The JSON object in {@code file}. */
    static JsonNode readObject(Path file) {
        byte[] bytes = InputFiles.read(file);
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new BadInputException(file, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + where, e);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(file, "is empty, expected a JSON object");
        }
        if (!root.isObject()) {
            throw new BadInputException(file, "expected a JSON object, found " + root.getNodeType().toString().toLowerCase());
        }
        return root;
    }

    /** {@code node} as indented JSON, for people to read. */
    static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format JSON", e);
        }
    }
}
