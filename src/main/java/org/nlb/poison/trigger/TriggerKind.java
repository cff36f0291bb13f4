package org.nlb.poison.trigger;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;

/**
 * The registry of triggers (DESIGN §3): each name, the options it takes and its defaults. This
 * enum is the one place where trigger defaults live.
 */
public enum TriggerKind {
    /** The paper's CIFAR default: the 3×3 checkerboard at the centre, replacing pixels. */
    CHECKERBOARD_CENTER("checkerboard-center", 1.0, EnumSet.of(TriggerOption.ALPHA, TriggerOption.SIZE, TriggerOption.POSITION)),
    /** The checkerboard in the bottom-right corner. */
    CHECKERBOARD_CORNER("checkerboard-corner", 1.0, EnumSet.of(TriggerOption.ALPHA, TriggerOption.SIZE, TriggerOption.POSITION)),
    /** The checkerboard in all four corners (mirrored left–right in the left corners, as the reference). */
    CHECKERBOARD_4CORNER("checkerboard-4corner", 1.0, EnumSet.of(TriggerOption.ALPHA, TriggerOption.SIZE)),
    /** A full-image checkerboard blended in with a small α. */
    CHECKERBOARD_FULL("checkerboard-full", 0.1, EnumSet.of(TriggerOption.ALPHA)),
    /** A fixed, seeded Gaussian noise image blended in. */
    BLEND_NOISE("blend-noise", 0.1, EnumSet.of(TriggerOption.ALPHA, TriggerOption.SEED)),
    /** A user's image, resized to the data's size, blended in. */
    BLEND_IMAGE("blend-image", 0.1, EnumSet.of(TriggerOption.ALPHA, TriggerOption.IMAGE)),
    /** A square patch at a seeded random position per image (the reference's ImageNet setting). */
    PATCH_RANDOM("patch-random", 1.0,
            EnumSet.of(TriggerOption.ALPHA, TriggerOption.SIZE, TriggerOption.IMAGE, TriggerOption.SEED)),
    /**
     * CorruptEncoder's layout (Zhang et al., CVPR 2024): the poisoned image shrunk to one side of a
     * black canvas with the checkerboard in the empty part; at test time the plain patch.
     */
    LAYOUT_PATCH("layout-patch", 1.0,
            EnumSet.of(TriggerOption.ALPHA, TriggerOption.SIZE, TriggerOption.SEED, TriggerOption.SCALE));

    /** Side of a square patch unless {@code --size} says otherwise: the paper's 3×3. */
    public static final int DEFAULT_SIZE = 3;
    /**
     * The size of a layout-patch config given no {@code --size}: the side is chosen when the trigger
     * is built for an image shape ({@link #layoutSize(ImageShape)}).
     */
    public static final int SIZE_FROM_IMAGE = 0;
    /** Side of the object in a layout, as a fraction of the image's, unless {@code --scale} says otherwise. */
    public static final double DEFAULT_SCALE = 0.6;
    /** Seed of the noise image and of random positions unless {@code --trigger-seed} says otherwise. */
    public static final long DEFAULT_SEED = 0;

    private final String id;
    private final double defaultAlpha;
    private final Set<TriggerOption> options;

    TriggerKind(String id, double defaultAlpha, Set<TriggerOption> options) {
        this.id = id;
        this.defaultAlpha = defaultAlpha;
        this.options = options;
    }

    /** The name users type, e.g. {@code checkerboard-center}. */
    public String id() {
        return id;
    }

    public double defaultAlpha() {
        return defaultAlpha;
    }

    /** The patch side unless {@code --size} says otherwise: {@link #SIZE_FROM_IMAGE} for layout-patch. */
    public int defaultSize() {
        return this == LAYOUT_PATCH ? SIZE_FROM_IMAGE : DEFAULT_SIZE;
    }

    /** layout-patch's default patch side on images of {@code shape}: a fifth of the width, at least 3. */
    static int layoutSize(ImageShape shape) {
        return Math.max(DEFAULT_SIZE, (int) Math.round(0.2 * shape.width()));
    }

    /** Whether this trigger takes {@code option}. */
    public boolean takes(TriggerOption option) {
        return options.contains(option);
    }

    /** The trigger named {@code name}; an unknown name fails with the list of valid ones. */
    public static TriggerKind fromName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.id.equals(name))
                .findFirst()
                .orElseThrow(() -> new BadInputException("--trigger",
                        "unknown trigger '" + name + "'; valid triggers: " + validNames()));
    }

    /** All names, comma-separated, in registry order. */
    public static String validNames() {
        return Arrays.stream(values()).map(TriggerKind::id).collect(Collectors.joining(", "));
    }

    /** Builds the trigger {@code config} describes for images of {@code shape}. */
    Trigger create(TriggerConfig config, ImageShape shape) {
        return switch (this) {
            case CHECKERBOARD_CENTER -> FixedPatchTrigger.center(config, shape);
            case CHECKERBOARD_CORNER -> FixedPatchTrigger.corner(config, shape);
            case CHECKERBOARD_4CORNER -> FixedPatchTrigger.fourCorners(config, shape);
            case CHECKERBOARD_FULL -> new BlendTrigger(config, shape, TriggerPatterns.fullCheckerboard(shape));
            case BLEND_NOISE -> new BlendTrigger(config, shape, TriggerPatterns.gaussianNoise(shape, config.seed()));
            case BLEND_IMAGE -> new BlendTrigger(config, shape, TriggerImageFile.read(
                    config.image().orElseThrow(), shape.channels(), shape.height(), shape.width()));
            case PATCH_RANDOM -> RandomPatchTrigger.create(config, shape);
            case LAYOUT_PATCH -> LayoutTrigger.create(config, shape);
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
