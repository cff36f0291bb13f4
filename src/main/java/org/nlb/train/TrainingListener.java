package org.nlb.train;

/**
 * Side concerns of a pretraining run — progress, logs, checkpoints — kept out of the loop, as
 * DJL's {@code TrainingListener}s are (STYLE.md). Every method does nothing by default.
 */
public interface TrainingListener {
    /** Before the first step of this process; {@code plan.history()} holds epochs a resumed run already did. */
    default void onStart(TrainingPlan plan) {
    }

    /** After each optimiser step. */
    default void onStep(StepStats step) {
    }

    /** After each finished epoch; {@code session} can be snapshotted for a checkpoint. */
    default void onEpochEnd(EpochStats epoch, PretrainSession session) {
    }

    /** After the last epoch. */
    default void onEnd(PretrainResult result) {
    }

    /**
     * What the run is about to do.
     *
     * @param config the resolved configuration
     * @param images pretrain images per epoch
     * @param stepsPerEpoch optimiser steps per epoch
     * @param history epochs finished before this process started (resume), in order
     */
    record TrainingPlan(PretrainConfig config, int images, int stepsPerEpoch, java.util.List<EpochStats> history) {
        public TrainingPlan {
            history = java.util.List.copyOf(history);
        }

        /** The first epoch this process trains, 1-based. */
        public int firstEpoch() {
            return history.size() + 1;
        }
    }

    /**
     * One optimiser step.
     *
     * @param epoch 1-based epoch
     * @param stepInEpoch 1-based step within the epoch
     * @param step optimiser steps done in the whole run, this one included
     * @param loss the batch's loss
     * @param learningRate the rate this step used
     * @param imagesPerSecond images (each with its two views) per second over the epoch so far
     */
    record StepStats(int epoch, int stepInEpoch, long step, double loss, double learningRate, double imagesPerSecond) {
    }
}
