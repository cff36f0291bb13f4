package org.nlb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CPU kernels this suite runs on give finite values. On a CPU with AVX-512, oneDNN 3.7's
 * convolution backward pass returned NaN input gradients for a few in twenty batches when the
 * channel count was not a multiple of 16 (8 → 8 and 12 → 12 below), which made every tiny training
 * test diverge; the portable kernels (README, "Kernel choice") avoid that path. Should a kernel
 * path ever give NaN or infinity again, this test names the layer instead of a training test
 * reporting a diverged loss.
 */
class KernelFinitenessTest {
    private static final int BATCHES = 120;

    @Test
    void theSuiteRunsOnThePortableKernels() {
        KernelSettings kernels = KernelSettings.current();
        assertThat(kernels.mode())
                .as("the test JVM's kernel variables %s (pom.xml, surefire's environmentVariables)", kernels.describe())
                .isEqualTo(KernelSettings.Mode.PORTABLE);
        assertThat(kernels.onednnMayUseAvx512()).isFalse();
    }

    @ParameterizedTest(name = "conv {0} -> {1} channels, {2}x{2} kernel, stride {3}, {4}x{4} input")
    @CsvSource({
        "1, 8, 3, 2, 12",
        "8, 8, 3, 1, 6",
        "8, 16, 3, 2, 6",
        "8, 16, 1, 2, 6",
        "12, 12, 3, 1, 6",
        "16, 16, 3, 1, 3",
        "24, 24, 3, 1, 6",
        "32, 32, 3, 1, 7",
        "32, 64, 3, 2, 7",
    })
    void convolutionForwardAndBackwardAreFinite(int in, int out, int kernel, int stride, int size) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Engine.getInstance().setRandomSeed(11);
            Block conv = Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                    .optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(out).optBias(false).build();
            Shape input = new Shape(16, in, size, size);
            conv.initialize(manager, DataType.FLOAT32, input);
            for (int batch = 0; batch < BATCHES; batch++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.randomNormal(input);
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = conv.forward(new ParameterStore(step, false), new NDList(x), true).singletonOrThrow();
                        assertFinite(y, "output", batch);
                        collector.backward(y.mul(y).sum());
                    }
                    assertFinite(x.getGradient(), "input gradient", batch);
                    for (Pair<String, Parameter> p : conv.getParameters()) {
                        assertFinite(p.getValue().getArray().getGradient(), p.getKey() + " gradient", batch);
                    }
                }
            }
        }
    }

    private static void assertFinite(NDArray values, String what, int batch) {
        long bad = values.isNaN().logicalOr(values.isInfinite()).countNonzero().getLong();
        assertThat(bad).as("non-finite %s values in batch %d of %d (kernel variables %s)", what, batch, BATCHES,
                KernelSettings.current().describe()).isZero();
    }
}
