package org.nlb.ssl;

/**
 * The sizes and constants of a method's heads and loss (DESIGN §5). One record for all methods so
 * that a run's {@code config.json} shows every value in one place; a method ignores the fields it
 * does not use, and {@link #reference(SslMethodKind)} sets those to 0.
 *
 * @param projectorHidden hidden units of the projector (each hidden layer)
 * @param projectorOutput output units of the projector: the embedding the loss sees
 * @param predictorHidden hidden units of BYOL's predictor (its output is the projector's size)
 * @param temperature τ of SimCLR's NT-Xent and MoCo's InfoNCE
 * @param queueSize MoCo's queue length K, per view
 * @param baseTau first momentum coefficient of the EMA target (MoCo, BYOL)
 * @param finalTau last momentum coefficient, reached on a cosine schedule
 * @param barlowLambda Barlow Twins' off-diagonal weight λ
 * @param barlowScale Barlow Twins' factor on the whole loss
 */
public record MethodParams(int projectorHidden, int projectorOutput, int predictorHidden, double temperature,
                           int queueSize, double baseTau, double finalTau, double barlowLambda, double barlowScale) {
    public MethodParams {
        if (projectorHidden < 1 || projectorOutput < 1) {
            throw new IllegalArgumentException("projector sizes must be positive, got " + projectorHidden
                    + " and " + projectorOutput);
        }
        if (predictorHidden < 0 || queueSize < 0) {
            throw new IllegalArgumentException("predictor size and queue size must be ≥ 0");
        }
        if (!(temperature >= 0) || !(barlowLambda >= 0) || !(barlowScale >= 0)
                || !Double.isFinite(temperature + barlowLambda + barlowScale)) {
            throw new IllegalArgumentException("temperature, lambda and scale must be finite numbers ≥ 0");
        }
        if (!(baseTau >= 0 && baseTau <= finalTau && finalTau <= 1)) {
            throw new IllegalArgumentException("momentum must satisfy 0 ≤ base ≤ final ≤ 1, got base "
                    + baseTau + " and final " + finalTau);
        }
    }

    /**
     * solo-learn's CIFAR recipe of {@code method} ({@code scripts/pretrain/cifar/*.yaml}, the same
     * values as PKU-ML/nlb's {@code bash_files/pretrain/cifar/*.sh}):
     * <ul>
     *   <li>SimCLR: projector 2048 → 256, τ 0.2;</li>
     *   <li>MoCo v2+: projector 2048 → 256, τ 0.2, queue 32 768, momentum 0.99 → 0.999 (DESIGN §5
     *       says 65 536 and → 1; both configs say 32 768 and 0.999);</li>
     *   <li>BYOL: projector 4096 → 256, predictor 4096 → 256, momentum 0.99 → 1;</li>
     *   <li>Barlow Twins: projector 2048 → 2048 → 2048, λ 0.0051, scale 0.1.</li>
     * </ul>
     */
    public static MethodParams reference(SslMethodKind method) {
        return switch (method) {
            case SIMCLR -> new MethodParams(2048, 256, 0, 0.2, 0, 0, 0, 0, 0);
            case MOCOV2 -> new MethodParams(2048, 256, 0, 0.2, 32_768, 0.99, 0.999, 0, 0);
            case BYOL -> new MethodParams(4096, 256, 4096, 0, 0, 0.99, 1.0, 0, 0);
            case BARLOW -> new MethodParams(2048, 2048, 0, 0, 0, 0, 0, 0.0051, 0.1);
        };
    }

    public MethodParams withProjector(int hidden, int output) {
        return new MethodParams(hidden, output, predictorHidden, temperature, queueSize, baseTau, finalTau,
                barlowLambda, barlowScale);
    }

    public MethodParams withPredictorHidden(int hidden) {
        return new MethodParams(projectorHidden, projectorOutput, hidden, temperature, queueSize, baseTau, finalTau,
                barlowLambda, barlowScale);
    }

    public MethodParams withTemperature(double t) {
        return new MethodParams(projectorHidden, projectorOutput, predictorHidden, t, queueSize, baseTau, finalTau,
                barlowLambda, barlowScale);
    }

    public MethodParams withQueueSize(int k) {
        return new MethodParams(projectorHidden, projectorOutput, predictorHidden, temperature, k, baseTau, finalTau,
                barlowLambda, barlowScale);
    }

    public MethodParams withMomentum(double base, double last) {
        return new MethodParams(projectorHidden, projectorOutput, predictorHidden, temperature, queueSize, base, last,
                barlowLambda, barlowScale);
    }
}
