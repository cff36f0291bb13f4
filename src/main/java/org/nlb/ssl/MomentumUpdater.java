package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The exponential moving average that drives a momentum (target) network from an online one —
 * MoCo's momentum encoder and BYOL's target network, DESIGN §5 — with the cosine schedule of its
 * coefficient τ from {@code baseTau} to {@code finalTau}.
 *
 * <p>Matches solo-learn's {@code MomentumUpdater} ({@code solo/utils/momentum.py}):
 * {@code target = τ·target + (1 − τ)·online} over trainable parameters only (BatchNorm running
 * statistics are buffers there, updated by the target's own forward passes), and
 * {@code τ(k) = final − (final − base)·(cos(πk/K) + 1)/2}. solo-learn updates after optimiser step
 * k (0-based) with τ(k) — the first update uses {@code baseTau}.
 *
 * <p>Updates arrays in place; call it outside a {@code GradientCollector} (after
 * {@code trainer.step()}), as PyTorch forbids in-place changes of leaves while recording.
 */
public final class MomentumUpdater {
    /** DESIGN §5's MoCo v2+ and BYOL base coefficient. */
    public static final double DEFAULT_BASE_TAU = 0.99;
    public static final double DEFAULT_FINAL_TAU = 1.0;

    private static final NDIndex ALL = new NDIndex("...");

    private final double baseTau;
    private final double finalTau;

    public MomentumUpdater() {
        this(DEFAULT_BASE_TAU, DEFAULT_FINAL_TAU);
    }

    /** Requires 0 ≤ baseTau ≤ finalTau ≤ 1, as solo-learn asserts. */
    public MomentumUpdater(double baseTau, double finalTau) {
        if (!(baseTau >= 0 && baseTau <= finalTau && finalTau <= 1)) {
            throw new IllegalArgumentException(
                    "momentum must satisfy 0 ≤ base ≤ final ≤ 1, got base " + baseTau + " and final " + finalTau);
        }
        this.baseTau = baseTau;
        this.finalTau = finalTau;
    }

    public double baseTau() {
        return baseTau;
    }

    public double finalTau() {
        return finalTau;
    }

    /**
     * The coefficient after {@code step} of {@code totalSteps} optimiser steps; steps past the end
     * keep {@code finalTau} (solo-learn's cosine would turn back).
     */
    public double tau(long step, long totalSteps) {
        if (totalSteps < 1 || step < 0) {
            throw new IllegalArgumentException("need 0 ≤ step and totalSteps ≥ 1, got step " + step
                    + " of " + totalSteps);
        }
        double progress = Math.min(step, totalSteps) / (double) totalSteps;
        return finalTau - (finalTau - baseTau) * (Math.cos(Math.PI * progress) + 1) / 2;
    }

    /** {@code target ← tau·target + (1 − tau)·online}, element-wise, pair by pair. */
    public static void update(List<NDArray> online, List<NDArray> target, double tau) {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + tau);
        }
        requirePairs(online, target);
        try (NDScope scope = new NDScope()) {
            for (int i = 0; i < online.size(); i++) {
                target.get(i).muli(tau).addi(online.get(i).mul(1 - tau));
            }
            scope.suppressNotUsedWarning();
        }
    }

    /** Copies the online values into the target: solo-learn's {@code initialize_momentum_params}. */
    public static void copy(List<NDArray> online, List<NDArray> target) {
        requirePairs(online, target);
        for (int i = 0; i < online.size(); i++) {
            target.get(i).set(ALL, online.get(i));
        }
    }

    /** {@link #update(List, List, double)} over the trainable parameters of two same-shaped blocks. */
    public static void update(Block online, Block target, double tau) {
        update(trainableArrays(online), trainableArrays(target), tau);
    }

    /** {@link #copy(List, List)} over the trainable parameters of two same-shaped blocks. */
    public static void copy(Block online, Block target) {
        copy(trainableArrays(online), trainableArrays(target));
    }

    /** The arrays of a block's parameters other than BatchNorm running statistics, in block order. */
    static List<NDArray> trainableArrays(Block block) {
        List<NDArray> arrays = new ArrayList<>();
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter.Type type = entry.getValue().getType();
            if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
                arrays.add(entry.getValue().getArray());
            }
        }
        return arrays;
    }

    private static void requirePairs(List<NDArray> online, List<NDArray> target) {
        if (online.size() != target.size()) {
            throw new IllegalArgumentException("online and target networks have " + online.size() + " and "
                    + target.size() + " parameters");
        }
        for (int i = 0; i < online.size(); i++) {
            if (!online.get(i).getShape().equals(target.get(i).getShape())) {
                throw new IllegalArgumentException("parameter " + i + " has shape " + online.get(i).getShape()
                        + " online but " + target.get(i).getShape() + " in the target");
            }
        }
    }
}
