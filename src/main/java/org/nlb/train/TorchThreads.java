package org.nlb.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Sets the intra-op thread count of the PyTorch engine for this process ({@code torch.set_num_threads}),
 * the setting a run's {@code --threads} controls beside the augmentation workers. DJL reads
 * {@code ai.djl.pytorch.num_threads} only once when the engine starts; this works at any time.
 *
 * <p>Set {@code OMP_WAIT_POLICY=PASSIVE} in the environment (the {@code nlb} launcher does): PyTorch's
 * OpenMP threads otherwise spin while they wait, which on a busy 2-core machine slowed training
 * steps up to five-fold in our measurements (BENCHMARKS.md).
 */
final class TorchThreads {
    private TorchThreads() {
    }

    static void set(int threads) {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setNumThreads(threads);
        }
    }
}
