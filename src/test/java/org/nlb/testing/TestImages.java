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

    /**
     * A learnable toy set for SSL smoke tests: {@code n} 1×{@code size}×{@code size} images of four
     * patterns — horizontal stripes, vertical stripes, a centred square, a checkerboard — at a
     * random phase and contrast with noise, labelled by pattern ({@code i % 4}). Two augmented
     * views of one image share its pattern, so an SSL loss can fall on it within a few steps.
     */
    public static ImageSet patterns(int n, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * size * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int kind = i % 4;
            labels[i] = kind;
            int phase = rng.nextInt(4);
            int contrast = 120 + rng.nextInt(100);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean on = switch (kind) {
                        case 0 -> ((y + phase) / 2) % 2 == 0;
                        case 1 -> ((x + phase) / 2) % 2 == 0;
                        case 2 -> Math.abs(2 * y - size + 1) < size / 2 && Math.abs(2 * x - size + 1) < size / 2;
                        default -> (((x + phase) / 3) + ((y + phase) / 3)) % 2 == 0;
                    };
                    int v = 20 + (on ? contrast : 0) + rng.nextInt(30);
                    px[(i * size + y) * size + x] = (byte) Math.min(255, v);
                }
            }
        }
        return ImageSet.of(px, n, 1, size, size, new Labels(labels, Labels.numberedNames(4)));
    }
}
