package org.nlb.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nlb.data.ImageSet;

class PlainTransformTest {
    @Test
    void atInputSizeItOnlyNormalises() {
        ImageSet set = TestImages.random(5, 1, 7, 9, 31);
        Normalization norm = Normalization.uniform(1, 0.5f, 0.5f);
        PlainTransform plain = PlainTransform.forData(set, AugmentConfig.cpuScale().withNormalization(norm));
        float[] out = plain.batch(set, 2, 5);
        assertThat(out).hasSize(3 * 63);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 63; k++) {
                float expected = ((set.pixels()[(2 + i) * 63 + k] & 0xFF) / 255f - 0.5f) / 0.5f;
                assertThat(out[i * 63 + k]).isCloseTo(expected, within(1e-6f));
            }
        }
    }

    @Test
    void resizesToTheOutputSizeAndKeepsAConstantImageConstant() {
        ImageSet set = TestImages.constant(2, 3, 28, 28, 100);
        Normalization norm = Normalization.uniform(3, 0f, 1f);
        PlainTransform plain = PlainTransform.forData(set,
                AugmentConfig.cpuScale().withOutputSize(32, 16).withNormalization(norm));
        float[] out = plain.batch(set, 0, 2);
        assertThat(out).hasSize(2 * 3 * 32 * 16);
        for (float f : out) {
            assertThat(f).isCloseTo(100f / 255f, within(1e-6f));
        }
    }

    @Test
    void refusesAWrongChannelCountAndBadRanges() {
        ImageSet set = TestImages.random(3, 3, 4, 4, 32);
        PlainTransform gray = new PlainTransform(1, 4, 4, Normalization.uniform(1, 0, 1));
        assertThatThrownBy(() -> gray.batch(set, 0, 1)).hasMessageContaining("1 channels");
        PlainTransform rgb = PlainTransform.forData(set, AugmentConfig.cpuScale());
        assertThatThrownBy(() -> rgb.batch(set, 2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
