package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import org.nlb.poison.trigger.TriggerOption;
import picocli.CommandLine.Option;

/**
 * An optional test-time trigger (DESIGN §3) for commands that measure an encoder. Unlike
 * {@link TriggerArgs}, {@code --trigger} may be left out, and the trigger's seed is
 * {@code --trigger-seed}: these commands have a {@code --seed} of their own, and a trigger must
 * be rebuilt with the seed it was poisoned with, not the probe's.
 */
final class OptionalTriggerArgs {
    @Option(names = "--trigger", paramLabel = "NAME", completionCandidates = TriggerArgs.Names.class,
            description = "Paste this trigger on every image first: ${COMPLETION-CANDIDATES}.")
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

    @Option(names = "--trigger-seed", paramLabel = "S",
            description = "Seed of the noise image (blend-noise) or the patch positions (patch-random); use the"
                    + " one the poisoned set was made with (default: 0).")
    Long seed;

    /** The trigger, if {@code --trigger} was given; its options without it are an error. */
    Optional<TriggerConfig> config() {
        if (name == null) {
            refuseWithoutTrigger("--alpha", alpha);
            refuseWithoutTrigger("--size", size);
            refuseWithoutTrigger("--position", position);
            refuseWithoutTrigger("--image", image);
            refuseWithoutTrigger("--trigger-seed", seed);
            return Optional.empty();
        }
        TriggerKind kind = TriggerKind.fromName(name);
        if (seed != null && !kind.takes(TriggerOption.SEED)) {
            throw new BadInputException("--trigger-seed", "trigger " + kind.id() + " does not use a seed");
        }
        return Optional.of(TriggerConfig.of(kind, alpha, size,
                position == null ? null : TriggerConfig.Position.parse(position), image, seed));
    }

    private static void refuseWithoutTrigger(String flag, Object value) {
        if (value != null) {
            throw new BadInputException(flag, "only applies to a trigger; add --trigger NAME");
        }
    }
}
