package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The few lines {@code nlb run} prints on stdout at the end: per selector the poison set's purity
 * and the linear probe's ASR next to the clean encoder's (DESIGN §4: only the difference is a
 * backdoor), read from results.json.
 */
public final class RunSummary {
    private RunSummary() {}

    public static String text(JsonNode results, java.nio.file.Path resultsFile) {
        StringBuilder sb = new StringBuilder();
        JsonNode clean = results.path("clean");
        sb.append(String.format(Locale.ROOT, "%s, budget %d of %d pretrain images (%.1f %%), %d seed(s); clean encoder"
                        + " accuracy linear %s, knn %s%n", results.path("dataset").path("spec").asText(),
                results.path("budget").asInt(), results.path("dataset").path("pretrain").asInt(),
                100 * results.path("poison_share").asDouble(), results.path("seeds").size(),
                stat(clean.path("linear").path("clean_acc")), stat(clean.path("knn").path("clean_acc"))));
        sb.append(String.format(Locale.ROOT, "%-14s %-13s %6s  %-13s %-13s %-13s %-13s%n", "selector", "ccr", "target",
                "asr", "asr_clean_enc", "backdoor", "clean_acc"));
        for (Iterator<Map.Entry<String, JsonNode>> it = results.path("selectors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            JsonNode linear = s.path("linear");
            sb.append(String.format(Locale.ROOT, "%-14s %-13s %6d  %-13s %-13s %-13s %-13s%n", e.getKey(),
                    stat(s.path("ccr")), s.path("target").asInt(), stat(linear.path("asr")),
                    stat(linear.path("asr_clean_encoder")), stat(linear.path("backdoor")),
                    stat(linear.path("clean_acc"))));
        }
        sb.append("(linear probe; kNN figures, per-seed values and timings in ").append(resultsFile).append(")\n");
        return sb.toString();
    }

    /** "0.931" or "0.931±0.012" with several seeds. */
    private static String stat(JsonNode stat) {
        JsonNode mean = stat.path("mean");
        if (!mean.isNumber()) {
            return "n/a";
        }
        return stat.path("values").size() > 1
                ? String.format(Locale.ROOT, "%.3f±%.3f", mean.asDouble(), stat.path("std").asDouble())
                : String.format(Locale.ROOT, "%.3f", mean.asDouble());
    }
}
