package org.nlb.ssl.loss;

import ai.djl.ndarray.NDArray;

/**
 * BYOL's normalised mean squared error (Grill et al. 2020, arXiv 2006.07733, eq. 2), DESIGN §5:
 * {@code ‖p/‖p‖ − z/‖z‖‖² = 2 − 2·cos(p, z)}, averaged over the batch, between the online
 * predictions p and the target projections z of the other view. No gradient flows into z.
 *
 * <p>Matches solo-learn's {@code byol_loss_func} ({@code solo/losses/byol.py}) and its symmetric
 * use in {@code solo/methods/byol.py}, which <em>sums</em> the two directions
 * ({@code L(p2, z1) + L(p1, z2)}), so the symmetric loss lies in [0, 8]; identical directions
 * give 0, opposite ones 8.
 */
public final class ByolLoss {
    /**
     * One direction.
     *
     * @param p B×D online predictions of one view
     * @param z B×D target (EMA) projections of the other view, row i the same image
     * @return a scalar in [0, 4], differentiable in {@code p} only
     */
    public NDArray compute(NDArray p, NDArray z) {
        Embeddings.requireSameShape("p", p, "z", z);
        NDArray cosine = Embeddings.unitRows(p).mul(Embeddings.unitRows(z.stopGradient())).sum(new int[] {1});
        NDArray mean = cosine.mean();
        return mean.mul(Embeddings.constant(mean, -2)).add(Embeddings.constant(mean, 2));
    }

    /**
     * Both directions, summed as solo-learn does.
     *
     * @param p1 B×D predictions of view 1
     * @param p2 B×D predictions of view 2
     * @param z1 B×D target projections of view 1
     * @param z2 B×D target projections of view 2
     * @return {@code L(p1, z2) + L(p2, z1)}
     */
    public NDArray symmetric(NDArray p1, NDArray p2, NDArray z1, NDArray z2) {
        return compute(p1, z2).add(compute(p2, z1));
    }
}
