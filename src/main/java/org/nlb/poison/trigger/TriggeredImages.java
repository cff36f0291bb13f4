package org.nlb.poison.trigger;

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

    /** Every image triggered, as at test time (DESIGN §3). */
    public static ImageSet all(ImageSet set, Trigger trigger) {
        return at(set, IntStream.range(0, set.size()).toArray(), trigger);
    }

    /**
     * The images at {@code indices} triggered, all others byte-identical. Indices must be in
     * range and distinct (a poison set triggers each image once).
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
     * A preview set of 2·K images: the images at {@code indices} as they are, then the same images
     * triggered (each with its index in {@code set} as item index).
     */
    public static ImageSet cleanThenTriggered(ImageSet set, int[] indices, Trigger trigger) {
        requireFits(set, trigger);
        int stride = set.imageBytes();
        byte[] clean = set.subset(indices).pixels();
        byte[] both = new byte[2 * clean.length];
        System.arraycopy(clean, 0, both, 0, clean.length);
        System.arraycopy(clean, 0, both, clean.length, clean.length);
        for (int k = 0; k < indices.length; k++) {
            trigger.apply(both, clean.length + k * stride, indices[k]);
        }
        return ImageSet.of(both, 2 * indices.length, set.channels(), set.height(), set.width());
    }

    private static void requireFits(ImageSet set, Trigger trigger) {
        if (!trigger.shape().equals(ImageShape.of(set))) {
            throw new IllegalArgumentException("trigger built for " + trigger.shape() + " images, set holds "
                    + set.shapeText());
        }
    }
}
