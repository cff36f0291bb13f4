package org.nlb.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The kNN monitor of solo-learn ({@code solo/utils/knn.py}, cosine distance): rows are
 * L2-normalised, each test row takes its k most similar training rows, each neighbour votes for
 * its label with weight {@code exp(similarity / T)}, and the class with the largest summed
 * weight wins (the lowest class on a tie). k is capped at the number of training rows.
 *
 * <p>Test rows go in blocks of B, so only one B × N similarity block exists at a time: memory
 * O(N·d + B·N), never test × train. Each block is one DJL matrix product and one (unsorted) top-k.
 *
 * @param k neighbours per test row (solo-learn: 200)
 * @param temperature T of the vote weights (0.1 here; solo-learn's default is 0.07)
 * @param blockRows most test rows per block; fewer when a block of N columns would pass
 *     {@link #BLOCK_BYTES}
 */
public record KnnProbe(int k, double temperature, int blockRows) {
    public static final KnnProbe DEFAULT = new KnnProbe(200, 0.1, 1024);
    /** Largest similarity block: 256 MB of float32. */
    public static final long BLOCK_BYTES = 256L << 20;

    public KnnProbe {
        if (k < 1 || blockRows < 1 || !(temperature > 0)) {
            throw new IllegalArgumentException("need k ≥ 1, temperature > 0 and block rows ≥ 1");
        }
    }

    public KnnProbe withBlockRows(int rows) {
        return new KnnProbe(k, temperature, rows);
    }

    /** A monitor that remembers the (normalised) training rows and their labels. */
    public Fitted fit(Features train, int[] labels, int classes) {
        if (labels.length != train.rows() || train.rows() == 0) {
            throw new IllegalArgumentException(labels.length + " labels for " + train.rows() + " feature rows");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes - 1));
            }
        }
        return new Fitted(train.normalised(), labels.clone(), classes);
    }

    /** The fitted monitor: predicts classes of any feature matrix with the training rows' dimension. */
    public final class Fitted {
        private final Features train;
        private final int[] labels;
        private final int classes;

        private Fitted(Features train, int[] labels, int classes) {
            this.train = train;
            this.labels = labels;
            this.classes = classes;
        }

        public int[] predict(Features test) {
            if (test.dim() != train.dim()) {
                throw new IllegalArgumentException("features have " + test.dim() + " dimensions, training rows " + train.dim());
            }
            Features queries = test.normalised();
            int neighbours = Math.min(k, train.rows());
            int d = train.dim();
            int[] out = new int[test.rows()];
            int rowsPerBlock = (int) Math.max(1, Math.min(blockRows, BLOCK_BYTES / (4L * train.rows())));
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray trainT = manager.create(train.data(), new Shape(train.rows(), d)).transpose();
                for (int start = 0; start < test.rows(); start += rowsPerBlock) {
                    int count = Math.min(rowsPerBlock, test.rows() - start);
                    float[] block = new float[count * d];
                    System.arraycopy(queries.data(), start * d, block, 0, count * d);
                    try (NDManager sub = manager.newSubManager()) {
                        NDArray similarities = sub.create(block, new Shape(count, d)).matMul(trainT);
                        NDList top = similarities.topK(neighbours, 1, true, false);
                        vote(top.get(0).toFloatArray(), top.get(1).toLongArray(), count, neighbours, start, out);
                    }
                }
            }
            return out;
        }

        private void vote(float[] sims, long[] indices, int count, int neighbours, int start, int[] out) {
            double[] scores = new double[classes];
            for (int r = 0; r < count; r++) {
                java.util.Arrays.fill(scores, 0);
                for (int j = 0; j < neighbours; j++) {
                    int at = r * neighbours + j;
                    scores[labels[(int) indices[at]]] += Math.exp(sims[at] / temperature);
                }
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (scores[c] > scores[best]) {
                        best = c;
                    }
                }
                out[start + r] = best;
            }
        }
    }
}
