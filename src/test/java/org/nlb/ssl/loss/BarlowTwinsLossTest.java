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
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarlowTwinsLossTest {
    private static final double EPS = 1e-5;
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Barlow Twins eq. 1 in loops, with BatchNorm1d(affine=False) statistics and solo-learn's scale. */
    static double reference(double[][] z1, double[][] z2, double lambda, double scale) {
        double[][] a = standardise(z1);
        double[][] b = standardise(z2);
        int n = z1.length;
        int d = z1[0].length;
        double loss = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double c = 0;
                for (int s = 0; s < n; s++) {
                    c += a[s][i] * b[s][j];
                }
                c /= n;
                loss += i == j ? (1 - c) * (1 - c) : lambda * c * c;
            }
        }
        return scale * loss;
    }

    private static double[][] standardise(double[][] z) {
        int n = z.length;
        int d = z[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : z) {
                mean += row[j];
            }
            mean /= n;
            double variance = 0;
            for (double[] row : z) {
                variance += (row[j] - mean) * (row[j] - mean);
            }
            variance /= n; // biased, as BatchNorm normalises
            for (int s = 0; s < n; s++) {
                out[s][j] = (z[s][j] - mean) / Math.sqrt(variance + EPS);
            }
        }
        return out;
    }

    private NDArray nd(double[][] x, DataType type) {
        return array(manager, x, type);
    }

    @ParameterizedTest
    @CsvSource({"3, 1", "2, 4", "4, 3", "16, 8", "64, 32", "32, 128"})
    void matchesTheNaiveReferenceOnRandomInputs(int batch, int dim) {
        Random random = new Random(batch * 31L + dim);
        double[][] z1 = gaussian(random, batch, dim);
        double[][] z2 = gaussian(random, batch, dim);
        for (double[] row : z2) {
            row[0] += 3; // an offset and a scale the batch normalisation must remove
            row[dim - 1] *= 5;
        }
        BarlowTwinsLoss loss = new BarlowTwinsLoss();
        double expected = reference(z1, z2, 0.0051, 0.1);
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            double actual = value(loss.compute(nd(z1, type), nd(z2, type)));
            LossTesting.assertRelativelyClose(actual, expected, type == DataType.FLOAT32 ? 1e-5 : 1e-12);
        }
        BarlowTwinsLoss other = new BarlowTwinsLoss(0.5, 0.025);
        LossTesting.assertRelativelyClose(value(other.compute(nd(z1, DataType.FLOAT64), nd(z2, DataType.FLOAT64))),
                reference(z1, z2, 0.5, 0.025), 1e-12);
    }

    /** Columns of a 4×4 Hadamard matrix without the all-ones one: zero mean, unit variance, uncorrelated. */
    private static final double[][] DECORRELATED = {
        {1, 1, 1}, {-1, 1, -1}, {1, -1, -1}, {-1, -1, 1}};

    @Test
    void perfectlyDecorrelatedIdenticalViewsGiveZero() {
        double[][] shifted = new double[4][3];
        for (int s = 0; s < 4; s++) {
            for (int j = 0; j < 3; j++) {
                shifted[s][j] = 7 * DECORRELATED[s][j] + j; // per-feature affine maps change nothing
            }
        }
        double actual = value(new BarlowTwinsLoss().compute(nd(DECORRELATED, DataType.FLOAT64), nd(shifted, DataType.FLOAT64)));
        // only BatchNorm's ε keeps C_ii = 1/√((1 + ε)(1 + ε/49)) short of 1
        double diagonal = 1 - 1 / Math.sqrt((1 + EPS) * (1 + EPS / 49));
        assertThat(actual).isCloseTo(0.1 * 3 * diagonal * diagonal, within(1e-15)).isLessThan(1e-9);
    }

    @Test
    void anticorrelatedViewsGiveFourPerFeature() {
        double actual = value(new BarlowTwinsLoss().compute(
                nd(DECORRELATED, DataType.FLOAT64), nd(negate(DECORRELATED), DataType.FLOAT64)));
        // C = −I/(1 + ε): each diagonal term is (1 + 1/(1 + ε))², off-diagonals vanish
        double diagonal = 1 + 1 / (1 + EPS);
        assertThat(actual).isCloseTo(0.1 * 3 * diagonal * diagonal, within(1e-12));
    }

    @Test
    void swappingTheViewsGivesTheSameLoss() {
        Random random = new Random(37);
        double[][] z1 = gaussian(random, 10, 6);
        double[][] z2 = gaussian(random, 10, 6);
        BarlowTwinsLoss loss = new BarlowTwinsLoss();
        double forward = value(loss.compute(nd(z1, DataType.FLOAT64), nd(z2, DataType.FLOAT64)));
        double swapped = value(loss.compute(nd(z2, DataType.FLOAT64), nd(z1, DataType.FLOAT64)));
        assertThat(swapped).isCloseTo(forward, within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferencesInBothViews() {
        Random random = new Random(41);
        double[][] z1 = gaussian(random, 4, 3);
        double[][] z2 = gaussian(random, 4, 3);
        BarlowTwinsLoss loss = new BarlowTwinsLoss(0.3, 0.5);
        LossTesting.assertGradientMatchesFiniteDifferences(manager, z1, x -> loss.compute(x, nd(z2, DataType.FLOAT64)));
        LossTesting.assertGradientMatchesFiniteDifferences(manager, z2, x -> loss.compute(nd(z1, DataType.FLOAT64), x));
    }

    @Test
    void rejectsBadArgumentsAndOneRowBatches() {
        BarlowTwinsLoss defaults = new BarlowTwinsLoss();
        assertThat(defaults.lambda()).isEqualTo(0.0051);
        assertThat(defaults.scale()).isEqualTo(0.1);
        assertThatThrownBy(() -> new BarlowTwinsLoss(-1, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda");
        assertThatThrownBy(() -> new BarlowTwinsLoss(0.005, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> defaults.compute(manager.ones(new Shape(1, 3)), manager.ones(new Shape(1, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    @Test
    void float32ViewsGiveAFloat32Loss() {
        // a training loop reads the loss as float; a 0-d sum times a double scale once came out float64
        NDArray z = manager.randomNormal(new Shape(6, 4));
        NDArray loss = new BarlowTwinsLoss().compute(z, z.add(0.1f));
        assertThat(loss.getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(loss.getShape().dimension()).isZero();
    }
}
