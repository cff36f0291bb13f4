package org.nlb.augment;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nlb.data.ImageSet;
import org.nlb.render.ImageGrid;

/**
 * A picture of what the augmentation does: {@code count} seeded random images in a row, their
 * first views (epoch 0) below, their second views below those, the views denormalised back to
 * bytes. Lets a user check a preset by eye before hours of pretraining.
 */
public final class AugmentPreview {
    private AugmentPreview() {}

    /** The items shown: {@code count} distinct indices (fewer if the set is smaller), seeded. */
    public static int[] sample(int size, int count, long seed) {
        int[] pool = IntStream.range(0, size).toArray();
        int take = Math.min(count, size);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(size - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, take);
    }

    /**
     * The originals (resized to the output size), then view 1, then view 2 of items {@code items},
     * as one 3·K image set in the output size.
     */
    public static ImageSet views(ImageSet set, AugmentConfig config, int[] items, long seed) {
        TwoViewAugmenter augmenter = TwoViewAugmenter.forData(set, config);
        PlainTransform plain = new PlainTransform(set.channels(), augmenter.outputHeight(),
                augmenter.outputWidth(), augmenter.normalization());
        Normalization norm = augmenter.normalization();
        int k = items.length;
        int per = augmenter.floatsPerImage();
        int plane = augmenter.outputHeight() * augmenter.outputWidth();
        byte[] out = new byte[3 * k * per];
        float[] v1 = new float[per];
        float[] v2 = new float[per];
        FloatImage scratch = augmenter.newScratch();
        for (int j = 0; j < k; j++) {
            float[] original = plain.batch(set, items[j], items[j] + 1);
            augmenter.augment(set, items[j], seed, 0, scratch, v1, v2, 0);
            System.arraycopy(norm.denormalize(original, 0, set.channels(), plane), 0, out, j * per, per);
            System.arraycopy(norm.denormalize(v1, 0, set.channels(), plane), 0, out, (k + j) * per, per);
            System.arraycopy(norm.denormalize(v2, 0, set.channels(), plane), 0, out, (2 * k + j) * per, per);
        }
        return ImageSet.of(out, 3 * k, set.channels(), augmenter.outputHeight(), augmenter.outputWidth());
    }

    /** The grid: rows "original", "view 1", "view 2". */
    public static BufferedImage render(ImageSet set, AugmentConfig config, int count, long seed) {
        int[] items = sample(set.size(), count, seed);
        ImageSet shown = views(set, config, items, seed);
        int k = items.length;
        List<int[]> rows = List.of(IntStream.range(0, k).toArray(), IntStream.range(k, 2 * k).toArray(),
                IntStream.range(2 * k, 3 * k).toArray());
        return new ImageGrid(shown, ImageGrid.scaleFor(shown, 56)).render(List.of("original", "view 1", "view 2"), rows);
    }
}
