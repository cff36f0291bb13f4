package org.nlb.ssl.loss;

import ai.djl.ndarray.NDArray;

/**
 * InfoNCE with a queue of negatives, the loss of MoCo v2+ (He et al. 2020, arXiv 1911.05722;
 * Chen et al. 2020, arXiv 2003.04297), DESIGN §5.
 *
 * <p>For each query row q_i (B×D, online encoder) the positive is the key k_i (B×D, momentum
 * encoder, other view) and the negatives are the K rows of the queue (K×D, past keys):
 * {@code −log(exp(q·k/τ) / (exp(q·k/τ) + Σ_j exp(q·n_j/τ)))}, averaged over the batch.
 * Matches solo-learn's {@code mocov2plus_loss_func} ({@code solo/losses/mocov2plus.py}:
 * logits {@code [pos, neg] / τ}, cross-entropy with target 0) and its symmetric use in
 * {@code solo/methods/mocov2plus.py}: {@code (L(q1, k2, queue₂) + L(q2, k1, queue₁)) / 2}, where
 * queue_v holds past keys of view v.
 *
 * <p>Queries and keys are L2-normalised here (solo-learn normalises them in the method just
 * before the loss, so the value and gradient are the same); the queue is used as given and must
 * hold unit rows, as {@link org.nlb.ssl.MocoQueue} does. No gradient flows into keys or queue.
 */
public final class MocoInfoNceLoss {
    /** The temperature of solo-learn's CIFAR MoCo v2+ recipe. */
    public static final double DEFAULT_TEMPERATURE = 0.2;

    private final double temperature;

    public MocoInfoNceLoss() {
        this(DEFAULT_TEMPERATURE);
    }

    public MocoInfoNceLoss(double temperature) {
        this.temperature = Embeddings.requirePositive("temperature", temperature);
    }

    public double temperature() {
        return temperature;
    }

    /**
     * The one-directional loss.
     *
     * @param query B×D online projections of one view
     * @param key B×D momentum projections of the other view, row i the same image as query row i
     * @param queue K×D past keys (unit rows), the negatives
     * @return a scalar, differentiable in {@code query} only
     */
    public NDArray compute(NDArray query, NDArray key, NDArray queue) {
        Embeddings.requireSameShape("query", query, "key", key);
        Embeddings.requireMatrix("queue", queue);
        if (queue.getShape().get(1) != query.getShape().get(1)) {
            throw new IllegalArgumentException("queue rows must have the embedding size "
                    + query.getShape().get(1) + " of the queries, got shape " + queue.getShape());
        }
        NDArray q = Embeddings.unitRows(query);
        NDArray k = Embeddings.unitRows(key.stopGradient());
        NDArray positive = q.mul(k).sum(new int[] {1}, true);
        NDArray negatives = q.matMul(queue.stopGradient().transpose());
        NDArray logits = positive.concat(negatives, 1).div(Embeddings.constant(positive, temperature));
        return logits.logSoftmax(1).get(":, 0").mean().neg();
    }

    /**
     * The symmetric loss over two views, as solo-learn's MoCo v2+ training step.
     *
     * @param q1 B×D queries of view 1
     * @param q2 B×D queries of view 2
     * @param k1 B×D keys of view 1
     * @param k2 B×D keys of view 2
     * @param queue1 K×D past keys of view 1 (negatives for the view-2 queries)
     * @param queue2 K×D past keys of view 2 (negatives for the view-1 queries)
     * @return {@code (L(q1, k2, queue2) + L(q2, k1, queue1)) / 2}
     */
    public NDArray symmetric(NDArray q1, NDArray q2, NDArray k1, NDArray k2, NDArray queue1, NDArray queue2) {
        NDArray sum = compute(q1, k2, queue2).add(compute(q2, k1, queue1));
        return sum.div(Embeddings.constant(sum, 2));
    }
}
