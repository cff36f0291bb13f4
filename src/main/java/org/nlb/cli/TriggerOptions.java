package org.nlb.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import picocli.CommandLine.Option;

/**
 * The options that shape a trigger (DESIGN §3), shared by every command that builds one so each
 * flag has one name and one meaning everywhere. The seed is {@code --trigger-seed} in every
 * command: a trigger must be rebuilt with the seed the poisoned set was made with, and one name
 * keeps it apart from the seeds commands have for other random choices.
 */
final class TriggerOptions {
    @Option(names = "--alpha", paramLabel = "A",
            description = "Blend weight of the trigger in (0, 1] (default: 1 for patches, 0.1 for full-image blends).")
    Double alpha;

    @Option(names = "--size", paramLabel = "S",
            description = "Side of a square patch (default: 3; layout-patch: a fifth of the image width, at least 3).")
    Integer size;

    @Option(names = "--position", paramLabel = "ROW,COL",
            description = "Top-left cell of the patch (checkerboard-center, checkerboard-corner).")
    String position;

    @Option(names = "--image", paramLabel = "FILE",
            description = "PNG/JPEG: the image to blend (blend-image) or the patch (patch-random).")
    Path image;

    @Option(names = "--trigger-seed", paramLabel = "S",
            description = "Seed of the noise image (blend-noise), the patch positions (patch-random) or the object"
                    + " sides (layout-patch); to rebuild a poisoned set's trigger use the one it was made with"
                    + " (default: 0).")
    Long seed;

    @Option(names = "--scale", paramLabel = "F",
            description = "layout-patch: side of the shrunk object as a fraction of the image's, in (0.2, 0.9]"
                    + " (default: 0.6).")
    Double scale;

    /** The validated options for a trigger of {@code kind}; an option it does not take is an error. */
    TriggerConfig configFor(TriggerKind kind) {
        return TriggerConfig.of(kind, alpha, size,
                position == null ? null : TriggerConfig.Position.parse(position), image, seed, scale);
    }

    /** Refuses any of these options when no trigger was named: they would be silently ignored. */
    void refuseWithoutTrigger() {
        refuseWithoutTrigger("--alpha", alpha);
        refuseWithoutTrigger("--size", size);
        refuseWithoutTrigger("--position", position);
        refuseWithoutTrigger("--image", image);
        refuseWithoutTrigger("--trigger-seed", seed);
        refuseWithoutTrigger("--scale", scale);
    }

    private static void refuseWithoutTrigger(String flag, Object value) {
        if (value != null) {
            throw new BadInputException(flag, "only applies to a trigger; add --trigger NAME");
        }
    }

    /** The registered trigger names, for the help text of {@code --trigger}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TriggerKind.values()).map(TriggerKind::id).iterator();
        }
    }
}
