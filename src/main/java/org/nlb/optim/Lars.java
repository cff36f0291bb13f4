package org.nlb.optim;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * LARS, layer-wise adaptive rate scaling (You et al. 2017, arXiv 1708.03888), DESIGN §5.
 *
 * <p>Matches solo-learn's {@code LARS} ({@code solo/utils/lars.py}, from Lightning Bolts). For a
 * parameter w with gradient g, unless the exclusion filter selects it:
 * {@code trust = η·‖w‖ / (‖g‖ + λ‖w‖ + ε)}; with {@code clip_lr}, {@code trust = min(trust/lr, 1)};
 * {@code d = (g + λw)·trust}. Excluded parameters, and any with ‖w‖ = 0 or ‖g‖ = 0, take
 * {@code d = g}: plain SGD without weight decay. Then heavy-ball momentum and {@code w ← w − lr·v}
 * ({@link MomentumOptimizer}).
 *
 * <p>Defaults are those of solo-learn's CIFAR LARS recipes (all four methods): η = 0.02,
 * {@code clip_lr} on, biases and normalisation parameters excluded (its {@code p.ndim == 1}
 * test), momentum 0.9, ε = 1e-8. Weight decay comes from DJL's {@code optWeightDecays}.
 */
public final class Lars extends MomentumOptimizer {
    public static final double DEFAULT_ETA = 0.02;
    public static final double DEFAULT_EPS = 1e-8;

    private final double eta;
    private final double eps;
    private final boolean clipLr;
    private final ParameterFilter excluded;

    private Lars(Builder builder) {
        super(builder);
        if (!(builder.eta > 0) || !(builder.eps >= 0)) {
            throw new IllegalArgumentException("LARS needs eta > 0 and eps ≥ 0, got " + builder.eta + " and " + builder.eps);
        }
        this.eta = builder.eta;
        this.eps = builder.eps;
        this.clipLr = builder.clipLr;
        this.excluded = builder.excluded;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDArray direction(String parameterId, NDArray weight, NDArray grad, double learningRate) {
        if (excluded.test(parameterId, weight)) {
            return grad;
        }
        double weightNorm = scalar(weight.norm());
        double gradNorm = scalar(grad.norm());
        if (weightNorm == 0 || gradNorm == 0) {
            return grad;
        }
        double decay = getWeightDecay();
        double trust = eta * weightNorm / (gradNorm + weightNorm * decay + eps);
        if (clipLr) {
            trust = Math.min(trust / learningRate, 1);
        }
        return grad.add(weight.mul(decay)).mul(trust);
    }

    /** DJL-style builder: {@code set*} required, {@code opt*} optional. */
    public static final class Builder extends MomentumOptimizer.Builder<Builder> {
        private double eta = DEFAULT_ETA;
        private double eps = DEFAULT_EPS;
        private boolean clipLr = true;
        private ParameterFilter excluded = ParameterFilter.oneDimensional();

        private Builder() {
        }

        /** The trust coefficient η. */
        public Builder optEta(double eta) {
            this.eta = eta;
            return this;
        }

        public Builder optEps(double eps) {
            this.eps = eps;
            return this;
        }

        /** solo-learn's {@code clip_lr}: cap the adapted rate at the global one. */
        public Builder optClipLr(boolean clipLr) {
            this.clipLr = clipLr;
            return this;
        }

        /** Parameters left out of adaptation and weight decay; {@link ParameterFilter#none()} for none. */
        public Builder optExclude(ParameterFilter excluded) {
            this.excluded = Objects.requireNonNull(excluded);
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Lars build() {
            return new Lars(this);
        }
    }
}
