package org.nlb.ssl.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a use-after-free between DJL and PyTorch's autograd: DJL's
 * {@code x.div(0.5)} wraps 0.5 in a temporary tensor over a Java direct buffer and closes it at
 * once, but autograd keeps that tensor for the backward pass; after a garbage collection the
 * backward pass read freed memory (gradients of Infinity in 162 of 200 trials of {@code
 * ones.div(0.5).sum()}, NaN losses in about one training run in ten). The losses keep their
 * constants alive instead ({@link Embeddings#constant}): gradients must not change when the
 * collector runs and the freed memory is reused between the forward and the backward pass.
 */
class LossConstantLifetimeTest {
    private static final int TRIALS = 30;

    /** d loss / d (z1, z2), with or without a garbage collection and poisoned reuse before backward. */
    private static float[] gradient(BiFunction<NDArray, NDArray, NDArray> loss, boolean collectBeforeBackward) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray z1 = manager.create(values(0), new Shape(8, 6));
            NDArray z2 = manager.create(values(1), new Shape(8, 6));
            z1.setRequiresGradient(true);
            z2.setRequiresGradient(true);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray value = loss.apply(z1, z2);
                if (collectBeforeBackward) {
                    System.gc();
                    reuseFreedMemory();
                }
                collector.backward(value);
            }
            return z1.getGradient().concat(z2.getGradient(), 0).toFloatArray();
        }
    }

    private static float[] values(int seed) {
        float[] v = new float[48];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(1.7 * i + seed);
        }
        return v;
    }

    /** Small direct buffers full of NaN: the allocator hands out freed blocks of the same size. */
    private static void reuseFreedMemory() {
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            b.putDouble(0, Double.NaN);
            junk.add(b);
        }
        assertThat(junk).hasSize(500);
    }

    private static void assertStable(BiFunction<NDArray, NDArray, NDArray> loss) {
        float[] expected = gradient(loss, false);
        assertThat(expected).doesNotContain(Float.NaN);
        for (int t = 0; t < TRIALS; t++) {
            assertThat(gradient(loss, true)).as("trial %d", t).containsExactly(expected);
        }
    }

    @Test
    void ntXentGradientsSurviveAGarbageCollection() {
        assertStable(new NtXentLoss(0.2)::compute);
    }

    @Test
    void mocoGradientsSurviveAGarbageCollection() {
        MocoInfoNceLoss loss = new MocoInfoNceLoss(0.2);
        assertStable((a, b) -> {
            NDArray queue = a.getManager().create(values(2), new Shape(8, 6)).normalize(2, 1);
            return loss.symmetric(a, b, b, a, queue, queue);
        });
    }

    @Test
    void byolGradientsSurviveAGarbageCollection() {
        assertStable((a, b) -> new ByolLoss().symmetric(a, b, b, a));
    }

    @Test
    void barlowGradientsSurviveAGarbageCollection() {
        assertStable(new BarlowTwinsLoss()::compute);
    }
}
