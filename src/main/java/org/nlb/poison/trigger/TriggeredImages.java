package org.nlb.poison.trigger;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.nlb.data.ImageSet;

/**
 * Applies a trigger to an {@link ImageSet}, always into a copy: the source buffer is never
 * changed (DESIGN §3). The index an image has in the given set is its item index, so patch-random
 * positions depend only on the seed and that index.
 */
public final class TriggeredImages {
    private TriggeredImages() {}

    /**
     * Every image triggered as at test time (DESIGN §3), with the trigger's
     * {@link Trigger#testTime() test-time form}.
     */
    public static ImageSet all(ImageSet set, Trigger trigger) {
        return at(set, IntStream.range(0, set.size()).toArray(), trigger.testTime());
    }

    /**
     * The images at {@code indices} triggered, all others byte-identical: poisoning, so with the
     * trigger as it is (a layout for layout-patch). Indices must be in range and distinct (a
     * poison set triggers each image once).
     */
    public static ImageSet at(ImageSet set, int[] indices, Trigger trigger) {
        requireFits(set, trigger);
        boolean[] seen = new boolean[set.size()];
        for (int i : indices) {
            Objects.checkIndex(i, set.size());
            if (seen[i]) {
                throw new IllegalArgumentException("index " + i + " is listed twice");
            }
            seen[i] = true;
        }
        byte[] pixels = set.pixels().clone();
        int stride = set.imageBytes();
        IntStream.of(indices).parallel().forEach(i -> trigger.apply(pixels, i * stride, i));
        return set.withPixels(pixels);
    }

    /**
     * Poisoned copies of images taken out of the set that was poisoned: image k of {@code images}
     * triggered with item index {@code itemIndices[k]}, its index in that set, so per-image choices
     * (patch-random positions, layout sides) are the ones the victim saw.
     */
    public static ImageSet asPoisoned(ImageSet images, int[] itemIndices, Trigger trigger) {
        requireFits(images, trigger);
        if (itemIndices.length != images.size()) {
            throw new IllegalArgumentException(itemIndices.length + " item indices for " + images.size() + " images");
        }
        byte[] pixels = images.pixels().clone();
        for (int k = 0; k < itemIndices.length; k++) {
            trigger.apply(pixels, k * images.imageBytes(), itemIndices[k]);
        }
        return images.withPixels(pixels);
    }

    /**
     * A preview set of 2·K images: the images at {@code indices} as they are, then the same images
     * triggered (each with its index in {@code set} as item index).
     */
    public static ImageSet cleanThenTriggered(ImageSet set, int[] indices, Trigger trigger) {
        return cleanThenTriggered(set, indices, List.of(trigger));
    }

    /**
     * A preview set of (1+T)·K images: the images at {@code indices} as they are, then for each of
     * the T triggers the same images triggered with it (item index: the index in {@code set}).
     */
    public static ImageSet cleanThenTriggered(ImageSet set, int[] indices, List<Trigger> triggers) {
        triggers.forEach(t -> requireFits(set, t));
        int stride = set.imageBytes();
        byte[] clean = set.subset(indices).pixels();
        byte[] rows = new byte[Math.multiplyExact(triggers.size() + 1, clean.length)];
        for (int r = 0; r <= triggers.size(); r++) {
            System.arraycopy(clean, 0, rows, r * clean.length, clean.length);
            for (int k = 0; r > 0 && k < indices.length; k++) {
                triggers.get(r - 1).apply(rows, r * clean.length + k * stride, indices[k]);
            }
        }
        return ImageSet.of(rows, (triggers.size() + 1) * indices.length, set.channels(), set.height(), set.width());
    }

    private static void requireFits(ImageSet set, Trigger trigger) {
        if (!trigger.shape().equals(ImageShape.of(set))) {
            throw new IllegalArgumentException("trigger built for " + trigger.shape() + " images, set holds "
                    + set.shapeText());
        }
    }
}
