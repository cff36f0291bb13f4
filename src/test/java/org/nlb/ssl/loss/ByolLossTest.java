package org.nlb.ssl.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nlb.ssl.loss.LossTesting.array;
import static org.nlb.ssl.loss.LossTesting.gaussian;
import static org.nlb.ssl.loss.LossTesting.negate;
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

class ByolLossTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** BYOL eq. 2 in loops: the mean over the batch of ‖p/‖p‖ − z/‖z‖‖². */
    static double reference(double[][] p, double[][] z) {
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            double np = 0;
            double nz = 0;
            for (int k = 0; k < p[i].length; k++) {
                np += p[i][k] * p[i][k];
                nz += z[i][k] * z[i][k];
            }
            for (int k = 0; k < p[i].length; k++) {
                double d = p[i][k] / Math.sqrt(np) - z[i][k] / Math.sqrt(nz);
                total += d * d;
            }
        }
        return total / p.length;
    }

    private NDArray nd(double[][] x, DataType type) {
        return array(manager, x, type);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 3", "8, 16", "32, 256"})
    void matchesTheNaiveReferenceOnRandomInputs(int batch, int dim) {
        Random random = new Random(batch * 7919L + dim);
        double[][] p = gaussian(random, batch, dim);
        double[][] z = gaussian(random, batch, dim);
        ByolLoss loss = new ByolLoss();
        double expected = reference(p, z);
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            double actual = value(loss.compute(nd(p, type), nd(z, type)));
            // float32 cancellation in 2 − 2·cos: compare absolutely where the loss is near 0
            assertThat(actual).isCloseTo(expected,
                    within((type == DataType.FLOAT32 ? 1e-5 : 1e-12) * Math.max(1, expected)));
        }
    }

    @Test
    void closedForms() {
        Random random = new Random(13);
        double[][] z = gaussian(random, 6, 10);
        double[][] scaled = new double[6][10];
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 10; k++) {
                scaled[i][k] = 2.5 * z[i][k];
            }
        }
        ByolLoss loss = new ByolLoss();
        DataType f = DataType.FLOAT64;
        assertThat(value(loss.compute(nd(scaled, f), nd(z, f)))).as("same direction").isCloseTo(0, within(1e-12));
        assertThat(value(loss.compute(nd(negate(z), f), nd(z, f)))).as("opposite").isCloseTo(4, within(1e-12));
        double[][] e1 = {{1, 0}, {0, 3}};
        double[][] e2 = {{0, 2}, {5, 0}};
        assertThat(value(loss.compute(nd(e1, f), nd(e2, f)))).as("orthogonal").isCloseTo(2, within(1e-12));
        assertThat(value(loss.symmetric(nd(z, f), nd(scaled, f), nd(scaled, f), nd(z, f))))
                .as("symmetric, identical").isCloseTo(0, within(1e-12));
    }

    @Test
    void symmetricLossSumsBothDirectionsAndIsSymmetricInTheViews() {
        Random random = new Random(19);
        double[][] p1 = gaussian(random, 5, 8);
        double[][] p2 = gaussian(random, 5, 8);
        double[][] z1 = gaussian(random, 5, 8);
        double[][] z2 = gaussian(random, 5, 8);
        ByolLoss loss = new ByolLoss();
        DataType f = DataType.FLOAT64;
        double both = value(loss.symmetric(nd(p1, f), nd(p2, f), nd(z1, f), nd(z2, f)));
        assertThat(both).isCloseTo(reference(p1, z2) + reference(p2, z1), within(1e-12));
        double swapped = value(loss.symmetric(nd(p2, f), nd(p1, f), nd(z2, f), nd(z1, f)));
        assertThat(swapped).isCloseTo(both, within(1e-12));
    }

    @Test
    void gradientReachesThePredictionOnlyAndMatchesFiniteDifferences() {
        Random random = new Random(29);
        double[][] p = gaussian(random, 3, 4);
        double[][] z = gaussian(random, 3, 4);
        ByolLoss loss = new ByolLoss();
        LossTesting.assertGradientMatchesFiniteDifferences(manager, p, x -> loss.compute(x, nd(z, DataType.FLOAT64)));

        NDArray prediction = nd(p, DataType.FLOAT64);
        NDArray target = nd(z, DataType.FLOAT64);
        prediction.setRequiresGradient(true);
        target.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            collector.backward(loss.compute(prediction, target));
        }
        assertThat(LossTesting.gradientMass(prediction)).as("prediction gradient").isPositive();
        assertThat(LossTesting.gradientMass(target)).as("target gradient").isZero();
    }

    @Test
    void rejectsMismatchedShapes() {
        ByolLoss loss = new ByolLoss();
        assertThatThrownBy(() -> loss.compute(manager.ones(new Shape(4, 3)), manager.ones(new Shape(3, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
    }
}
