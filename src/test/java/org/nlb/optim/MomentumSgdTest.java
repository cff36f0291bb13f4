package org.nlb.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MomentumSgdTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static MomentumSgd.Builder sgd() {
        return MomentumSgd.builder().setLearningRate(LearningRateSchedule.constant(0.1)).optWeightDecays(0.5f);
    }

    @Test
    void matchesPyTorchSgdWithMomentumAndWeightDecay() {
        MomentumSgd optimizer = sgd().build();
        NDArray w = manager.create(new float[] {1, 2});
        NDArray g = manager.create(new float[] {0.1f, 0.2f});
        optimizer.update("w", w, g);
        // d = g + λw = (0.6, 1.2); v = d; w − lr·v
        assertThat(w.toFloatArray()).containsExactly(new float[] {0.94f, 1.88f}, within(1e-6f));
        optimizer.update("w", w, g);
        // d = (0.57, 1.14); v = 0.9·(0.6, 1.2) + d = (1.11, 2.22)
        assertThat(w.toFloatArray()).containsExactly(new float[] {0.829f, 1.658f}, within(1e-6f));
    }

    @Test
    void aFilterExemptsParametersFromWeightDecayOnly() {
        MomentumSgd optimizer = sgd().optExcludeFromWeightDecay(ParameterFilter.oneDimensional()).build();
        NDArray bias = manager.create(new float[] {1, 2});
        NDArray weight = manager.create(new float[] {1, 2}, new Shape(1, 2));
        optimizer.update("bias", bias, manager.create(new float[] {0.1f, 0.2f}));
        optimizer.update("weight", weight, manager.create(new float[] {0.1f, 0.2f}, new Shape(1, 2)));
        assertThat(bias.toFloatArray()).containsExactly(new float[] {0.99f, 1.98f}, within(1e-6f));
        assertThat(weight.toFloatArray()).containsExactly(new float[] {0.94f, 1.88f}, within(1e-6f));
    }

    @Test
    void honoursDjlsRescaleAndClipOptionsAndZeroMomentum() {
        NDArray w = manager.create(new float[] {1, 2});
        MomentumSgd.builder().setLearningRate(LearningRateSchedule.constant(0.1)).optMomentum(0)
                .setRescaleGrad(0.5f).build().update("w", w, manager.create(new float[] {0.1f, 0.2f}));
        assertThat(w.toFloatArray()).containsExactly(new float[] {0.995f, 1.99f}, within(1e-6f));
        NDArray v = manager.create(new float[] {1, 2});
        MomentumSgd clipped = MomentumSgd.builder().setLearningRate(LearningRateSchedule.constant(0.1)).optMomentum(0)
                .optClipGrad(0.06f).build();
        clipped.update("v", v, manager.create(new float[] {0.1f, -0.2f}));
        assertThat(v.toFloatArray()).containsExactly(new float[] {0.994f, 2.006f}, within(1e-6f));
        assertThat(clipped.momentumBuffer("v")).as("no buffer without momentum").isNull();
    }

    @Test
    void restoredMomentumBufferContinuesTheRun() {
        MomentumSgd first = sgd().build();
        NDArray w = manager.create(new float[] {1, 2});
        NDArray g = manager.create(new float[] {0.1f, 0.2f});
        first.update("w", w, g);
        NDArray resumedWeights = w.duplicate();
        first.update("w", w, g);

        MomentumSgd resumed = sgd().optBeginNumUpdate(1).build();
        try (NDManager checkpoint = manager.newSubManager()) { // the buffer must outlive its source
            resumed.restoreMomentumBuffer("w", checkpoint.create(new float[] {0.6f, 1.2f}));
        }
        resumed.update("w", resumedWeights, g);
        assertThat(resumedWeights.toFloatArray()).containsExactly(w.toFloatArray(), within(1e-7f));
    }

    /** Both optimisers drive a DJL Trainer from a GradientCollector loop, as the SSL engine does. */
    @Test
    void trainsALinearModelThroughADjlTrainerStep() {
        Optimizer[] optimizers = {
            sgd().optWeightDecays(0f).build(),
            Lars.builder().setLearningRate(LearningRateSchedule.constant(0.5)).optWeightDecays(1e-5f).build()
        };
        Random random = new Random(2024);
        float[] inputs = new float[32 * 3];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian();
        }
        for (Optimizer optimizer : optimizers) {
            NDArray x = manager.create(inputs, new Shape(32, 3));
            NDArray y = x.matMul(manager.create(new float[] {1, -2, 0.5f}, new Shape(3, 1))).add(0.3f);
            try (Model model = Model.newInstance("optimiser-test")) {
                Block linear = Linear.builder().setUnits(1).build();
                linear.setInitializer(new ConstantInitializer(0.5f), parameter -> true); // no unseeded draws
                model.setBlock(linear);
                try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer))) {
                    trainer.initialize(new Shape(32, 3));
                    double first = 0;
                    double last = 0;
                    for (int step = 0; step < 150; step++) {
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(prediction));
                            collector.backward(loss);
                            last = loss.getFloat();
                            first = step == 0 ? last : first;
                        }
                        trainer.step();
                    }
                    assertThat(last).as(optimizer.getClass().getSimpleName()).isLessThan(first * 0.05);
                    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                        assertThat(p.getValue().getArray().getGradient().toFloatArray()).containsOnly(0f);
                    }
                }
            }
        }
        assertThat(List.of(optimizers)).hasSize(2);
    }
}
