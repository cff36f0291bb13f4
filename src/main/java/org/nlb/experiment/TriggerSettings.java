package org.nlb.experiment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import org.nlb.poison.trigger.TriggerOption;

/**
 * The trigger of a run (DESIGN §3) as a config file gives it: the kind and the options it takes,
 * {@code null} for the kind's default. {@link TriggerConfig} validates and fills them in.
 *
 * @param kind a trigger name, e.g. {@code checkerboard-center}
 * @param alpha blend weight in (0, 1]
 * @param size side of a square patch
 * @param position top-left row and column of the patch
 * @param image a PNG/JPEG file (blend-image, patch-random), relative to the working directory
 * @param seed seed of the noise image, the random positions or the layout's object sides
 * @param scale side of the shrunk object in a layout-patch, as a fraction of the image's; left out
 *              of config.json for every other kind, so their stage keys do not change
 */
public record TriggerSettings(String kind, Double alpha, Integer size, int[] position, String image, Long seed,
                              Double scale) {
    private static final Map<String, String> KEYS = Map.of(TriggerOption.ALPHA.flag(), "alpha",
            TriggerOption.SIZE.flag(), "size", TriggerOption.POSITION.flag(), "position",
            TriggerOption.IMAGE.flag(), "image", TriggerOption.SEED.flag(), "seed",
            TriggerOption.SCALE.flag(), "scale", "--trigger", "kind");

    public TriggerSettings {
        ConfigKeys.notNull("attack.trigger.kind", kind);
        ConfigKeys.require(position == null || position.length == 2, "attack.trigger.position",
                "must be [row, column], got " + Arrays.toString(position));
        position = position == null ? null : position.clone();
        config(kind, alpha, size, position, image, seed, scale); // validates now, naming the key
    }

    static TriggerSettings of(String kind) {
        return new TriggerSettings(kind, null, null, null, null, null, null);
    }

    /** The validated trigger. */
    public TriggerConfig config() {
        return config(kind, alpha, size, position, image, seed, scale);
    }

    /**
     * The options this kind takes, every one filled in; the others {@code null}. A layout-patch
     * size left to the image width stays {@code null}: it is chosen when the data is read.
     */
    TriggerSettings resolved() {
        TriggerConfig c = config();
        boolean sized = c.kind().takes(TriggerOption.SIZE) && c.size() != TriggerKind.SIZE_FROM_IMAGE;
        return new TriggerSettings(kind, c.alpha(), sized ? c.size() : null,
                c.position().map(p -> new int[] {p.row(), p.column()}).orElse(null),
                c.image().map(Path::toString).orElse(null), c.kind().takes(TriggerOption.SEED) ? c.seed() : null,
                c.kind().takes(TriggerOption.SCALE) ? c.scale() : null);
    }

    private static TriggerConfig config(String kind, Double alpha, Integer size, int[] position, String image, Long seed,
                                        Double scale) {
        try {
            return TriggerConfig.of(TriggerKind.fromName(kind), alpha, size,
                    position == null ? null : new TriggerConfig.Position(position[0], position[1]),
                    image == null ? null : Path.of(image), seed, scale);
        } catch (BadInputException e) {
            String key = KEYS.getOrDefault(e.subject(), e.subject());
            String problem = e.problem();
            // longest flag first: --trigger-seed before --trigger
            for (String flag : KEYS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
                problem = problem.replace(flag, KEYS.get(flag));
            }
            throw new BadInputException("attack.trigger." + key, problem);
        }
    }

    @Override
    public int[] position() {
        return position == null ? null : position.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriggerSettings t && t.kind.equals(kind) && java.util.Objects.equals(t.alpha, alpha)
                && java.util.Objects.equals(t.size, size) && Arrays.equals(t.position, position)
                && java.util.Objects.equals(t.image, image) && java.util.Objects.equals(t.seed, seed)
                && java.util.Objects.equals(t.scale, scale);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, alpha, size, Arrays.hashCode(position), image, seed, scale);
    }
}
