package org.nlb.poison.select;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nlb.NlbVersion;
import org.nlb.io.AtomicOutput;

/**
 * Writes {@code poison.json} (DESIGN §7): {@code strategy}, {@code n}, {@code budget},
 * {@code rate}, {@code classes}, {@code indices}, {@code anchor} (contrastive family), {@code seed},
 * {@code seconds}, and {@code ccr}, {@code target}, {@code histogram} when labels were given; then
 * provenance (the features file, the settings, the k-means clusters, the nlb version). Written
 * atomically; arrays stay on one line so the file reads well.
 */
public final class PoisonFile {
    private PoisonFile() {}

    /** Where the selection came from, recorded for provenance. */
    public record Provenance(Path features, Optional<String> labels, Optional<Path> subset) {}

    /** The JSON object, fields in the order above. */
    public static Map<String, Object> content(Selection s, Optional<SelectionMetrics> metrics, Provenance from) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", s.strategy().cliName());
        json.put("n", s.n());
        json.put("budget", s.budget().images());
        json.put("rate", s.budget().rate().isPresent() ? s.budget().rate().getAsDouble() : null);
        json.put("classes", s.budget().classes().isPresent() ? s.budget().classes().getAsInt() : null);
        json.put("indices", s.indices());
        if (s.anchor().isPresent()) {
            json.put("anchor", s.anchor().getAsInt());
            json.put("anchor_score", s.anchorScore().getAsDouble());
        }
        json.put("seed", s.seed());
        json.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        metrics.ifPresent(m -> {
            json.put("ccr", m.ccr());
            json.put("target", m.target());
            json.put("target_name", m.targetName());
            json.put("histogram", m.histogram());
        });
        s.options().anchorSample().ifPresent(k -> json.put("anchor_sample", k));
        s.clusters().ifPresent(c -> {
            json.put("clusters", c.sizes().length);
            json.put("cluster_sizes", c.sizes());
            json.put("chosen_cluster", c.chosen());
        });
        s.options().target().ifPresent(t -> json.put("requested_target", t));
        json.put("features", from.features().toString());
        from.labels().ifPresent(l -> json.put("labels", l));
        from.subset().ifPresent(p -> json.put("subset", p.toString()));
        json.put("nlb_version", NlbVersion.get());
        return json;
    }

    /** Writes the selection to {@code out} atomically. */
    public static void write(Path out, Selection s, Optional<SelectionMetrics> metrics, Provenance from) {
        String text;
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
            text = new ObjectMapper().writer(printer).writeValueAsString(content(s, metrics, from)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format poison.json", e);
        }
        AtomicOutput.writeString(out, text);
    }
}
