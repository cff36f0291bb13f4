package org.nlb.train;

import java.util.Objects;
import org.nlb.io.BadInputException;

/**
 * The optimiser and its learning-rate schedule (DESIGN §5): LARS or SGD with heavy-ball momentum,
 * a linear warm-up from {@code warmupStartLr} then a cosine decay to {@code minLr}, stepped per
 * batch ({@link org.nlb.optim.WarmupCosineSchedule}).
 *
 * @param kind LARS or SGD
 * @param baseLr the peak learning rate before batch-size scaling
 * @param scaleLrWithBatch multiply {@code baseLr} by B/256, as solo-learn does for every method
 *     ({@code solo/args/pretrain.py}: {@code lr · batch_size · devices / 256})
 * @param weightDecay L2 weight decay (LARS: not on biases and norms)
 * @param momentum heavy-ball momentum μ
 * @param larsEta LARS trust coefficient η (unused by SGD)
 * @param warmupEpochs epochs of linear warm-up, may be fractional
 * @param warmupStartLr learning rate of the first step
 * @param minLr learning rate at the end of the cosine
 */
public record OptimizerParams(OptimizerKind kind, double baseLr, boolean scaleLrWithBatch, double weightDecay,
                              double momentum, double larsEta, double warmupEpochs, double warmupStartLr,
                              double minLr) {
    public OptimizerParams {
        Objects.requireNonNull(kind, "optimizer kind");
        requireRate("--lr", baseLr, false);
        requireRate("weight decay", weightDecay, true);
        requireRate("warm-up start learning rate", warmupStartLr, true);
        requireRate("minimum learning rate", minLr, true);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new BadInputException("momentum", "must be in [0, 1), got " + momentum);
        }
        if (!(larsEta > 0) || Double.isInfinite(larsEta)) {
            throw new BadInputException("LARS eta", "must be a positive number, got " + larsEta);
        }
        if (!(warmupEpochs >= 0) || Double.isInfinite(warmupEpochs)) {
            throw new BadInputException("--warmup-epochs", "must be a number ≥ 0, got " + warmupEpochs);
        }
    }

    /** LARS as solo-learn's CIFAR recipes: η 0.02, clip_lr, momentum 0.9, warm-up from 3e-5, cosine to 0. */
    public static OptimizerParams lars(double baseLr, double weightDecay, double warmupEpochs) {
        return new OptimizerParams(OptimizerKind.lars, baseLr, true, weightDecay, 0.9, 0.02, warmupEpochs, 3e-5, 0);
    }

    /** SGD with momentum 0.9 as solo-learn's MoCo v2+ recipe; warm-up from 3e-5, cosine to 0. */
    public static OptimizerParams sgd(double baseLr, double weightDecay, double warmupEpochs) {
        return new OptimizerParams(OptimizerKind.sgd, baseLr, true, weightDecay, 0.9, 0.02, warmupEpochs, 3e-5, 0);
    }

    /** The rate at the top of the schedule for batches of {@code batchSize}. */
    public double peakLr(int batchSize) {
        return scaleLrWithBatch ? baseLr * batchSize / 256.0 : baseLr;
    }

    public OptimizerParams withBaseLr(double lr) {
        return new OptimizerParams(kind, lr, scaleLrWithBatch, weightDecay, momentum, larsEta, warmupEpochs,
                warmupStartLr, minLr);
    }

    public OptimizerParams withWarmupEpochs(double epochs) {
        return new OptimizerParams(kind, baseLr, scaleLrWithBatch, weightDecay, momentum, larsEta, epochs,
                warmupStartLr, minLr);
    }

    public OptimizerParams withWeightDecay(double wd) {
        return new OptimizerParams(kind, baseLr, scaleLrWithBatch, wd, momentum, larsEta, warmupEpochs,
                warmupStartLr, minLr);
    }

    private static void requireRate(String what, double value, boolean zeroAllowed) {
        if (!(zeroAllowed ? value >= 0 : value > 0) || Double.isInfinite(value)) {
            throw new BadInputException(what, "must be a finite number " + (zeroAllowed ? "≥ 0" : "> 0")
                    + ", got " + value);
        }
    }
}
