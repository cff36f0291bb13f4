package org.nlb.poison.trigger;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;

/**
 * A trigger's validated options (DESIGN §3). Build it with {@link #of(TriggerKind)} for the
 * defaults or {@link #of(TriggerKind, Double, Integer, Position, Path, Long, Double)} from optional
 * user values; the defaults come from {@link TriggerKind} only.
 *
 * @param kind which trigger
 * @param alpha blend weight of the pattern, in (0, 1]; 1 replaces pixels
 * @param size side of a square patch (patch triggers); {@link TriggerKind#SIZE_FROM_IMAGE} for a
 *             layout-patch whose side is chosen from the image width when it is built (the built
 *             trigger's {@link Trigger#config()} holds the side chosen)
 * @param position top-left row and column of the patch, overriding the default place
 *                 (checkerboard-center and checkerboard-corner)
 * @param image a PNG/JPEG file: the blend image (blend-image) or the patch (patch-random)
 * @param seed seed of the noise image (blend-noise), of the positions (patch-random) or of the
 *             object's side (layout-patch)
 * @param scale side of the shrunk object in a layout, as a fraction of the image's, in (0.2, 0.9]
 *              (layout-patch)
 */
public record TriggerConfig(TriggerKind kind, double alpha, int size, Optional<Position> position,
                            Optional<Path> image, long seed, double scale) {
    /** Largest patch side accepted; bigger than any image nlb reads. */
    public static final int MAX_SIZE = 4096;
    /** The layout's object scale must be above this (a smaller object is mostly canvas)... */
    public static final double MIN_SCALE_EXCLUSIVE = 0.2;
    /** ...and at most this (a larger one leaves no room for the patch). */
    public static final double MAX_SCALE = 0.9;

    public TriggerConfig {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new BadInputException(TriggerOption.ALPHA.flag(), "must be in (0, 1], got " + alpha);
        }
        if (size != TriggerKind.SIZE_FROM_IMAGE || kind.defaultSize() != TriggerKind.SIZE_FROM_IMAGE) {
            requireSize(size);
        }
        if (!(scale > MIN_SCALE_EXCLUSIVE && scale <= MAX_SCALE)) {
            throw new BadInputException(TriggerOption.SCALE.flag(), "must be in (" + MIN_SCALE_EXCLUSIVE + ", "
                    + MAX_SCALE + "], got " + scale);
        }
        position = position == null ? Optional.empty() : position;
        image = image == null ? Optional.empty() : image;
        if (kind == TriggerKind.BLEND_IMAGE && image.isEmpty()) {
            throw new BadInputException(TriggerOption.IMAGE.flag(), "trigger blend-image needs an image file (--image FILE)");
        }
    }

    /** The trigger with all its defaults. */
    public static TriggerConfig of(TriggerKind kind) {
        return of(kind, null, null, null, null, null, null);
    }

    /**
     * The trigger with the values the user gave (null for "not given") and defaults for the rest.
     * A value for an option the trigger does not take is refused rather than silently ignored.
     */
    public static TriggerConfig of(TriggerKind kind, Double alpha, Integer size, Position position, Path image, Long seed,
                                   Double scale) {
        refuseUnused(kind, TriggerOption.ALPHA, alpha);
        refuseUnused(kind, TriggerOption.SIZE, size);
        refuseUnused(kind, TriggerOption.POSITION, position);
        refuseUnused(kind, TriggerOption.IMAGE, image);
        refuseUnused(kind, TriggerOption.SEED, seed);
        refuseUnused(kind, TriggerOption.SCALE, scale);
        if (size != null) {
            requireSize(size); // a given size is a real side, never "from the image"
        }
        return new TriggerConfig(kind,
                alpha != null ? alpha : kind.defaultAlpha(),
                size != null ? size : kind.defaultSize(),
                Optional.ofNullable(position),
                Optional.ofNullable(image),
                seed != null ? seed : TriggerKind.DEFAULT_SEED,
                scale != null ? scale : TriggerKind.DEFAULT_SCALE);
    }

    private static void requireSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new BadInputException(TriggerOption.SIZE.flag(), "must be between 1 and " + MAX_SIZE + ", got " + size);
        }
    }

    /** This config with patch side {@code s} (a layout-patch resolving its side for an image shape). */
    TriggerConfig withSize(int s) {
        return new TriggerConfig(kind, alpha, s, position, image, seed, scale);
    }

    private static void refuseUnused(TriggerKind kind, TriggerOption option, Object value) {
        if (value != null && !kind.takes(option)) {
            String takes = Arrays.stream(TriggerOption.values()).filter(kind::takes)
                    .map(TriggerOption::flag).collect(Collectors.joining(", "));
            throw new BadInputException(option.flag(), "trigger " + kind.id() + " does not use it (it takes " + takes + ")");
        }
    }

    /** The trigger's name, e.g. {@code checkerboard-center}. */
    public String name() {
        return kind.id();
    }

    /** Builds the trigger for images of {@code shape}; fails if it does not fit them. */
    public Trigger buildFor(ImageShape shape) {
        return kind.create(this, shape);
    }

    /** The options this trigger uses, by name, for manifests and reports. */
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", alpha);
        if (kind.takes(TriggerOption.SIZE) && size != TriggerKind.SIZE_FROM_IMAGE) {
            m.put("size", size); // absent: the kind's default for the images
        }
        position.ifPresent(p -> m.put("position", List.of(p.row(), p.column())));
        image.ifPresent(p -> m.put("image", p.toString()));
        if (kind.takes(TriggerOption.SEED)) {
            m.put("seed", seed);
        }
        if (kind.takes(TriggerOption.SCALE)) {
            m.put("scale", scale);
        }
        return m;
    }

    /** Top-left row and column of a patch. */
    public record Position(int row, int column) {
        public Position {
            if (row < 0 || column < 0) {
                throw new BadInputException(TriggerOption.POSITION.flag(), "row and column must be >= 0, got " + row + "," + column);
            }
        }

        /** Parses {@code ROW,COL}, e.g. {@code 14,14}. */
        public static Position parse(String text) {
            String[] parts = text.split(",");
            try {
                if (parts.length == 2) {
                    return new Position(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new BadInputException(TriggerOption.POSITION.flag(), "'" + text + "' is not of the form ROW,COL, e.g. 14,14");
        }
    }
}
