package org.nlb.poison.select;

import java.util.SplittableRandom;

/**
 * {@code random} (DESIGN §2): M indices drawn uniformly without replacement, in the order drawn
 * (a partial Fisher–Yates shuffle of 0 … N−1 with {@link SplittableRandom} seeded by the user's
 * seed). The reference shuffles with Python's {@code random}; the sets differ, the law is the same.
 */
final class RandomSelector implements PoisonSelector {
    private final long seed;

    RandomSelector(long seed) {
        this.seed = seed;
    }

    @Override
    public Choice select(FeatureMatrix features, Budget budget) {
        return Choice.of(draw(identity(features.rows()), budget.images(), new SplittableRandom(seed)));
    }

    static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    /** The first {@code m} items of a seeded shuffle of {@code pool} (which it reorders). */
    static int[] draw(int[] pool, int m, SplittableRandom random) {
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, m);
    }
}
