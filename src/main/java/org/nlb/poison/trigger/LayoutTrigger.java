package org.nlb.poison.trigger;

import java.util.Arrays;
import org.nlb.io.BadInputException;

/**
 * layout-patch: the poisoned-image layout of CorruptEncoder (Zhang, Liu, Jia, Gong, "CorruptEncoder:
 * Data Poisoning based Backdoor Attacks to Contrastive Learning", CVPR 2024), made from the
 * poisoned image itself. Random crops of such an image often give one view with only the trigger
 * and another with only the object, and matching those two views is what ties the trigger to the
 * object's class (DESIGN §3 lists the pasted patches; this kind is an addition).
 *
 * <p>Poisoning, on the stored pixels before any augmentation, for each channel:
 * <ul>
 *   <li>the image is shrunk to {@code h×w = round(scale·H) × round(scale·W)} by area averaging:
 *       output pixel (i, j) is the mean of the source over the box
 *       {@code [i·H/h, (i+1)·H/h) × [j·W/w, (j+1)·W/w)}, fractional source pixels weighted by the
 *       part of them inside the box (an exact box filter, computed in integers), rounded half up;</li>
 *   <li>the rest of the canvas is 0 (black, Fashion-MNIST's background);</li>
 *   <li>the object is flush left or flush right, right when bit 0 of
 *       {@code mix64(seed + φ·(i+1))} is 1 for item index i (φ and mix64 as in
 *       {@link RandomPatchTrigger}), and vertically centred from row {@code (H−h)/2};</li>
 *   <li>the checkerboard patch of side s ({@link TriggerPatterns#checkerboardPatch}) is blended
 *       with alpha at the centre of the empty part: top {@code (H−s)/2}, left
 *       {@code e + (W−w−s)/2} where e is the empty part's first column (divisions round down).</li>
 * </ul>
 * The default s is a fifth of the width, at least 3 ({@link TriggerKind#layoutSize}); the patch
 * must fit the {@code W−w} empty columns.
 *
 * <p>{@link #testTime()}: the plain patch on the full-size image, where the layout puts it when the
 * object is on the left (top {@code (H−s)/2}, left {@code w + (W−w−s)/2}), same size and alpha.
 *
 * <p>Unlike the paper, which cuts the reference object out and pastes it and the trigger on a
 * background image about twice its size (and adds support poisons), this changes the whole
 * poisoned image: the object is the poisoned image shrunk, the background black.
 */
final class LayoutTrigger implements Trigger {
    /**
     * One axis of the box filter: output index i averages the source pixels start[i], start[i]+1, …
     * with integer weights weights[i] that sum to the source length.
     */
    private record BoxWeights(int[] start, int[][] weights) {
        static BoxWeights of(int source, int target) {
            int[] start = new int[target];
            int[][] weights = new int[target][];
            for (int i = 0; i < target; i++) {
                // in units of 1/target of a source pixel, so every overlap is an integer: the box is
                // [i·source, (i+1)·source) and source pixel y is [y·target, (y+1)·target)
                long lo = (long) i * source;
                long hi = (long) (i + 1) * source;
                int first = (int) (lo / target);
                int last = (int) ((hi - 1) / target);
                start[i] = first;
                weights[i] = new int[last - first + 1];
                for (int y = first; y <= last; y++) {
                    weights[i][y - first] = (int) (Math.min(hi, (long) (y + 1) * target) - Math.max(lo, (long) y * target));
                }
            }
            return new BoxWeights(start, weights);
        }
    }

    private final TriggerConfig config;
    private final ImageShape shape;
    private final int objectHeight;
    private final int objectWidth;
    private final BoxWeights rows;
    private final BoxWeights columns;
    private final byte[] patch;
    private final int patchTop;
    private final Trigger testTime;

    private LayoutTrigger(TriggerConfig config, ImageShape shape, int objectHeight, int objectWidth) {
        this.config = config;
        this.shape = shape;
        this.objectHeight = objectHeight;
        this.objectWidth = objectWidth;
        this.rows = BoxWeights.of(shape.height(), objectHeight);
        this.columns = BoxWeights.of(shape.width(), objectWidth);
        int s = config.size();
        this.patch = TriggerPatterns.checkerboardPatch(shape.channels(), s, false);
        this.patchTop = (shape.height() - s) / 2;
        this.testTime = FixedPatchTrigger.at(config, shape, patchTop, patchLeft(false));
    }

    static Trigger create(TriggerConfig config, ImageShape shape) {
        TriggerConfig resolved = config.size() == TriggerKind.SIZE_FROM_IMAGE
                ? config.withSize(TriggerKind.layoutSize(shape)) : config;
        int s = resolved.size();
        int h = objectSide(config.scale(), shape.height());
        int w = objectSide(config.scale(), shape.width());
        if (s > shape.height() || s > shape.width() - w) {
            throw new BadInputException(TriggerOption.SIZE.flag(), "a " + s + "x" + s + " patch does not fit the "
                    + (shape.width() - w) + " column(s) beside the object: layout-patch at scale " + config.scale()
                    + " shrinks " + shape.height() + "x" + shape.width() + " images to " + h + "x" + w
                    + "; a smaller size or scale leaves room");
        }
        return new LayoutTrigger(resolved, shape, h, w);
    }

    private static int objectSide(double scale, int side) {
        return Math.max(1, (int) Math.round(scale * side));
    }

    /** Whether the object of image {@code itemIndex} sits flush right (else flush left). */
    boolean objectOnRight(int itemIndex) {
        return (RandomPatchTrigger.mix64(config.seed() + RandomPatchTrigger.GOLDEN_GAMMA * (itemIndex + 1L)) & 1L) != 0;
    }

    /** The patch's first column: centred in the empty part, which is left of the object when it is on the right. */
    private int patchLeft(boolean objectOnRight) {
        int emptyStart = objectOnRight ? 0 : objectWidth;
        return emptyStart + (shape.width() - objectWidth - config.size()) / 2;
    }

    @Override
    public void apply(byte[] pixels, int offset, int itemIndex) {
        int height = shape.height();
        int width = shape.width();
        int plane = height * width;
        boolean right = objectOnRight(itemIndex);
        int objectLeft = right ? width - objectWidth : 0;
        int objectTop = (height - objectHeight) / 2;
        long total = (long) height * width; // the weights of one output pixel sum to H·W
        long[] rowSums = new long[height * objectWidth];
        for (int c = 0; c < shape.channels(); c++) {
            int base = offset + c * plane;
            for (int y = 0; y < height; y++) {
                for (int j = 0; j < objectWidth; j++) {
                    int[] wx = columns.weights()[j];
                    int from = base + y * width + columns.start()[j];
                    long sum = 0;
                    for (int k = 0; k < wx.length; k++) {
                        sum += (long) wx[k] * (pixels[from + k] & 0xFF);
                    }
                    rowSums[y * objectWidth + j] = sum;
                }
            }
            Arrays.fill(pixels, base, base + plane, (byte) 0);
            for (int i = 0; i < objectHeight; i++) {
                int[] wy = rows.weights()[i];
                int first = rows.start()[i];
                int to = base + (objectTop + i) * width + objectLeft;
                for (int j = 0; j < objectWidth; j++) {
                    long sum = 0;
                    for (int k = 0; k < wy.length; k++) {
                        sum += wy[k] * rowSums[(first + k) * objectWidth + j];
                    }
                    pixels[to + j] = (byte) ((2 * sum + total) / (2 * total)); // mean, rounded half up
                }
            }
        }
        FixedPatchTrigger.paste(pixels, offset, shape, patchTop, patchLeft(right), patch, config.size(), config.alpha());
    }

    @Override
    public Trigger testTime() {
        return testTime;
    }

    /** The options, with the patch side chosen for this shape when none was given. */
    @Override
    public TriggerConfig config() {
        return config;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }
}
