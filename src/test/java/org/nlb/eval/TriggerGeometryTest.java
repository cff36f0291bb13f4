package org.nlb.eval;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nlb.artefact.GeometryValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@link TriggerGeometry} on hand-made feature matrices whose answers are known. */
class TriggerGeometryTest {
    private static Features rows(float[]... rows) {
        float[] data = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, i * rows[0].length, rows[0].length);
        }
        return new Features(data, rows.length, rows[0].length);
    }

    private static Features random(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] data = new float[n * d];
        for (int k = 0; k < data.length; k++) {
            data[k] = (float) rng.nextGaussian();
        }
        return new Features(data, n, d);
    }

    private static final Features DOWNSTREAM = rows(new float[] {1, 0, 0}, new float[] {0.8f, 0.6f, 0},
            new float[] {0, 0, 1}, new float[] {0, 1, 0});
    private static final int[] DOWNSTREAM_LABELS = {2, 2, 0, 1};

    @Test
    void aTriggerTheEncoderDoesNotSeeHasCosineOneAndNoPull() {
        Features test = random(40, 3, 1);
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        GeometryValues g = TriggerGeometry.of(test, test, DOWNSTREAM, DOWNSTREAM_LABELS, labels, 2);
        assertThat(g.triggerCosine()).isCloseTo(1, within(1e-12));
        assertThat(g.targetPull()).isCloseTo(0, within(1e-12));
        assertThat(g.triggeredSpread()).isCloseTo(g.cleanSpread(), within(1e-12));
    }

    @Test
    void triggeredFeaturesAtTheTargetDirectionArePulledAndCollapsed() {
        // μ_2 = normalised mean of (1,0,0) and (0.8,0.6,0) = (1.8,0.6,0)/|…| = (3,1,0)/√10
        double[] mu = {3 / Math.sqrt(10), 1 / Math.sqrt(10), 0};
        Features clean = rows(new float[] {0, 0, 2}, new float[] {0, 1, 0}, new float[] {1, 0, 0});
        float[] atMu = {(float) mu[0] * 5, (float) mu[1] * 5, 0}; // any length: only the direction counts
        Features triggered = rows(atMu, atMu, atMu);
        int[] labels = {0, 1, 2};
        GeometryValues g = TriggerGeometry.of(clean, triggered, DOWNSTREAM, DOWNSTREAM_LABELS, labels, 2);
        // non-target images 0 and 1: pull = (1 − 0) and (1 − 1/√10); the target-class image 2 is not counted
        assertThat(g.targetPull()).isCloseTo((2 - 1 / Math.sqrt(10)) / 2, within(1e-6)).isPositive();
        assertThat(g.triggeredSpread()).isCloseTo(1, within(1e-6));
        assertThat(g.cleanSpread()).isCloseTo(0, within(1e-12)); // three orthogonal rows
        assertThat(g.triggerCosine()).isCloseTo((0 + 1 / Math.sqrt(10) + 3 / Math.sqrt(10)) / 3, within(1e-6));
    }

    @Test
    void theSpreadIsTheMeanCosineOverAllPairsOfDistinctRows() {
        Features f = random(57, 5, 7);
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < f.rows(); i++) {
            for (int j = i + 1; j < f.rows(); j++) {
                float[] a = f.row(i);
                float[] b = f.row(j);
                double ab = 0;
                double aa = 0;
                double bb = 0;
                for (int k = 0; k < a.length; k++) {
                    ab += (double) a[k] * b[k];
                    aa += (double) a[k] * a[k];
                    bb += (double) b[k] * b[k];
                }
                sum += ab / Math.sqrt(aa * bb);
                pairs++;
            }
        }
        assertThat(TriggerGeometry.meanPairwiseCosine(f)).isCloseTo(sum / pairs, within(1e-12));
        assertThat(TriggerGeometry.meanPairwiseCosine(rows(new float[] {1, 0}, new float[] {-2, 0}))).isCloseTo(-1, within(1e-12));
        assertThat(TriggerGeometry.meanPairwiseCosine(rows(new float[] {1, 0}))).isNaN();
    }

    @Test
    void thePullIsUndefinedWithoutDownstreamImagesOfTheTargetOrTestImagesOutsideIt() {
        Features test = random(4, 3, 3);
        assertThat(TriggerGeometry.of(test, test, DOWNSTREAM, DOWNSTREAM_LABELS, new int[] {0, 1, 0, 1}, 5).targetPull()).isNaN();
        GeometryValues allTarget = TriggerGeometry.of(test, test, DOWNSTREAM, DOWNSTREAM_LABELS, new int[] {2, 2, 2, 2}, 2);
        assertThat(allTarget.targetPull()).isNaN();
        assertThat(allTarget.triggerCosine()).isCloseTo(1, within(1e-12));
        assertThatThrownBy(() -> TriggerGeometry.of(test, random(5, 3, 1), DOWNSTREAM, DOWNSTREAM_LABELS, new int[4], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
