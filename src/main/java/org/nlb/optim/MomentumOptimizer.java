package org.nlb.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part LARS and SGD share: PyTorch's heavy-ball momentum ({@code v ← μ·v + d}, first
 * {@code v = d}; {@code w ← w − lr·v}) over a per-parameter update direction d, with the learning
 * rate taken from a {@link LearningRateSchedule} at the optimiser step.
 *
 * <p>A DJL {@link Optimizer}, so a DJL {@code Trainer} applies it in {@code trainer.step()} — the
 * same call a {@code GradientCollector}-based SSL loop makes after closing its collector. DJL's
 * own {@code Sgd} folds the learning rate into the momentum buffer (MXNet style), which differs
 * from PyTorch whenever the rate changes, hence these classes. As DJL's PyTorch optimisers do,
 * each update clears the parameter's gradient, which PyTorch would otherwise accumulate.
 * The step index is DJL's update count minus one; set {@code optBeginNumUpdate} to resume.
 */
public abstract class MomentumOptimizer extends Optimizer {
    private static final NDIndex ALL = new NDIndex("...");

    private final LearningRateSchedule learningRate;
    private final double momentum;
    private final Map<String, NDArray> buffers = new ConcurrentHashMap<>();
    private volatile double lastLearningRate = Double.NaN;

    protected MomentumOptimizer(Builder<?> builder) {
        super(builder);
        this.learningRate = Objects.requireNonNull(builder.learningRate, "no learning rate schedule set");
        this.momentum = builder.momentum;
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(getWeightDecay() >= 0)) {
            throw new IllegalArgumentException("weight decay must be ≥ 0, got " + getWeightDecay());
        }
    }

    /**
     * The direction d of one parameter before momentum; may return {@code grad} itself.
     *
     * @param grad the gradient after DJL's rescale and clip options
     * @param learningRate this step's rate (LARS's {@code clip_lr} needs it)
     */
    protected abstract NDArray direction(String parameterId, NDArray weight, NDArray grad, double learningRate);

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        double lr = learningRate.at(updateCount(parameterId) - 1L);
        try (NDScope scope = new NDScope()) {
            NDArray g = rescaleGrad == 1f ? grad : grad.mul(rescaleGrad);
            if (clipGrad > 0) {
                g = g.clip(-clipGrad, clipGrad);
            }
            NDArray velocity = velocity(parameterId, direction(parameterId, weight, g, lr));
            weight.subi(velocity.mul(lr));
            if (weight.hasGradient()) {
                weight.getGradient().set(ALL, 0);
            }
            scope.suppressNotUsedWarning();
        }
        lastLearningRate = lr;
    }

    private NDArray velocity(String parameterId, NDArray direction) {
        if (momentum == 0) {
            return direction;
        }
        NDArray buffer = buffers.get(parameterId);
        if (buffer == null) {
            buffer = keep(direction.duplicate());
            buffers.put(parameterId, buffer);
        } else {
            buffer.muli(momentum).addi(direction);
        }
        return buffer;
    }

    /** The momentum coefficient μ. */
    public double momentum() {
        return momentum;
    }

    /** The rate of the latest update, NaN before the first; for progress logs. */
    public double lastLearningRate() {
        return lastLearningRate;
    }

    /** The momentum buffer of a parameter (live, do not close), or null before its first update. */
    public NDArray momentumBuffer(String parameterId) {
        return buffers.get(parameterId);
    }

    /** Sets a parameter's momentum buffer to a copy of {@code values}, e.g. from a checkpoint. */
    public void restoreMomentumBuffer(String parameterId, NDArray values) {
        NDArray previous = buffers.put(parameterId, keep(values.duplicate()));
        if (previous != null) {
            previous.close();
        }
    }

    /**
     * Takes optimiser state out of the current scope and of any manager, as DJL's
     * {@code Optimizer.withDefaultState} does: it must outlive the step and the batch.
     */
    private static NDArray keep(NDArray state) {
        NDScope.unregister(state);
        state.detach();
        return state;
    }

    /** A scalar array as a double, whatever its float type. */
    static double scalar(NDArray array) {
        return array.toType(DataType.FLOAT64, false).getDouble();
    }

    /** Options common to the momentum optimisers, on top of DJL's weight decay, rescale and clip. */
    public abstract static class Builder<T extends Builder<T>> extends OptimizerBuilder<T> {
        private LearningRateSchedule learningRate;
        private double momentum = 0.9;

        /** The learning rate per step (required). */
        public T setLearningRate(LearningRateSchedule schedule) {
            this.learningRate = schedule;
            return self();
        }

        /** μ, default 0.9 as solo-learn's pretraining defaults for SGD and LARS. */
        public T optMomentum(double momentum) {
            this.momentum = momentum;
            return self();
        }
    }
}
