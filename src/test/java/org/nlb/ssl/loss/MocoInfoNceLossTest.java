package org.nlb.ssl.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nlb.ssl.loss.LossTesting.array;
import static org.nlb.ssl.loss.LossTesting.gaussian;
import static org.nlb.ssl.loss.LossTesting.value;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MocoInfoNceLossTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** MoCo's Algorithm 1 in loops: logits [q·k, q·queue_j] / τ, cross-entropy with label 0. */
    static double reference(double[][] query, double[][] key, double[][] queue, double tau) {
        double total = 0;
        for (int i = 0; i < query.length; i++) {
            double[] q = unit(query[i]);
            double positive = Math.exp(dot(q, unit(key[i])) / tau);
            double denominator = positive;
            for (double[] negative : queue) {
                denominator += Math.exp(dot(q, negative) / tau);
            }
            total += -Math.log(positive / denominator);
        }
        return total / query.length;
    }

    static double[][] unitRows(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = unit(x[i]);
        }
        return y;
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        double[] u = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            u[k] = v[k] / norm;
        }
        return u;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private NDArray nd(double[][] x, DataType type) {
        return array(manager, x, type);
    }

    @ParameterizedTest
    @CsvSource({"1, 4, 1, 0.2", "4, 8, 16, 0.2", "8, 32, 64, 0.1", "3, 5, 7, 1.0"})
    void matchesTheNaiveReferenceOnRandomInputs(int batch, int dim, int queueSize, double tau) {
        Random random = new Random(batch * 1000L + dim * 10L + queueSize);
        double[][] q = gaussian(random, batch, dim);
        double[][] k = gaussian(random, batch, dim);
        double[][] queue = unitRows(gaussian(random, queueSize, dim));
        double expected = reference(q, k, queue, tau);
        MocoInfoNceLoss loss = new MocoInfoNceLoss(tau);
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            double actual = value(loss.compute(nd(q, type), nd(k, type), nd(queue, type)));
            LossTesting.assertRelativelyClose(actual, expected, type == DataType.FLOAT32 ? 1e-5 : 1e-12);
        }
    }

    @Test
    void symmetricLossAveragesBothDirectionsWithTheOtherViewsQueue() {
        Random random = new Random(17);
        double[][] q1 = gaussian(random, 4, 8);
        double[][] q2 = gaussian(random, 4, 8);
        double[][] k1 = gaussian(random, 4, 8);
        double[][] k2 = gaussian(random, 4, 8);
        double[][] queue1 = unitRows(gaussian(random, 12, 8));
        double[][] queue2 = unitRows(gaussian(random, 12, 8));
        double expected = (reference(q1, k2, queue2, 0.2) + reference(q2, k1, queue1, 0.2)) / 2;
        MocoInfoNceLoss loss = new MocoInfoNceLoss();
        DataType f = DataType.FLOAT64;
        double actual = value(loss.symmetric(nd(q1, f), nd(q2, f), nd(k1, f), nd(k2, f), nd(queue1, f), nd(queue2, f)));
        assertThat(actual).isCloseTo(expected, within(1e-12));
        double swapped = value(loss.symmetric(nd(q2, f), nd(q1, f), nd(k2, f), nd(k1, f), nd(queue2, f), nd(queue1, f)));
        assertThat(swapped).as("swapping the views").isCloseTo(actual, within(1e-12));
    }

    @Test
    void queueOrthogonalToAgreeingPairsGivesTheClosedForm() {
        double tau = 0.2;
        double[][] q = {{2, 0, 0, 0}, {0, 0.5, 0, 0}};
        double[][] queue = {{0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, -1, 0}};
        double actual = value(new MocoInfoNceLoss(tau).compute(
                nd(q, DataType.FLOAT64), nd(q, DataType.FLOAT64), nd(queue, DataType.FLOAT64)));
        assertThat(actual).isCloseTo(Math.log(1 + queue.length * Math.exp(-1 / tau)), within(1e-12));
    }

    @Test
    void everythingCollinearGivesLogOfQueueSizePlusOne() {
        // lightly's closed form with a memory bank: −log(1 / (K + 1))
        double[][] q = {{1, 2}, {3, 6}, {0.5, 1}};
        double[][] queue = new double[9][];
        for (int j = 0; j < queue.length; j++) {
            queue[j] = new double[] {1 / Math.sqrt(5), 2 / Math.sqrt(5)};
        }
        double actual = value(new MocoInfoNceLoss(0.07).compute(
                nd(q, DataType.FLOAT64), nd(q, DataType.FLOAT64), nd(queue, DataType.FLOAT64)));
        assertThat(actual).isCloseTo(Math.log(queue.length + 1), within(1e-9));
    }

    @Test
    void gradientReachesTheQueryOnlyAndMatchesFiniteDifferences() {
        Random random = new Random(23);
        double[][] q = gaussian(random, 3, 4);
        double[][] k = gaussian(random, 3, 4);
        double[][] queue = unitRows(gaussian(random, 5, 4));
        MocoInfoNceLoss loss = new MocoInfoNceLoss(0.5);
        LossTesting.assertGradientMatchesFiniteDifferences(manager, q,
                x -> loss.compute(x, nd(k, DataType.FLOAT64), nd(queue, DataType.FLOAT64)));

        NDArray query = nd(q, DataType.FLOAT64);
        NDArray key = nd(k, DataType.FLOAT64);
        NDArray negatives = nd(queue, DataType.FLOAT64);
        query.setRequiresGradient(true);
        key.setRequiresGradient(true);
        negatives.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            collector.backward(loss.compute(query, key, negatives));
        }
        assertThat(LossTesting.gradientMass(query)).as("query gradient").isPositive();
        assertThat(LossTesting.gradientMass(key)).as("key gradient").isZero();
        assertThat(LossTesting.gradientMass(negatives)).as("queue gradient").isZero();
    }

    @Test
    void rejectsBadTemperaturesAndShapes() {
        assertThat(new MocoInfoNceLoss().temperature()).isEqualTo(0.2);
        assertThatThrownBy(() -> new MocoInfoNceLoss(0)).isInstanceOf(IllegalArgumentException.class);
        MocoInfoNceLoss loss = new MocoInfoNceLoss();
        NDArray q = manager.ones(new Shape(4, 3));
        assertThatThrownBy(() -> loss.compute(q, manager.ones(new Shape(4, 2)), manager.ones(new Shape(8, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
        assertThatThrownBy(() -> loss.compute(q, q, manager.ones(new Shape(8, 5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue rows");
    }
}
