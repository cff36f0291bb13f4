package org.nlb.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import org.nlb.poison.trigger.TriggerOption;
import picocli.CommandLine.Option;

/** The trigger a command applies (DESIGN §3): its name and options; defaults come from TriggerKind. */
final class TriggerArgs {
    @Option(names = "--trigger", required = true, paramLabel = "NAME", completionCandidates = Names.class,
            description = "Trigger: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = "--alpha", paramLabel = "A",
            description = "Blend weight of the trigger in (0, 1] (default: 1 for patches, 0.1 for full-image blends).")
    Double alpha;

    @Option(names = "--size", paramLabel = "S", description = "Side of a square patch (default: 3).")
    Integer size;

    @Option(names = "--position", paramLabel = "ROW,COL",
            description = "Top-left cell of the patch (checkerboard-center, checkerboard-corner).")
    String position;

    @Option(names = "--image", paramLabel = "FILE",
            description = "PNG/JPEG: the image to blend (blend-image) or the patch (patch-random).")
    Path image;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the noise image (blend-noise) or the patch positions (patch-random) (default: 0).")
    Long seed;

    /** The validated trigger options; an option the trigger does not take is an error. */
    TriggerConfig config() {
        return config(seed);
    }

    /** As {@link #config()}, but {@code --seed} only reaches triggers that use one (it seeds other things too). */
    TriggerConfig configSharingSeed() {
        TriggerKind kind = TriggerKind.fromName(name);
        return config(kind.takes(TriggerOption.SEED) ? seed : null);
    }

    private TriggerConfig config(Long triggerSeed) {
        return TriggerConfig.of(TriggerKind.fromName(name), alpha, size,
                position == null ? null : TriggerConfig.Position.parse(position), image, triggerSeed);
    }

    /** The registered trigger names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TriggerKind.values()).map(TriggerKind::id).iterator();
        }
    }
}
