package org.nlb.poison.select;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One poison-selection strategy of DESIGN §2: picks M distinct rows of a feature matrix. */
public interface PoisonSelector {
    /**
     * Picks {@code budget.images()} distinct row indices of {@code features}, in the order the
     * strategy defines. Rows need not be normalised: selectors that compare directions normalise.
     */
    Choice select(FeatureMatrix features, Budget budget);

    /**
     * What a selector chose.
     *
     * @param indices the poison set, M distinct row indices in the strategy's order
     * @param anchor the anchor row (contrastive family)
     * @param anchorScore the anchor's score (contrastive family)
     * @param clusters the k-means clustering and the cluster taken (kmeans)
     */
    record Choice(int[] indices, OptionalInt anchor, OptionalDouble anchorScore, Optional<ClusterChoice> clusters) {
        public static Choice of(int[] indices) {
            return new Choice(indices, OptionalInt.empty(), OptionalDouble.empty(), Optional.empty());
        }
    }

    /**
     * The clusters k-means found and the one the poison set came from.
     *
     * @param sizes member count of each cluster, in the clusterer's order (k-means++ seeding order)
     * @param chosen index into {@code sizes} of the cluster taken
     */
    record ClusterChoice(int[] sizes, int chosen) {}
}
