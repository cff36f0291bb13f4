package org.nlb.artefact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stage.json}, the completion marker of a stage directory (run contract): written last and
 * atomically by the run's stage store, so a directory without it is unfinished.
 *
 * @param stage the stage instance's name, e.g. {@code victim-kmeans-s0}
 * @param key its key, 12 hex digits of the hash of its settings and upstream keys
 * @param settings its settings, as hashed into the key
 * @param upstream the keys of its inputs by stage name
 * @param seconds what the stage cost
 * @param finished when it finished (ISO-8601)
 * @param nlbVersion the version that ran it
 */
public record StageRecord(String stage, String key, JsonNode settings, Map<String, String> upstream, double seconds,
                          String finished, String nlbVersion) {
    /** The file name in a stage directory. */
    public static final String FILE = "stage.json";

    public StageRecord {
        upstream = upstream == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(upstream));
    }
}
