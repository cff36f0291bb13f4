package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.nlb.artefact.Artefacts;
import org.nlb.artefact.TriggerBlock;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;

/**
 * The run's trigger from {@code results.json}'s trigger block: {@code {"kind": NAME, ...parameters}}
 * with the parameters of {@link TriggerConfig#parameters()} ({@code alpha}, {@code size},
 * {@code position} [row, col], {@code image}, {@code seed}, {@code scale}), inline or under {@code "parameters"};
 * {@code "name"} is accepted for {@code "kind"} (the form of {@code metrics.json}). Absent
 * parameters take the trigger's defaults (DESIGN §3).
 */
final class RunTrigger {
    private RunTrigger() {}

    /** The trigger of results.json's block. */
    static TriggerConfig parse(TriggerBlock block, Path runDir, Path file) {
        return parse(Artefacts.tree(block), runDir, file);
    }

    static TriggerConfig parse(JsonNode block, Path runDir, Path file) {
        JsonNode kindNode = block.hasNonNull("kind") ? block.get("kind") : block.get("name");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new BadInputException(file, "\"trigger.kind\" is missing");
        }
        TriggerKind kind = TriggerKind.fromName(kindNode.asText());
        JsonNode p = block.hasNonNull("parameters") && block.get("parameters").isObject() ? block.get("parameters") : block;
        double alpha = p.hasNonNull("alpha") ? p.get("alpha").asDouble() : kind.defaultAlpha();
        int size = p.hasNonNull("size") ? p.get("size").asInt() : kind.defaultSize();
        long seed = p.hasNonNull("seed") ? p.get("seed").asLong() : TriggerKind.DEFAULT_SEED;
        Optional<TriggerConfig.Position> position = Optional.empty();
        JsonNode pos = p.get("position");
        if (pos != null && pos.isArray() && pos.size() == 2) {
            position = Optional.of(new TriggerConfig.Position(pos.get(0).asInt(), pos.get(1).asInt()));
        }
        Optional<Path> image = Optional.empty();
        if (p.hasNonNull("image")) {
            Path given = Path.of(p.get("image").asText());
            image = Optional.of(given.isAbsolute() || Files.exists(given) ? given : runDir.resolve(given));
        }
        double scale = p.hasNonNull("scale") ? p.get("scale").asDouble() : TriggerKind.DEFAULT_SCALE;
        return new TriggerConfig(kind, alpha, size, position, image, seed, scale);
    }
}
