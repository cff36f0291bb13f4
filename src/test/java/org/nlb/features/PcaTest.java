package org.nlb.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact PCA against data with known principal directions. */
class PcaTest {
    @Test
    void findsTheDirectionsOfLargestVarianceInOrder() {
        // x = 5·a·u + 1·b·w + 0.01·noise, u and w orthonormal in 4-D: components ≈ u, then w.
        double[] u = {0.5, 0.5, 0.5, 0.5};
        double[] w = {0.5, -0.5, 0.5, -0.5};
        SplittableRandom random = new SplittableRandom(3);
        int n = 2000;
        float[] x = new float[n * 4];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextGaussian();
            double b = random.nextGaussian();
            for (int k = 0; k < 4; k++) {
                x[i * 4 + k] = (float) (3 + 5 * a[i] * u[k] + b * w[k] + 0.01 * random.nextGaussian());
            }
        }
        Pca pca = Pca.fit(x, n, 4, 2);
        assertThat(pca.size()).isEqualTo(2);
        assertThat(Math.abs(dot(pca.component(0), u))).isCloseTo(1.0, within(1e-3));
        assertThat(Math.abs(dot(pca.component(1), w))).isCloseTo(1.0, within(1e-3));
        // Sign convention: the largest-magnitude entry of each component is positive.
        for (int c = 0; c < 2; c++) {
            double[] v = pca.component(c);
            double largest = 0;
            for (double e : v) {
                largest = Math.abs(e) > Math.abs(largest) ? e : largest;
            }
            assertThat(largest).isPositive();
        }
        // The first coordinate is 5·(a − mean a) up to the component's sign and the noise.
        float[] p = pca.project(x, n);
        double sign = Math.signum(dot(pca.component(0), u));
        double meanA = java.util.Arrays.stream(a).average().orElseThrow();
        for (int i = 0; i < 50; i++) {
            assertThat((double) p[i * 2]).isCloseTo(sign * 5 * (a[i] - meanA), within(0.05));
        }
    }

    @Test
    void isDeterministic() {
        float[] x = new float[300 * 6];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        assertThat(Pca.fit(x, 300, 6, 3).project(x, 300)).containsExactly(Pca.fit(x, 300, 6, 3).project(x, 300));
    }

    private static double dot(double[] p, double[] q) {
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            s += p[k] * q[k];
        }
        return s;
    }
}
