package org.nlb.poison.select;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The result of one selection, everything {@code poison.json} records (DESIGN §7).
 *
 * @param strategy the strategy that chose
 * @param n N, the number of candidate images
 * @param budget M and how it was reached
 * @param indices the poison set: M distinct indices in [0, N), in the strategy's order
 * @param anchor the anchor (contrastive family)
 * @param anchorScore the anchor's score (contrastive family)
 * @param clusters the k-means clusters and the one taken (kmeans)
 * @param options the settings, seed included
 * @param seconds wall time of the selection (features already in memory)
 */
public record Selection(SelectionStrategy strategy, int n, Budget budget, int[] indices, OptionalInt anchor,
                        OptionalDouble anchorScore, Optional<PoisonSelector.ClusterChoice> clusters,
                        SelectionOptions options, double seconds) {
    public Selection {
        if (indices.length != budget.images()) {
            throw new IllegalStateException(strategy + " chose " + indices.length + " of " + budget.images());
        }
        boolean[] seen = new boolean[n];
        for (int i : indices) {
            if (i < 0 || i >= n || seen[i]) {
                throw new IllegalStateException(strategy + " chose index " + i + " twice or out of range");
            }
            seen[i] = true;
        }
    }

    public long seed() {
        return options.seed();
    }
}
