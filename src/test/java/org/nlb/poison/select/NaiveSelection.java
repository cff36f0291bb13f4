package org.nlb.poison.select;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * DESIGN §2's contrastive family written the obvious way, as the reference does it: normalise in
 * double, materialise S = F Fᵀ (diagonal included), sort every row, score, argmax (first on
 * ties), then the M largest of the anchor's row (ties to the lower index). O(N²) memory.
 */
final class NaiveSelection {
    final double[][] similarity;
    final double[] scores;
    final int anchor;
    final int[] poison;

    NaiveSelection(FeatureMatrix f, ContrastiveScore score, int m) {
        int n = f.rows();
        int d = f.cols();
        double[][] unit = new double[n][d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += (double) f.get(i, k) * f.get(i, k);
            }
            for (int k = 0; k < d; k++) {
                unit[i][k] = f.get(i, k) / Math.sqrt(norm);
            }
        }
        similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += unit[i][k] * unit[j][k];
                }
                similarity[i][j] = s;
            }
        }
        scores = new double[n];
        int best = 0;
        for (int i = 0; i < n; i++) {
            double[] sorted = similarity[i].clone();
            Arrays.sort(sorted);
            double topM = 0;
            double next = 0;
            for (int j = 0; j < m; j++) {
                topM += sorted[n - 1 - j];
                if (score != ContrastiveScore.MEAN) {
                    next += sorted[n - 1 - m - j];
                }
            }
            scores[i] = switch (score) {
                case CONTRASTIVE -> topM - next;
                case MEAN -> topM / m;
                case NEGATIVE -> -next;
            };
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        anchor = best;
        double[] row = similarity[anchor];
        poison = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -row[j]).thenComparingInt(j -> j))
                .limit(m).mapToInt(Integer::intValue).toArray();
    }
}
