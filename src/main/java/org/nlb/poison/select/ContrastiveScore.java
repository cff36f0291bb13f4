package org.nlb.poison.select;

/**
 * The anchor scores of the contrastive family (DESIGN §2), from the sums of a row's M and 2M
 * largest similarities (diagonal included). They match the reference's
 * {@code topk(similarity, 2M) @ w} with {@code w = [1]*M + [-1]*M} ({@code con}),
 * {@code topk(similarity, M).mean()} ({@code conp}) and {@code w = [0]*M + [-1]*M} ({@code conn}).
 */
public enum ContrastiveScore {
    /** {@code con}: Σ top M − Σ next M. */
    CONTRASTIVE,
    /** {@code conp}: the mean of the top M. */
    MEAN,
    /** {@code conn}: − Σ next M. */
    NEGATIVE;

    /** The score from {@code topM} = Σ of the M largest and {@code top2M} = Σ of the 2M largest. */
    public double score(double topM, double top2M, int m) {
        return switch (this) {
            case CONTRASTIVE -> topM - (top2M - topM);
            case MEAN -> topM / m;
            case NEGATIVE -> -(top2M - topM);
        };
    }

    /**
     * How far a float32-screened score may stray from the exact one when each similarity is off by
     * at most {@code perSimilarity}: the sum of the absolute weights times that error.
     */
    public double tolerance(int m, double perSimilarity) {
        return switch (this) {
            case CONTRASTIVE -> 2.0 * m * perSimilarity;
            case MEAN -> perSimilarity;
            case NEGATIVE -> m * perSimilarity;
        };
    }
}
