package org.nlb.augment;

import java.util.SplittableRandom;

/**
 * Where every random draw of the augmentation comes from: one generator per (seed, epoch, item,
 * view), and one per (seed, epoch) for the shuffle. The keys are hashed with the SplitMix64
 * finaliser, so neighbouring items get unrelated streams and no draw depends on which thread
 * handled which item, or in what order.
 */
public final class AugmentSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Keeps the shuffle stream apart from every (item, view) stream. */
    private static final long SHUFFLE_DOMAIN = 0x53485546464C45L;

    private AugmentSeeds() {}

    /** The generator of view {@code view} (0 or 1) of item {@code index} in {@code epoch}. */
    public static SplittableRandom view(long seed, int epoch, int index, int view) {
        long h = mix(seed + GOLDEN);
        h = mix(h + GOLDEN * (epoch + 1L));
        h = mix(h + GOLDEN * (index + 1L));
        h = mix(h + GOLDEN * (view + 1L));
        return new SplittableRandom(h);
    }

    /** The order in which epoch {@code epoch} visits items 0..n-1 (a seeded Fisher–Yates shuffle). */
    public static int[] order(long seed, int epoch, int n) {
        long h = mix(mix(seed ^ SHUFFLE_DOMAIN) + GOLDEN * (epoch + 1L));
        SplittableRandom rng = new SplittableRandom(h);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** SplitMix64's output function (Steele, Lea, Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
