package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.nlb.NlbVersion;

/**
 * {@code stage.json}, the completion marker of a stage directory (run contract): written last and
 * atomically, so a directory without it is unfinished.
 *
 * @param stage the stage's name
 * @param key its key
 * @param settings its settings
 * @param upstream the keys of its inputs by stage name
 * @param seconds what the stage cost
 * @param finished when it finished (ISO-8601)
 */
record StageRecord(String stage, String key, JsonNode settings, JsonNode upstream, double seconds, String finished) {
    static final String FILE = "stage.json";

    void writeInto(Path dir) {
        ObjectNode json = RunJson.tree(this);
        json.put("nlb_version", NlbVersion.get());
        RunJson.write(dir.resolve(FILE), json);
    }

    /** The record of a complete stage directory; empty when it is unfinished or its marker unreadable. */
    static Optional<StageRecord> readFrom(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = RunJson.JSON.readTree(file.toFile());
            return Optional.of(new StageRecord(n.path("stage").asText(), n.path("key").asText(), n.path("settings"),
                    n.path("upstream"), n.path("seconds").asDouble(Double.NaN), n.path("finished").asText()));
        } catch (java.io.IOException e) {
            return Optional.empty(); // treated as unfinished: the stage is redone
        }
    }
}
