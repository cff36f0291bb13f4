package org.nlb.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MomentumUpdaterTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void cosineScheduleRunsFromBaseToFinal() {
        MomentumUpdater updater = new MomentumUpdater(0.99, 1.0);
        assertThat(updater.tau(0, 1000)).isEqualTo(0.99);
        assertThat(updater.tau(500, 1000)).isCloseTo(0.995, within(1e-15));
        assertThat(updater.tau(1000, 1000)).isEqualTo(1.0);
        assertThat(updater.tau(1500, 1000)).as("past the end").isEqualTo(1.0);
        // solo-learn: final − (final − base)·(cos(πk/K) + 1)/2
        assertThat(updater.tau(250, 1000)).isCloseTo(1 - 0.01 * (Math.cos(Math.PI / 4) + 1) / 2, within(1e-15));
        double previous = 0;
        for (int k = 0; k <= 100; k++) {
            double tau = updater.tau(k, 100);
            assertThat(tau).isGreaterThanOrEqualTo(previous);
            previous = tau;
        }
        MomentumUpdater defaults = new MomentumUpdater();
        assertThat(defaults.baseTau()).isEqualTo(0.99);
        assertThat(defaults.finalTau()).isEqualTo(1.0);
    }

    @Test
    void updateMovesTargetsTowardsOnlineValues() {
        NDArray online = manager.create(new float[] {1, 2, 3});
        NDArray target = manager.create(new float[] {5, 6, 7});
        NDArray online2 = manager.create(new float[] {1, 1, 1, 1}, new Shape(2, 2));
        NDArray target2 = manager.zeros(new Shape(2, 2));
        MomentumUpdater.update(List.of(online, online2), List.of(target, target2), 0.75);
        assertThat(target.toFloatArray()).containsExactly(new float[] {4, 5, 6}, within(1e-6f)); // .75·5 + .25·1
        assertThat(target2.toFloatArray()).containsExactly(new float[] {.25f, .25f, .25f, .25f}, within(1e-6f));
        assertThat(online.toFloatArray()).containsExactly(1, 2, 3);

        MomentumUpdater.update(List.of(online), List.of(target), 1.0);
        assertThat(target.toFloatArray()).as("τ = 1 freezes the target").containsExactly(new float[] {4, 5, 6}, within(1e-6f));
        MomentumUpdater.copy(List.of(online), List.of(target));
        assertThat(target.toFloatArray()).containsExactly(1, 2, 3);
    }

    @Test
    void blocksUpdateTrainableParametersButNotRunningStatistics() {
        Block online = network();
        Block target = network();
        MomentumUpdater.copy(online, target);
        assertThat(flatTrainable(target)).isEqualTo(flatTrainable(online));

        for (Pair<String, Parameter> p : online.getParameters()) {
            p.getValue().getArray().addi(4); // includes the running mean and variance
        }
        float[] before = flatTrainable(target);
        float[] targetRunningMean = runningMean(target).toFloatArray();
        MomentumUpdater.update(online, target, 0.5);
        float[] after = flatTrainable(target);
        for (int i = 0; i < after.length; i++) {
            assertThat(after[i]).isCloseTo(before[i] + 2, within(1e-5f));
        }
        assertThat(runningMean(target).toFloatArray()).isEqualTo(targetRunningMean);
    }

    @Test
    void rejectsBadCoefficientsAndMismatchedNetworks() {
        assertThatThrownBy(() -> new MomentumUpdater(0.999, 0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MomentumUpdater(-0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MomentumUpdater(0.9, 1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MomentumUpdater().tau(1, 0)).isInstanceOf(IllegalArgumentException.class);
        NDArray a = manager.ones(new Shape(2));
        NDArray b = manager.ones(new Shape(3));
        assertThatThrownBy(() -> MomentumUpdater.update(List.of(a), List.of(b), 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> MomentumUpdater.update(List.of(a), List.of(), 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters");
        assertThatThrownBy(() -> MomentumUpdater.update(List.of(a), List.of(a), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Block network() {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(3).build())
                .add(BatchNorm.builder().build());
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 4));
        return block;
    }

    private static float[] flatTrainable(Block block) {
        List<NDArray> arrays = MomentumUpdater.trainableArrays(block);
        assertThat(arrays).hasSize(4); // linear weight and bias, batch-norm gamma and beta
        return arrays.stream().map(a -> a.flatten()).reduce(NDArray::concat).orElseThrow().toFloatArray();
    }

    private static NDArray runningMean(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN) {
                return p.getValue().getArray();
            }
        }
        throw new AssertionError("no running mean");
    }
}
