package org.nlb.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LarsTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray matrix(float... diagonal) {
        return manager.create(new float[] {diagonal[0], 0, 0, diagonal[1]}, new Shape(2, 2));
    }

    private static Lars.Builder lars(double lr) {
        return Lars.builder().setLearningRate(LearningRateSchedule.constant(lr)).optWeightDecays(0.1f);
    }

    @Test
    void matchesAHandComputationOnAWeightAndAnExcludedBias() {
        Lars optimizer = lars(0.5).optClipLr(false).build();
        NDArray w = matrix(3, 4); // ‖w‖ = 5
        NDArray b = manager.create(new float[] {1, 2}); // one-dimensional: excluded
        NDArray gw = matrix(0.6f, 0.8f); // ‖g‖ = 1
        NDArray gb = manager.create(new float[] {0.5f, -0.5f});

        optimizer.update("w", w, gw);
        optimizer.update("b", b, gb);
        // trust = η‖w‖/(‖g‖ + λ‖w‖ + ε) = 0.02·5/(1 + 0.5) = 1/15; d = (g + 0.1w)·trust = (0.06, 0.08)
        assertThat(w.toFloatArray()).containsExactly(new float[] {2.97f, 0, 0, 3.96f}, within(1e-6f));
        // plain SGD, no weight decay: b − lr·g
        assertThat(b.toFloatArray()).containsExactly(new float[] {0.75f, 2.25f}, within(1e-6f));

        optimizer.update("w", w, gw);
        optimizer.update("b", b, gb);
        double trust2 = 0.02 * 4.95 / (1 + 0.1 * 4.95 + 1e-8); // ‖w₁‖ = √(2.97² + 3.96²) = 4.95
        double v11 = 0.9 * 0.06 + (0.6 + 0.1 * 2.97) * trust2;
        double v22 = 0.9 * 0.08 + (0.8 + 0.1 * 3.96) * trust2;
        assertThat(w.toFloatArray()).containsExactly(
                new float[] {(float) (2.97 - 0.5 * v11), 0, 0, (float) (3.96 - 0.5 * v22)}, within(1e-6f));
        // momentum buffer 0.9·g + g = 1.9·g
        assertThat(b.toFloatArray()).containsExactly(new float[] {0.275f, 2.725f}, within(1e-6f));
        assertThat(optimizer.momentumBuffer("b").toFloatArray()).containsExactly(new float[] {0.95f, -0.95f}, within(1e-6f));
        assertThat(optimizer.lastLearningRate()).isEqualTo(0.5);
    }

    @Test
    void clipLrCapsTheAdaptedRateAtTheGlobalOne() {
        NDArray w = matrix(3, 4);
        lars(0.5).build().update("w", w, matrix(0.6f, 0.8f));
        // min(trust/lr, 1) = (1/15)/0.5 = 2/15; d = (0.9, 1.2)·2/15 = (0.12, 0.16)
        assertThat(w.toFloatArray()).containsExactly(new float[] {2.94f, 0, 0, 3.92f}, within(1e-6f));

        NDArray w2 = matrix(3, 4);
        lars(0.01).build().update("w", w2, matrix(0.6f, 0.8f));
        // (1/15)/0.01 > 1: d = g + λw, an ordinary SGD step with weight decay
        assertThat(w2.toFloatArray()).containsExactly(new float[] {2.991f, 0, 0, 3.988f}, within(1e-6f));
    }

    @Test
    void excludedParametersGetPlainSgdWithoutWeightDecayWhateverTheFilter() {
        NDArray w = matrix(3, 4);
        NDArray b = manager.create(new float[] {1, 2});
        Lars byId = lars(0.5).optExclude(ParameterFilter.ids(List.of("w"))).build();
        byId.update("w", w, matrix(0.6f, 0.8f));
        byId.update("b", b, manager.create(new float[] {3, 4})); // now b is adapted: ‖b‖ = √5, ‖g‖ = 5
        assertThat(w.toFloatArray()).containsExactly(new float[] {2.7f, 0, 0, 3.6f}, within(1e-6f));
        double trust = Math.min(0.02 * Math.sqrt(5) / (5 + 0.1 * Math.sqrt(5) + 1e-8) / 0.5, 1);
        assertThat(b.toFloatArray()).containsExactly(new float[] {
            (float) (1 - 0.5 * (3 + 0.1) * trust), (float) (2 - 0.5 * (4 + 0.2) * trust)}, within(1e-6f));
    }

    @Test
    void zeroGradientOrZeroWeightSkipsAdaptationAndDecay() {
        NDArray w = matrix(3, 4);
        lars(0.5).build().update("w", w, manager.zeros(new Shape(2, 2)));
        assertThat(w.toFloatArray()).as("no decay without a gradient").containsExactly(3, 0, 0, 4);
        NDArray zero = manager.zeros(new Shape(2, 2));
        lars(0.5).build().update("z", zero, matrix(0.6f, 0.8f));
        assertThat(zero.toFloatArray()).containsExactly(new float[] {-0.3f, 0, 0, -0.4f}, within(1e-6f));
    }

    @Test
    void readsTheScheduleAtTheStepIndexSharedByAllParameters() {
        List<Long> asked = new ArrayList<>();
        Lars optimizer = Lars.builder().setLearningRate(step -> {
            asked.add(step);
            return 0.1;
        }).build();
        NDArray w = matrix(3, 4);
        NDArray b = manager.create(new float[] {1, 2});
        for (int step = 0; step < 3; step++) {
            optimizer.update("w", w, matrix(0.6f, 0.8f));
            optimizer.update("b", b, manager.create(new float[] {1, 1}));
        }
        assertThat(asked).containsExactly(0L, 0L, 1L, 1L, 2L, 2L);

        List<Long> resumed = new ArrayList<>();
        Lars later = Lars.builder().setLearningRate(step -> {
            resumed.add(step);
            return 0.1;
        }).optBeginNumUpdate(500).build();
        later.update("w", w, matrix(0.6f, 0.8f));
        assertThat(resumed).containsExactly(500L);
    }

    @Test
    void clearsTheParameterGradientSoThatPyTorchDoesNotAccumulateIt() {
        NDArray w = matrix(3, 4);
        w.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            collector.backward(w.mul(w).sum());
        }
        assertThat(w.getGradient().toFloatArray()).containsExactly(6, 0, 0, 8);
        lars(0.5).build().update("w", w, w.getGradient().duplicate());
        assertThat(w.getGradient().toFloatArray()).containsOnly(0f);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> Lars.builder().build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> lars(0.1).optEta(0).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eta");
        assertThatThrownBy(() -> lars(0.1).optMomentum(1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum");
        assertThatThrownBy(() -> lars(0.1).optWeightDecays(-1e-4f).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight decay");
        assertThat(lars(0.1).build().momentum()).isEqualTo(0.9);
    }
}
