package org.nlb.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MocoQueueTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Two-dimensional keys of length 3 at the given angles; a slot's angle tells which key it holds. */
    private NDArray keys(double... angles) {
        float[] values = new float[2 * angles.length];
        for (int i = 0; i < angles.length; i++) {
            values[2 * i] = (float) (3 * Math.cos(angles[i])); // length 3: the queue must normalise
            values[2 * i + 1] = (float) (3 * Math.sin(angles[i]));
        }
        return manager.create(values, new Shape(angles.length, 2));
    }

    /** The angle stored in each slot. */
    private static double[] angles(MocoQueue queue) {
        float[] v = queue.toFloatArray();
        double[] a = new double[queue.size()];
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.hypot(v[2 * i], v[2 * i + 1])).as("slot %d is a unit vector", i).isCloseTo(1, within(1e-6));
            a[i] = Math.atan2(v[2 * i + 1], v[2 * i]);
        }
        return a;
    }

    @Test
    void startsWithSeededUnitRows() {
        try (MocoQueue a = new MocoQueue(manager, 50, 8, 42);
             MocoQueue b = new MocoQueue(manager, 50, 8, 42);
             MocoQueue c = new MocoQueue(manager, 50, 8, 43)) {
            assertThat(a.toFloatArray()).isEqualTo(b.toFloatArray()).isNotEqualTo(c.toFloatArray());
            float[] v = a.toFloatArray();
            for (int row = 0; row < 50; row++) {
                double squares = 0;
                for (int j = 0; j < 8; j++) {
                    squares += v[row * 8 + j] * v[row * 8 + j];
                }
                assertThat(squares).isCloseTo(1, within(1e-5));
            }
            assertThat(a.pointer()).isZero();
            assertThat(MocoQueue.DEFAULT_SIZE).isEqualTo(65_536);
        }
    }

    @Test
    void enqueueWritesAtThePointerAndWrapsAround() {
        try (MocoQueue queue = new MocoQueue(manager, 5, 2, 1)) {
            double[] initial = angles(queue);
            queue.enqueue(keys(0.1, 0.2, 0.3));
            assertThat(queue.pointer()).isEqualTo(3);
            assertThat(angles(queue)).containsExactly(new double[] {0.1, 0.2, 0.3, initial[3], initial[4]}, within(1e-6));

            queue.enqueue(keys(1.1, 1.2, 1.3));
            assertThat(queue.pointer()).isEqualTo(1);
            assertThat(angles(queue)).containsExactly(new double[] {1.3, 0.2, 0.3, 1.1, 1.2}, within(1e-6));

            queue.enqueue(keys(2.1, 2.2, 2.3, 2.4));
            assertThat(queue.pointer()).isZero();
            assertThat(angles(queue)).containsExactly(new double[] {1.3, 2.1, 2.2, 2.3, 2.4}, within(1e-6));
        }
    }

    @Test
    void aBatchLargerThanTheQueueLeavesItsLastKeysInFifoSlots() {
        try (MocoQueue queue = new MocoQueue(manager, 3, 2, 1)) {
            queue.enqueue(keys(0.5));
            queue.enqueue(keys(0.0, 0.1, 0.2, 0.3, 0.4)); // slots 1, 2, 0, 1, 2
            assertThat(queue.pointer()).isZero();
            assertThat(angles(queue)).containsExactly(new double[] {0.2, 0.3, 0.4}, within(1e-6));
        }
    }

    @Test
    void snapshotIsACopyThatLaterEnqueuesDoNotChange() {
        try (MocoQueue queue = new MocoQueue(manager, 4, 2, 9); NDManager step = manager.newSubManager()) {
            NDArray before = queue.snapshot(step);
            float[] copied = before.toFloatArray();
            queue.enqueue(keys(0.7, 0.8));
            assertThat(before.toFloatArray()).isEqualTo(copied);
            assertThat(queue.toFloatArray()).isNotEqualTo(copied);
            assertThat(before.getManager()).isSameAs(step);
        }
    }

    @Test
    void restoreReproducesContentsAndPointer() {
        try (MocoQueue queue = new MocoQueue(manager, 6, 2, 3)) {
            queue.enqueue(keys(0.1, 0.2, 0.3, 0.4));
            try (MocoQueue restored = MocoQueue.restore(manager, queue.toFloatArray(), 2, queue.pointer())) {
                assertThat(restored.size()).isEqualTo(6);
                assertThat(restored.pointer()).isEqualTo(4);
                restored.enqueue(keys(1.0, 1.5, 2.0));
                queue.enqueue(keys(1.0, 1.5, 2.0));
                assertThat(restored.toFloatArray()).isEqualTo(queue.toFloatArray());
            }
        }
    }

    @Test
    void rejectsBadSizesAndKeys() {
        assertThatThrownBy(() -> new MocoQueue(manager, 0, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MocoQueue(manager, 4, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MocoQueue.restore(manager, new float[7], 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole keys");
        assertThatThrownBy(() -> MocoQueue.restore(manager, new float[8], 2, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pointer");
        try (MocoQueue queue = new MocoQueue(manager, 4, 2, 1)) {
            float[] before = queue.toFloatArray();
            assertThatThrownBy(() -> queue.enqueue(manager.ones(new Shape(2, 3))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B×2");
            assertThat(queue.toFloatArray()).isEqualTo(before);
        }
    }
}
