package org.nlb.testing;

import java.util.List;
import java.util.SplittableRandom;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;

/**
 * Small generated image sets for tests: seeded random pixels, labels {@code i % classes} so that
 * every class is present and the label of any image is obvious from its index.
 */
public final class TestImages {
    private TestImages() {}

    /** {@code n} images of C×H×W random bytes drawn from {@code seed}, labelled {@code i % classNames.size()}. */
    public static ImageSet labeled(int n, int c, int h, int w, List<String> classNames, long seed) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classNames.size();
        }
        return ImageSet.of(randomBytes(n * c * h * w, seed), n, c, h, w, new Labels(labels, classNames));
    }

    /** As {@link #labeled(int, int, int, int, List, long)} with classes named "0", "1", …. */
    public static ImageSet labeled(int n, int c, int h, int w, int classes, long seed) {
        return labeled(n, c, h, w, Labels.numberedNames(classes), seed);
    }

    /** {@code count} bytes drawn uniformly from {@code seed}. */
    public static byte[] randomBytes(int count, long seed) {
        byte[] out = new byte[count];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            out[i] = (byte) rng.nextInt(256);
        }
        return out;
    }

    /** The labels of {@code set} as an array (fails if it has none). */
    public static int[] labelsOf(ImageSet set) {
        return set.labels().orElseThrow().values().clone();
    }
}
