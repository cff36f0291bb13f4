package org.nlb.optim;

/**
 * Linear warm-up from {@code warmupStartLr} to {@code baseLr}, then cosine decay to {@code minLr}
 * at {@code totalSteps} (DESIGN §5: "warm-up then cosine decay"), per optimiser step.
 *
 * <p>Matches the closed form of solo-learn's {@code LinearWarmupCosineAnnealingLR}
 * ({@code solo/utils/lr_scheduler.py}, from PyTorch Lightning Bolts) stepped per batch:
 * <ul>
 *   <li>{@code k < W}: {@code start + k·(base − start)/(W − 1)} — the base rate is reached at
 *       step W − 1 (a one-step warm-up stays at {@code start});</li>
 *   <li>{@code W ≤ k < T}: {@code min + (base − min)·(1 + cos(π(k − W)/(T − W)))/2};</li>
 *   <li>{@code k ≥ T}: {@code min} (Bolts' cosine would rise again).</li>
 * </ul>
 *
 * @param baseLr the peak rate, reached at the end of the warm-up
 * @param warmupStartLr the rate of step 0 when there is a warm-up (solo-learn: 3e-5)
 * @param minLr the rate at and after {@code totalSteps} (solo-learn: 0)
 * @param warmupSteps W ≥ 0 warm-up steps; 0 starts the cosine at step 0
 * @param totalSteps T ≥ 1, the number of steps of the whole run, ≥ W
 */
public record WarmupCosineSchedule(double baseLr, double warmupStartLr, double minLr, long warmupSteps, long totalSteps)
        implements LearningRateSchedule {
    /** solo-learn's default {@code scheduler.warmup_start_lr}. */
    public static final double DEFAULT_WARMUP_START_LR = 3e-5;
    /** solo-learn's default {@code scheduler.min_lr}. */
    public static final double DEFAULT_MIN_LR = 0.0;

    public WarmupCosineSchedule {
        requireRate("base learning rate", baseLr);
        requireRate("warm-up start learning rate", warmupStartLr);
        requireRate("minimum learning rate", minLr);
        if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("need 0 ≤ warm-up steps ≤ total steps and total steps ≥ 1, got "
                    + warmupSteps + " and " + totalSteps);
        }
    }

    /** solo-learn's defaults: warm-up from 3e-5, cosine down to 0. */
    public static WarmupCosineSchedule of(double baseLr, long warmupSteps, long totalSteps) {
        return new WarmupCosineSchedule(baseLr, DEFAULT_WARMUP_START_LR, DEFAULT_MIN_LR, warmupSteps, totalSteps);
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step);
        }
        if (step < warmupSteps) {
            return warmupStartLr + step * (baseLr - warmupStartLr) / Math.max(1, warmupSteps - 1);
        }
        if (step >= totalSteps) {
            return minLr;
        }
        double progress = (step - warmupSteps) / (double) (totalSteps - warmupSteps);
        return minLr + 0.5 * (baseLr - minLr) * (1 + Math.cos(Math.PI * progress));
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
        }
    }
}
