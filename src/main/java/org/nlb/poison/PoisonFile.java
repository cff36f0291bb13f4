package org.nlb.poison;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * A selector's {@code poison.json} (DESIGN §7): {@code n} (the size of the set selected from),
 * {@code indices} (0-based positions in that set, each once), and optionally {@code budget},
 * {@code strategy} and {@code seed}. Other fields ({@code anchor}, {@code ccr}, …) are allowed
 * and ignored. Every problem is reported against the file.
 *
 * @param file where it was read from
 * @param n the size of the set the indices point into
 * @param indices distinct positions in {@code 0 … n−1}, in the selector's order
 * @param strategy the selector that chose them, if recorded
 * @param seed the selector's seed, if recorded
 */
public record PoisonFile(Path file, int n, int[] indices, Optional<String> strategy, Optional<Long> seed) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads and checks {@code file}: valid JSON, required fields, indices in range and distinct. */
    public static PoisonFile read(Path file) {
        JsonNode root = parse(file);
        if (!root.isObject()) {
            throw new BadInputException(file, "expected a JSON object with \"n\" and \"indices\"");
        }
        int n = intField(file, root, "n");
        if (n < 1) {
            throw new BadInputException(file, "\"n\" must be at least 1, got " + n);
        }
        JsonNode list = root.get("indices");
        if (list == null || !list.isArray()) {
            throw new BadInputException(file, "\"indices\" is missing or not a list");
        }
        if (list.isEmpty()) {
            throw new BadInputException(file, "\"indices\" is empty: there is nothing to poison");
        }
        int[] indices = new int[list.size()];
        Map<Integer, Integer> firstSeen = new HashMap<>();
        for (int k = 0; k < indices.length; k++) {
            JsonNode v = list.get(k);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new BadInputException(file, "indices[" + k + "] is " + v + ", not a whole number");
            }
            int i = v.intValue();
            if (i < 0 || i >= n) {
                throw new BadInputException(file, "indices[" + k + "] = " + i + " is outside 0.." + (n - 1) + " (n = " + n + ")");
            }
            Integer before = firstSeen.putIfAbsent(i, k);
            if (before != null) {
                throw new BadInputException(file, "index " + i + " is listed twice (indices[" + before + "] and indices[" + k + "])");
            }
            indices[k] = i;
        }
        if (root.has("budget") && intField(file, root, "budget") != indices.length) {
            throw new BadInputException(file, "\"budget\" is " + root.get("budget") + " but " + indices.length + " indices are listed");
        }
        Optional<String> strategy = Optional.ofNullable(root.get("strategy")).filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<Long> seed = Optional.empty();
        if (root.hasNonNull("seed")) {
            JsonNode s = root.get("seed");
            if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                throw new BadInputException(file, "\"seed\" is " + s + ", not a whole number");
            }
            seed = Optional.of(s.longValue());
        }
        return new PoisonFile(file, n, indices, strategy, seed);
    }

    private static JsonNode parse(Path file) {
        byte[] bytes = InputFiles.read(file);
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new BadInputException(file, "is empty, expected JSON");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new BadInputException(file, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("") + where, e);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    private static int intField(Path file, JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null) {
            throw new BadInputException(file, "\"" + name + "\" is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadInputException(file, "\"" + name + "\" is " + v + ", not a whole number");
        }
        return v.intValue();
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }
}
