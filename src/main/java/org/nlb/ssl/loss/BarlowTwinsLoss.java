package org.nlb.ssl.loss;

import ai.djl.ndarray.NDArray;

/**
 * The Barlow Twins redundancy-reduction loss (Zbontar et al. 2021, arXiv 2103.03230, eq. 1),
 * DESIGN §5: with C the D×D cross-correlation of the batch-normalised views,
 * {@code scale · (Σ_i (1 − C_ii)² + λ Σ_{i≠j} C_ij²)}.
 *
 * <p>Matches solo-learn's {@code barlow_loss_func} ({@code solo/losses/barlow.py}): each view is
 * normalised per feature as by {@code BatchNorm1d(D, affine=False)} in training mode (batch mean,
 * biased batch variance, ε = 1e-5), {@code C = z1ᵀ z2 / N}, and the whole sum is multiplied by
 * {@code scale_loss}. Defaults are solo-learn's CIFAR recipe: λ = 0.0051, scale 0.1.
 */
public final class BarlowTwinsLoss {
    public static final double DEFAULT_LAMBDA = 0.0051;
    public static final double DEFAULT_SCALE = 0.1;
    /** BatchNorm1d's default epsilon. */
    static final double BATCH_NORM_EPS = 1e-5;

    private final double lambda;
    private final double scale;

    public BarlowTwinsLoss() {
        this(DEFAULT_LAMBDA, DEFAULT_SCALE);
    }

    /**
     * @param lambda weight of the off-diagonal (redundancy) terms, ≥ 0
     * @param scale factor on the whole loss, &gt; 0
     */
    public BarlowTwinsLoss(double lambda, double scale) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number ≥ 0, got " + lambda);
        }
        this.lambda = lambda;
        this.scale = Embeddings.requirePositive("scale", scale);
    }

    public double lambda() {
        return lambda;
    }

    public double scale() {
        return scale;
    }

    /**
     * The loss of one batch; symmetric in its two arguments.
     *
     * @param z1 N×D projections of the first view, N ≥ 2 (batch statistics need two rows)
     * @param z2 N×D projections of the second view
     * @return a scalar, differentiable in both inputs
     */
    public NDArray compute(NDArray z1, NDArray z2) {
        Embeddings.requireSameShape("z1", z1, "z2", z2);
        long n = z1.getShape().get(0);
        int d = Math.toIntExact(z1.getShape().get(1));
        if (n < 2) {
            throw new IllegalArgumentException("Barlow Twins needs a batch of at least 2 rows, got " + n);
        }
        NDArray product = batchNorm(z1).transpose().matMul(batchNorm(z2));
        NDArray c = product.div(Embeddings.constant(product, n));
        NDArray eye = z1.getManager().eye(d, d, 0, c.getDataType());
        // scale folded into the weights: a 0-d float32 sum times a double would come out float64
        NDArray weights = eye.mul(1 - lambda).add(lambda).mul(scale);
        return c.sub(eye).square().mul(weights).sum();
    }

    /** Per-feature standardisation with batch statistics, as BatchNorm1d(affine=False) in training. */
    private static NDArray batchNorm(NDArray z) {
        NDArray centred = z.sub(z.mean(new int[] {0}, true));
        NDArray variance = centred.square().mean(new int[] {0}, true);
        return centred.div(variance.add(Embeddings.constant(variance, BATCH_NORM_EPS)).sqrt());
    }
}
