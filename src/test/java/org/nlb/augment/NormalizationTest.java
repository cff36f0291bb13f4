package org.nlb.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nlb.data.ImageSet;

class NormalizationTest {
    @Test
    void constantImageMapsToItsNormalisedValueInEveryView() {
        ImageSet set = TestImages.constant(4, 3, 8, 8, 200);
        Normalization norm = new Normalization(new float[] {0.5f, 0.4f, 0.3f}, new float[] {0.25f, 0.2f, 0.1f});
        TwoViewAugmenter aug = TwoViewAugmenter.forData(set, AugmentConfig.cifarReference().withNormalization(norm)
                .withViews(AugmentConfig.NONE, AugmentConfig.NONE.withSolarize(1.0)));
        float[] v1 = new float[aug.floatsPerImage()];
        float[] v2 = new float[aug.floatsPerImage()];
        aug.augment(set, 2, 1, 0, aug.newScratch(), v1, v2, 0);
        float[] mean = {0.5f, 0.4f, 0.3f};
        float[] std = {0.25f, 0.2f, 0.1f};
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 64; k++) {
                assertThat(v1[c * 64 + k]).isCloseTo((200f / 255f - mean[c]) / std[c], within(1e-5f));
                // view 2 solarises 200 into 55
                assertThat(v2[c * 64 + k]).isCloseTo((55f / 255f - mean[c]) / std[c], within(1e-5f));
            }
        }
    }

    @Test
    void statisticsOfTheDataSetNormaliseItToZeroMeanUnitStd() {
        ImageSet set = TestImages.random(50, 3, 6, 5, 21);
        Normalization norm = Normalization.of(set);
        float[] out = PlainTransform.forData(set, AugmentConfig.cpuScale()).batch(set, 0, set.size());
        int plane = 30;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int i = 0; i < 50; i++) {
                for (int k = 0; k < plane; k++) {
                    double v = out[(i * 3 + c) * plane + k];
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
            double m = sum / n;
            assertThat(m).isCloseTo(0, within(1e-4));
            assertThat(Math.sqrt(sq / n - m * m)).isCloseTo(1, within(1e-4));
            assertThat(norm.mean()[c]).isCloseTo(127.5f / 255f, within(0.05f));
        }
    }

    @Test
    void aConstantDataSetGetsStdOneInsteadOfDividingByZero() {
        ImageSet set = TestImages.constant(3, 1, 4, 4, 77);
        Normalization norm = Normalization.of(set);
        assertThat(norm.mean()[0]).isCloseTo(77f / 255f, within(1e-7f));
        assertThat(norm.std()).containsExactly(1f);
        float[] out = PlainTransform.forData(set, AugmentConfig.cpuScale()).batch(set, 0, 3);
        for (float f : out) {
            assertThat(f).isCloseTo(0f, within(1e-7f));
        }
    }

    @Test
    void denormaliseInvertsNormaliseOnBytes() {
        ImageSet set = TestImages.random(2, 3, 4, 4, 22);
        PlainTransform plain = PlainTransform.forData(set, AugmentConfig.cpuScale());
        float[] out = plain.batch(set, 1, 2);
        assertThat(plain.normalization().denormalize(out, 0, 3, 16)).containsExactly(set.image(1));
    }
}
