package org.nlb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KnnProbeTest {
    /**
     * solo-learn's {@code solo/utils/knn.py} (cosine) written out plainly: normalise, all
     * similarities, the k largest, weights exp(sim / T) summed per class, the largest sum wins.
     */
    static int[] naive(Features train, int[] labels, int classes, Features test, int k, double t) {
        Features a = train.normalised();
        Features q = test.normalised();
        int[] out = new int[q.rows()];
        for (int i = 0; i < q.rows(); i++) {
            double[] sims = new double[a.rows()];
            for (int j = 0; j < a.rows(); j++) {
                double s = 0;
                for (int x = 0; x < a.dim(); x++) {
                    s += (double) q.data()[i * a.dim() + x] * a.data()[j * a.dim() + x];
                }
                sims[j] = s;
            }
            Integer[] order = IntStream.range(0, a.rows()).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -sims[j]));
            double[] scores = new double[classes];
            for (int n = 0; n < Math.min(k, a.rows()); n++) {
                scores[labels[order[n]]] += Math.exp(sims[order[n]] / t);
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (scores[c] > scores[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    @ParameterizedTest(name = "block rows {0}")
    @ValueSource(ints = {1, 7, 1000})
    void agreesWithTheNaiveVoteForAnyBlockSize(int blockRows) {
        Clusters train = Clusters.gaussian(400, 12, 4, 2.5, 1, 2);
        Clusters test = Clusters.gaussian(150, 12, 4, 2.5, 1, 3);
        KnnProbe probe = new KnnProbe(25, 0.1, blockRows);
        int[] fast = probe.fit(train.features, train.labels, 4).predict(test.features);
        assertThat(fast).containsExactly(naive(train.features, train.labels, 4, test.features, 25, 0.1));
        // Noisy clusters: the vote is not trivial, some test rows are misclassified.
        assertThat(BackdoorMetrics.accuracy(test.labels, fast)).isBetween(0.5, 0.99);
    }

    @Test
    void kIsCappedAtTheTrainingRowsAndTheDefaultMatchesSoloLearnWithT01() {
        Clusters train = Clusters.gaussian(120, 6, 3, 2.0, 4, 5);
        Clusters test = Clusters.gaussian(60, 6, 3, 2.0, 4, 6);
        assertThat(KnnProbe.DEFAULT.k()).isEqualTo(200);
        assertThat(KnnProbe.DEFAULT.temperature()).isEqualTo(0.1);
        assertThat(KnnProbe.DEFAULT.fit(train.features, train.labels, 3).predict(test.features))
                .containsExactly(naive(train.features, train.labels, 3, test.features, 200, 0.1));
    }

    @Test
    void closeNeighboursOutvoteMoreDistantOnesThroughTheTemperature() {
        // Two training rows of class 0 right next to the query, three of class 1 further away.
        float[] rows = {
            1, 0.05f,   // class 0, cosine ≈ 0.999
            1, -0.05f,  // class 0
            1, 1,       // class 1, cosine ≈ 0.707
            1, 1.1f,    // class 1
            1, 0.9f,    // class 1
        };
        Features train = new Features(rows, 5, 2);
        int[] labels = {0, 0, 1, 1, 1};
        Features query = new Features(new float[] {1, 0}, 1, 2);
        // T = 0.1: 2·e^10 ≈ 44 000 against 3·e^7.1 ≈ 3 600: class 0. T = 10: 2·1.1 against 3·1.07: class 1.
        assertThat(new KnnProbe(5, 0.1, 8).fit(train, labels, 2).predict(query)).containsExactly(0);
        assertThat(new KnnProbe(5, 10, 8).fit(train, labels, 2).predict(query)).containsExactly(1);
        // k = 2 keeps only the two nearest.
        assertThat(new KnnProbe(2, 10, 8).fit(train, labels, 2).predict(query)).containsExactly(0);
    }
}
