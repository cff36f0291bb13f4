package org.nlb.poison.trigger;

import java.util.List;
import org.nlb.io.BadInputException;

/**
 * The checkerboard patch at fixed places (DESIGN §3): checkerboard-center, -corner and -4corner.
 * Each patch cell is blended with {@link PixelBlend} (α = 1 by default: the patch replaces the
 * pixels). For the default 3×3 patch:
 * <ul>
 *   <li>center: rows/cols {@code c−1 … c+1}, {@code c = (H/2 − 1, W/2 − 1)}: rows/cols 14–16 of a
 *       32×32 image, 12–14 of 28×28. A patch of side s starts at {@code c − (s−1)/2}, moved
 *       inward if that would cross the border;</li>
 *   <li>corner: flush with the bottom-right corner, i.e. centred at (H−2, W−2);</li>
 *   <li>4corner: flush with all four corners, the two left ones mirrored left–right (as the
 *       reference's {@code checkerboard_4corner}); on images smaller than two patches they
 *       overlap and the later one (top-left, top-right, bottom-left, bottom-right) wins.</li>
 * </ul>
 * {@code --position ROW,COL} puts the patch's top-left cell there instead (center and corner).
 */
final class FixedPatchTrigger implements Trigger {
    /** One patch (C×s×s bytes) with its top-left cell at (top, left). */
    record Placement(int top, int left, byte[] patch) {}

    private final TriggerConfig config;
    private final ImageShape shape;
    private final List<Placement> placements;

    private FixedPatchTrigger(TriggerConfig config, ImageShape shape, List<Placement> placements) {
        this.config = config;
        this.shape = shape;
        this.placements = placements;
    }

    static Trigger center(TriggerConfig config, ImageShape shape) {
        int s = requireFits(config, shape);
        int top = clamp(shape.height() / 2 - 1 - (s - 1) / 2, shape.height() - s);
        int left = clamp(shape.width() / 2 - 1 - (s - 1) / 2, shape.width() - s);
        return single(config, shape, top, left);
    }

    static Trigger corner(TriggerConfig config, ImageShape shape) {
        int s = requireFits(config, shape);
        return single(config, shape, shape.height() - s, shape.width() - s);
    }

    static Trigger fourCorners(TriggerConfig config, ImageShape shape) {
        int s = requireFits(config, shape);
        byte[] patch = TriggerPatterns.checkerboardPatch(shape.channels(), s, false);
        byte[] mirrored = TriggerPatterns.checkerboardPatch(shape.channels(), s, true);
        int bottom = shape.height() - s;
        int right = shape.width() - s;
        return new FixedPatchTrigger(config, shape, List.of(
                new Placement(0, 0, mirrored), new Placement(0, right, patch),
                new Placement(bottom, 0, mirrored), new Placement(bottom, right, patch)));
    }

    private static Trigger single(TriggerConfig config, ImageShape shape, int top, int left) {
        int s = config.size();
        if (config.position().isPresent()) {
            top = config.position().get().row();
            left = config.position().get().column();
            if (top + s > shape.height() || left + s > shape.width()) {
                throw new BadInputException(TriggerOption.POSITION.flag(), "a " + s + "x" + s + " patch at row " + top
                        + ", column " + left + " does not fit " + shape.height() + "x" + shape.width() + " images");
            }
        }
        byte[] patch = TriggerPatterns.checkerboardPatch(shape.channels(), s, false);
        return new FixedPatchTrigger(config, shape, List.of(new Placement(top, left, patch)));
    }

    /** The checkerboard patch of side {@code config.size()} with its top-left cell at (top, left). */
    static Trigger at(TriggerConfig config, ImageShape shape, int top, int left) {
        return new FixedPatchTrigger(config, shape, List.of(new Placement(top, left,
                TriggerPatterns.checkerboardPatch(shape.channels(), config.size(), false))));
    }

    /** The patch side, after checking that such a patch fits the images at all. */
    static int requireFits(TriggerConfig config, ImageShape shape) {
        int s = config.size();
        if (s > shape.height() || s > shape.width()) {
            throw new BadInputException(TriggerOption.SIZE.flag(), "a " + s + "x" + s + " patch of trigger " + config.name()
                    + " does not fit " + shape.height() + "x" + shape.width() + " images");
        }
        return s;
    }

    private static int clamp(int start, int max) {
        return Math.max(0, Math.min(start, max));
    }

    @Override
    public void apply(byte[] pixels, int offset, int itemIndex) {
        for (Placement p : placements) {
            paste(pixels, offset, shape, p.top(), p.left(), p.patch(), config.size(), config.alpha());
        }
    }

    /** Blends the C×s×s {@code patch} into the image at {@code offset} with its top-left cell at (top, left). */
    static void paste(byte[] pixels, int offset, ImageShape shape, int top, int left, byte[] patch, int s, double alpha) {
        for (int c = 0; c < shape.channels(); c++) {
            for (int dy = 0; dy < s; dy++) {
                int row = offset + shape.index(c, top + dy, left);
                int src = (c * s + dy) * s;
                for (int dx = 0; dx < s; dx++) {
                    PixelBlend.blendInto(pixels, row + dx, patch[src + dx] & 0xFF, alpha);
                }
            }
        }
    }

    @Override
    public TriggerConfig config() {
        return config;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }
}
