package org.nlb.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The fixed split of a labeled train set into the unlabeled <em>pretrain</em> part (what the
 * attacker and the SSL pretraining see) and the labeled <em>downstream</em> part (what the linear
 * probe trains on), DESIGN §1. A seeded shuffle; each part is returned in ascending index order so
 * that pretrain images keep their original relative order.
 *
 * @param pretrain indices into the train set, ascending
 * @param downstream the remaining indices, ascending
 * @param seed the seed that drew the split
 */
public record PretrainSplit(int[] pretrain, int[] downstream, long seed) {
    /** The paper's share of the train set used for pretraining. */
    public static final double DEFAULT_PRETRAIN_FRACTION = 0.9;

    /** Splits {@code size} items, {@code pretrainFraction} of them (rounded down) to pretrain. */
    public static PretrainSplit draw(int size, double pretrainFraction, long seed) {
        if (!(pretrainFraction > 0 && pretrainFraction < 1)) {
            throw new IllegalArgumentException("pretrain fraction must be in (0, 1), got " + pretrainFraction);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int cut = (int) Math.floor(size * pretrainFraction);
        int[] pretrain = Arrays.copyOfRange(order, 0, cut);
        int[] downstream = Arrays.copyOfRange(order, cut, size);
        Arrays.sort(pretrain);
        Arrays.sort(downstream);
        return new PretrainSplit(pretrain, downstream, seed);
    }
}
