package org.nlb.ssl.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nlb.ssl.loss.LossTesting.array;
import static org.nlb.ssl.loss.LossTesting.gaussian;
import static org.nlb.ssl.loss.LossTesting.value;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NtXentLossTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** SimCLR's Algorithm 1 written out in loops, as lightly's test does. */
    static double reference(double[][] z1, double[][] z2, double tau) {
        int n = z1.length;
        double[][] z = new double[2 * n][];
        for (int i = 0; i < n; i++) {
            z[i] = z1[i];
            z[i + n] = z2[i];
        }
        double[][] e = new double[2 * n][2 * n];
        for (int i = 0; i < 2 * n; i++) {
            for (int j = 0; j < 2 * n; j++) {
                e[i][j] = Math.exp(cosine(z[i], z[j]) / tau);
            }
        }
        double total = 0;
        for (int i = 0; i < 2 * n; i++) {
            double denominator = 0;
            for (int k = 0; k < 2 * n; k++) {
                if (k != i) {
                    denominator += e[i][k];
                }
            }
            int positive = i < n ? i + n : i - n;
            total += -Math.log(e[i][positive] / denominator);
        }
        return total / (2 * n);
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 0.2", "2, 2, 0.2", "4, 16, 0.1", "8, 64, 0.2", "16, 32, 1.0", "5, 3, 10.0"})
    void matchesTheNaiveReferenceOnRandomInputs(int batch, int dim, double tau) {
        Random random = new Random(31L * batch + dim);
        double[][] z1 = gaussian(random, batch, dim);
        double[][] z2 = gaussian(random, batch, dim);
        NtXentLoss loss = new NtXentLoss(tau);
        double expected = reference(z1, z2, tau);
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            double actual = value(loss.compute(array(manager, z1, type), array(manager, z2, type)));
            LossTesting.assertRelativelyClose(actual, expected, type == DataType.FLOAT32 ? 1e-5 : 1e-12);
        }
    }

    @Test
    void identicalOrthogonalViewsGiveTheClosedForm() {
        int batch = 4;
        double tau = 0.2;
        double[][] identity = new double[batch][6];
        for (int i = 0; i < batch; i++) {
            identity[i][i] = 3.0 * (i + 1); // norms differ: the loss normalises
        }
        double actual = value(new NtXentLoss(tau).compute(
                array(manager, identity, DataType.FLOAT64), array(manager, identity, DataType.FLOAT64)));
        // positive similarity 1, the other 2B − 2 similarities 0
        assertThat(actual).isCloseTo(Math.log(1 + (2 * batch - 2) * Math.exp(-1 / tau)), within(1e-12));
    }

    @Test
    void collinearEmbeddingsGiveLogOfTwoBMinusOne() {
        // lightly's test_with_correlated_embedding: every similarity is 1
        Random random = new Random(7);
        int batch = 5;
        double[][] z1 = new double[batch][];
        double[][] z2 = new double[batch][];
        for (int i = 0; i < batch; i++) {
            z1[i] = new double[] {1 + random.nextDouble(), 0};
            z1[i][1] = 2 * z1[i][0];
            z2[i] = new double[] {random.nextDouble() + 0.1, 0};
            z2[i][1] = 2 * z2[i][0];
        }
        double actual = value(new NtXentLoss(0.1).compute(
                array(manager, z1, DataType.FLOAT64), array(manager, z2, DataType.FLOAT64)));
        assertThat(actual).isCloseTo(Math.log(2 * batch - 1), within(1e-9));
    }

    @Test
    void swappingTheViewsGivesTheSameLoss() {
        Random random = new Random(11);
        double[][] z1 = gaussian(random, 7, 12);
        double[][] z2 = gaussian(random, 7, 12);
        NtXentLoss loss = new NtXentLoss();
        double forward = value(loss.compute(array(manager, z1, DataType.FLOAT32), array(manager, z2, DataType.FLOAT32)));
        double swapped = value(loss.compute(array(manager, z2, DataType.FLOAT32), array(manager, z1, DataType.FLOAT32)));
        assertThat(swapped).isCloseTo(forward, within(1e-6));
    }

    @Test
    void theLossIsLowerWhenViewsAgreeThanWhenTheyAreShuffled() {
        Random random = new Random(5);
        double[][] z1 = gaussian(random, 8, 16);
        double[][] shuffled = new double[8][];
        for (int i = 0; i < 8; i++) {
            shuffled[i] = z1[(i + 3) % 8];
        }
        NtXentLoss loss = new NtXentLoss();
        double agree = value(loss.compute(array(manager, z1, DataType.FLOAT64), array(manager, z1, DataType.FLOAT64)));
        double disagree = value(loss.compute(array(manager, z1, DataType.FLOAT64), array(manager, shuffled, DataType.FLOAT64)));
        assertThat(agree).isLessThan(disagree);
    }

    @Test
    void gradientMatchesFiniteDifferencesInBothViews() {
        Random random = new Random(3);
        double[][] z1 = gaussian(random, 3, 4);
        double[][] z2 = gaussian(random, 3, 4);
        NtXentLoss loss = new NtXentLoss(0.5);
        LossTesting.assertGradientMatchesFiniteDifferences(manager, z1,
                x -> loss.compute(x, array(manager, z2, DataType.FLOAT64)));
        LossTesting.assertGradientMatchesFiniteDifferences(manager, z2,
                x -> loss.compute(array(manager, z1, DataType.FLOAT64), x));
    }

    @Test
    void rejectsBadTemperaturesAndShapes() {
        assertThat(new NtXentLoss().temperature()).isEqualTo(0.2);
        for (double bad : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new NtXentLoss(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("temperature");
        }
        NtXentLoss loss = new NtXentLoss();
        assertThatThrownBy(() -> loss.compute(manager.ones(new Shape(4, 3)), manager.ones(new Shape(5, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
        assertThatThrownBy(() -> loss.compute(manager.ones(new Shape(4)), manager.ones(new Shape(4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("N×D");
    }
}
