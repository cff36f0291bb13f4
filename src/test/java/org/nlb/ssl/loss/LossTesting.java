package org.nlb.ssl.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.Function;

/** Shared fixtures of the loss tests: seeded inputs, array conversion, a finite-difference check. */
final class LossTesting {
    private LossTesting() {
    }

    static double[][] gaussian(Random random, int rows, int cols) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    static NDArray array(NDManager manager, double[][] x, DataType type) {
        double[] flat = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * x[0].length, x[0].length);
        }
        return manager.create(flat, new Shape(x.length, x[0].length)).toType(type, false);
    }

    static double value(NDArray scalar) {
        assertThat(scalar.getShape().isScalar()).as("loss is a scalar").isTrue();
        return scalar.toType(DataType.FLOAT64, false).getDouble();
    }

    /** Σ|∂loss/∂x| after a backward pass; 0 where no gradient reached {@code x}. */
    static double gradientMass(NDArray x) {
        return x.getGradient().toType(DataType.FLOAT64, false).abs().sum().getDouble();
    }

    static double[][] negate(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int j = 0; j < y[i].length; j++) {
                y[i][j] = -y[i][j];
            }
        }
        return y;
    }

    static void assertRelativelyClose(double actual, double expected, double relative) {
        assertThat(actual).isCloseTo(expected, within(relative * Math.max(1e-12, Math.abs(expected))));
    }

    /**
     * Compares the autograd gradient of {@code loss} at {@code x} (through DJL's GradientCollector)
     * with central finite differences, both in double precision.
     */
    static void assertGradientMatchesFiniteDifferences(
            NDManager manager, double[][] x, Function<NDArray, NDArray> loss) {
        NDArray input = array(manager, x, DataType.FLOAT64);
        input.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            collector.backward(loss.apply(input));
        }
        double[] autograd = input.getGradient().toDoubleArray();
        double h = 1e-6;
        int cols = x[0].length;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < cols; j++) {
                double[][] plus = copy(x);
                double[][] minus = copy(x);
                plus[i][j] += h;
                minus[i][j] -= h;
                double numeric = (value(loss.apply(array(manager, plus, DataType.FLOAT64)))
                        - value(loss.apply(array(manager, minus, DataType.FLOAT64)))) / (2 * h);
                assertThat(autograd[i * cols + j]).as("d loss / d x[%d][%d]", i, j)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
        assertThat(autograd).as("a gradient that is not all zero").isNotEqualTo(new double[autograd.length]);
    }

    private static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
        }
        return y;
    }
}
