package org.nlb.poison.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.MersenneTwister;
import org.nlb.io.BadInputException;

/**
 * {@code kmeans}, the clustering selector of DESIGN §2: k-means with K clusters on the
 * L2-normalised rows, k-means++ seeding, seeded; the poison set is the first M indices, in
 * ascending index order, of the smallest cluster that has at least M members (ties: the cluster
 * seeded first, as the reference's {@code cluster_counts.tolist().index(min)} takes the lowest
 * cluster label).
 *
 * <p>Library: Apache Commons Math 3.6.1 {@link KMeansPlusPlusClusterer} (Apache 2.0, maintained by
 * the ASF): Lloyd iterations after k-means++ seeding, seeded through its {@code RandomGenerator}
 * (a {@link MersenneTwister} from the user's seed), at most {@value #MAX_ITERATIONS} iterations
 * (scikit-learn's default). It holds one {@code double[]} per row (N·d·8 bytes). Tribuo's k-means,
 * the other Apache-2.0 candidate, keeps an object per feature value (example, feature name and
 * value), several times more memory for dense features, so it was not chosen. The reference
 * uses scikit-learn's {@code MiniBatchKMeans} (mini-batches, n_init 'auto'); full-batch Lloyd
 * converges to the same kind of partition but not the same one, and neither is seed-stable in
 * purity (see BENCHMARKS.md).
 */
final class KMeansSelector implements PoisonSelector {
    static final int MAX_ITERATIONS = 300;

    private final int clusters;
    private final long seed;

    KMeansSelector(int clusters, long seed) {
        this.clusters = clusters;
        this.seed = seed;
    }

    /** One row as the clusterer sees it, remembering its index. */
    private record Row(int index, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    @Override
    public Choice select(FeatureMatrix features, Budget budget) {
        FeatureMatrix f = features.normalised();
        int n = f.rows();
        int d = f.cols();
        if (clusters > n) {
            throw new BadInputException("--clusters", "K = " + clusters + " clusters need at least as many rows; N = " + n);
        }
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = new double[d];
            for (int k = 0; k < d; k++) {
                p[k] = f.data()[i * d + k];
            }
            rows.add(new Row(i, p));
        }
        List<CentroidCluster<Row>> found;
        try {
            found = new KMeansPlusPlusClusterer<Row>(clusters, MAX_ITERATIONS, new EuclideanDistance(),
                    new MersenneTwister(seed)).cluster(rows);
        } catch (NumberIsTooSmallException e) {
            throw new BadInputException("--clusters", "K = " + clusters + " is more than the " + n + " rows");
        }
        int m = budget.images();
        int[] sizes = found.stream().mapToInt(c -> c.getPoints().size()).toArray();
        int chosen = -1;
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] >= m && (chosen < 0 || sizes[c] < sizes[chosen])) {
                chosen = c;
            }
        }
        if (chosen < 0) {
            int largest = java.util.stream.IntStream.of(sizes).max().orElse(0);
            throw new BadInputException("--budget", "no k-means cluster has M = " + m + " members (K = " + clusters
                    + ", largest cluster " + largest + "); lower the budget or use fewer clusters");
        }
        int[] members = found.get(chosen).getPoints().stream().mapToInt(Row::index).sorted().toArray();
        int[] poison = java.util.Arrays.copyOf(members, m);
        return new Choice(poison, OptionalInt.empty(), OptionalDouble.empty(),
                Optional.of(new ClusterChoice(sizes, chosen)));
    }
}
