package org.nlb.optim;

/**
 * A learning rate as a pure function of the optimiser step (0 for the first update), so that a
 * resumed run gets exactly the rates it would have had.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate of the update with index {@code step} ≥ 0. */
    double at(long step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number ≥ 0, got " + learningRate);
        }
        return step -> learningRate;
    }
}
