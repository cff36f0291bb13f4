package org.nlb.optim;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * SGD with momentum and L2 weight decay, as PyTorch's {@code torch.optim.SGD} that solo-learn's
 * MoCo v2+ recipe uses (DESIGN §5: lr 0.3, wd 1e-4, momentum 0.9): {@code d = g + λw}, then
 * heavy-ball momentum and {@code w ← w − lr·v} ({@link MomentumOptimizer}).
 *
 * <p>Weight decay applies to every parameter by default, as solo-learn's default
 * {@code exclude_bias_n_norm_wd: False}; a filter can exempt some.
 */
public final class MomentumSgd extends MomentumOptimizer {
    private final ParameterFilter noDecay;

    private MomentumSgd(Builder builder) {
        super(builder);
        this.noDecay = builder.noDecay;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDArray direction(String parameterId, NDArray weight, NDArray grad, double learningRate) {
        float decay = getWeightDecay();
        if (decay == 0 || noDecay.test(parameterId, weight)) {
            return grad;
        }
        return grad.add(weight.mul(decay));
    }

    /** DJL-style builder: {@code set*} required, {@code opt*} optional. */
    public static final class Builder extends MomentumOptimizer.Builder<Builder> {
        private ParameterFilter noDecay = ParameterFilter.none();

        private Builder() {
        }

        /** Parameters exempt from weight decay (none by default). */
        public Builder optExcludeFromWeightDecay(ParameterFilter noDecay) {
            this.noDecay = Objects.requireNonNull(noDecay);
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public MomentumSgd build() {
            return new MomentumSgd(this);
        }
    }
}
