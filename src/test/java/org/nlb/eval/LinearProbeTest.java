package org.nlb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
    private static final LinearProbe QUICK = new LinearProbe(30, 64, 0.1, 1e-4, FeatureScaling.CENTER, 0);

    @Test
    void separatesGaussianClustersOnUnseenRows() {
        Clusters train = Clusters.gaussian(600, 16, 5, 0.8, 1, 2).normalised();
        Clusters test = Clusters.gaussian(500, 16, 5, 0.8, 1, 3).normalised();
        LinearClassifier classifier = QUICK.fit(train.features, train.labels, 5);
        assertThat(classifier.dim()).isEqualTo(16);
        assertThat(classifier.classes()).isEqualTo(5);
        assertThat(BackdoorMetrics.accuracy(test.labels, classifier.predict(test.features))).isGreaterThan(0.95);
    }

    @Test
    void theSameSeedGivesTheSameClassifierAndAnotherSeedAnother() {
        Clusters train = Clusters.gaussian(300, 8, 3, 1.5, 1, 2);
        LinearClassifier a = QUICK.fit(train.features, train.labels, 3);
        LinearClassifier b = QUICK.fit(train.features, train.labels, 3);
        LinearClassifier c = QUICK.withSeed(1).fit(train.features, train.labels, 3);
        assertThat(b.weights()).containsExactly(a.weights());
        assertThat(b.bias()).containsExactly(a.bias());
        assertThat(c.weights()).isNotEqualTo(a.weights());
    }

    @Test
    void centringMakesTheProbeBlindToAConstantShiftOfTheFeatures() {
        Clusters train = Clusters.gaussian(300, 8, 3, 1.0, 1, 2);
        Clusters test = Clusters.gaussian(300, 8, 3, 1.0, 1, 3);
        float[] offset = new float[8];
        float[] one = new float[8];
        Arrays.fill(offset, 5f);
        Arrays.fill(one, 1f);
        LinearClassifier plain = QUICK.fit(train.features, train.labels, 3);
        LinearClassifier shifted = QUICK.fit(train.transformed(offset, one).features, train.labels, 3);
        assertThat(shifted.weights()).containsExactly(plain.weights(), within(1e-4f));
        assertThat(shifted.predict(test.transformed(offset, one).features)).containsExactly(plain.predict(test.features));
    }

    @Test
    void standardisingMakesItBlindToPerDimensionScalesButNoScalingIsNot() {
        Clusters train = Clusters.gaussian(300, 4, 3, 1.0, 1, 2);
        float[] offset = {1, -2, 0, 3};
        float[] factor = {10, 0.1f, 1, 3};
        LinearProbe standardise = QUICK.withScaling(FeatureScaling.STANDARDIZE);
        LinearClassifier plain = standardise.fit(train.features, train.labels, 3);
        LinearClassifier scaled = standardise.fit(train.transformed(offset, factor).features, train.labels, 3);
        assertThat(scaled.weights()).containsExactly(plain.weights(), within(1e-3f));

        LinearProbe none = QUICK.withScaling(FeatureScaling.NONE);
        assertThat(none.fit(train.transformed(offset, factor).features, train.labels, 3).weights())
                .isNotEqualTo(none.fit(train.features, train.labels, 3).weights());
    }

    @Test
    void logitsAreTheAffineMapOfTheScaledFeatures() {
        // d = 2, C = 2: W = [[1, 0], [0, 2]], b = [0.5, 0], shift = [1, 0], scale = [1, 0.5].
        LinearClassifier c = new LinearClassifier(new float[] {1, 0, 0, 2}, new float[] {0.5f, 0},
                new float[] {1, 0}, new float[] {1, 0.5f});
        Features x = new Features(new float[] {3, 2, 1, 4}, 2, 2);
        // Row 0: scaled (2, 1) → logits (2.5, 2); row 1: scaled (0, 2) → (0.5, 4).
        assertThat(c.logits(x)).containsExactly(2.5f, 2f, 0.5f, 4f);
        assertThat(c.predict(x)).containsExactly(0, 1);
    }

    @Test
    void aTieGoesToTheLowestClass() {
        LinearClassifier c = new LinearClassifier(new float[] {0, 0, 0}, new float[] {1, 1, 1}, new float[1], new float[] {1});
        assertThat(c.predict(new Features(new float[] {7}, 1, 1))).containsExactly(0);
    }

    @Test
    void refusesLabelsThatDoNotFit() {
        Features x = new Features(new float[6], 3, 2);
        assertThatThrownBy(() -> QUICK.fit(x, new int[] {0, 1}, 2)).hasMessageContaining("2 labels for 3");
        assertThatThrownBy(() -> QUICK.fit(x, new int[] {0, 1, 2}, 2)).hasMessageContaining("label 2 is outside 0..1");
    }
}
