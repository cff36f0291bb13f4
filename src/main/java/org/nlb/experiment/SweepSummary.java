package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code nlb sweep} prints on stdout at the end, read from sweep.json: per point its
 * budget as a share of the pretrain set and, per selector, the linear probe's backdoor effect
 * {@code asr − asr_clean_encoder} (DESIGN §4), in percentage points.
 */
public final class SweepSummary {
    private SweepSummary() {}

    public static String text(JsonNode sweep, Path sweepFile) {
        List<String> selectors = new ArrayList<>();
        sweep.path("selectors").forEach(s -> selectors.add(s.asText()));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-22s %16s", "point", "budget (share)"));
        selectors.forEach(s -> sb.append(String.format(Locale.ROOT, " %12s", s)));
        sb.append('\n');
        for (JsonNode p : sweep.path("points")) {
            sb.append(String.format(Locale.ROOT, "%-22s %16s", p.path("name").asText(),
                    String.format(Locale.ROOT, "%d (%.1f %%)", p.path("budget").asInt(), 100 * p.path("poison_share")
                            .asDouble())));
            for (String s : selectors) {
                JsonNode mean = p.path("selectors").path(s).path("linear").path("backdoor").path("mean");
                sb.append(String.format(Locale.ROOT, " %12s", mean.isNumber()
                        ? String.format(Locale.ROOT, "%+.1f", 100 * mean.asDouble()) : "n/a"));
            }
            sb.append('\n');
        }
        sb.append("(backdoor effect of the linear probe, ASR − the clean encoder's ASR, in points; every figure in ")
                .append(sweepFile).append(", charts in ").append(sweepFile.resolveSibling(Sweep.HTML_FILE)).append(")\n");
        return sb.toString();
    }
}
