package org.nlb.ssl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * NT-Xent, the normalised-temperature cross-entropy of SimCLR (Chen et al. 2020,
 * arXiv 2002.05709, Algorithm 1), DESIGN §5.
 *
 * <p>Given two views {@code z1}, {@code z2} (B×D) of the same B images, the 2B rows are
 * L2-normalised and every row is an anchor: its positive is the other view of the same image, its
 * negatives the other 2B − 2 rows; its own similarity is left out. The loss is the mean over the
 * 2B anchors of {@code −log(exp(s(i,p)/τ) / Σ_{k≠i} exp(s(i,k)/τ))} with cosine similarity s.
 *
 * <p>Matches solo-learn's {@code simclr_loss_func} ({@code solo/losses/simclr.py}: normalise,
 * {@code pos / (pos + neg)} with the diagonal masked, mean over all crops) and lightly's
 * {@code NTXentLoss} without memory bank ({@code lightly/loss/ntx_ent_loss.py}). Identical,
 * collinear views give {@code log(2B − 1)}. Computed with a log-softmax rather than solo-learn's
 * raw exponentials, which is the same value without overflow at small temperatures.
 */
public final class NtXentLoss {
    /** The temperature of solo-learn's CIFAR SimCLR recipe. */
    public static final double DEFAULT_TEMPERATURE = 0.2;

    /**
     * Subtracted from a row's self-similarity logit so that it weighs nothing in the softmax.
     * Finite rather than −∞ so that the masked entries never produce 0·∞ = NaN.
     */
    private static final float SELF_MASK = 1e9f;

    private final double temperature;

    public NtXentLoss() {
        this(DEFAULT_TEMPERATURE);
    }

    public NtXentLoss(double temperature) {
        this.temperature = Embeddings.requirePositive("temperature", temperature);
    }

    public double temperature() {
        return temperature;
    }

    /**
     * The loss of one batch.
     *
     * @param z1 B×D projections of the first view
     * @param z2 B×D projections of the second view, row i the same image as row i of {@code z1}
     * @return a scalar, differentiable in both inputs
     */
    public NDArray compute(NDArray z1, NDArray z2) {
        Embeddings.requireSameShape("z1", z1, "z2", z2);
        int b = Math.toIntExact(z1.getShape().get(0));
        NDManager manager = z1.getManager();
        NDArray z = Embeddings.unitRows(z1).concat(Embeddings.unitRows(z2), 0);
        NDArray self = manager.eye(2 * b, 2 * b, 0, z.getDataType()).mul(SELF_MASK);
        NDArray logits = z.matMul(z.transpose()).div(Embeddings.constant(z, temperature)).sub(self);
        long[] partner = new long[2 * b];
        for (int i = 0; i < b; i++) {
            partner[i] = i + b;
            partner[i + b] = i;
        }
        NDArray positives = manager.create(partner, new Shape(2L * b, 1));
        return logits.logSoftmax(1).gather(positives, 1).mean().neg();
    }
}
