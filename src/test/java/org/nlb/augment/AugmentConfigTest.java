package org.nlb.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AugmentConfigTest {
    @Test
    void referencePresetIsSoloLearnsAsymmetricCifarRecipe() {
        AugmentConfig ref = AugmentConfig.cifarReference();
        for (AugmentConfig.View v : new AugmentConfig.View[] {ref.view1(), ref.view2()}) {
            assertThat(v.crop()).isEqualTo(new AugmentConfig.Crop(0.08, 1.0, 0.75, 4.0 / 3.0));
            assertThat(v.flip()).isEqualTo(0.5);
            assertThat(v.jitter()).isEqualTo(new AugmentConfig.Jitter(0.8, 0.4, 0.4, 0.2, 0.1));
            assertThat(v.grayscale()).isEqualTo(0.2);
        }
        assertThat(ref.view1().solarize()).isEqualTo(0.0);
        assertThat(ref.view2().solarize()).isEqualTo(0.2);
        assertThat(ref.outputHeight()).isZero();
        assertThat(ref.normalization()).isNull();
    }

    @Test
    void cpuPresetDiffersOnlyInItsMilderCrop() {
        AugmentConfig ref = AugmentConfig.cifarReference();
        AugmentConfig cpu = AugmentConfig.cpuScale();
        assertThat(cpu.view1().crop().minScale()).isEqualTo(0.2);
        assertThat(cpu.view2().crop().minScale()).isEqualTo(0.2);
        assertThat(cpu.view1().withCrop(AugmentConfig.REFERENCE_CROP)).isEqualTo(ref.view1());
        assertThat(cpu.view2().withCrop(AugmentConfig.REFERENCE_CROP)).isEqualTo(ref.view2());
        assertThat(AugmentPreset.cpu.config()).isEqualTo(cpu);
        assertThat(AugmentPreset.reference.config()).isEqualTo(ref);
    }

    @Test
    void rejectsSettingsOutsideTheirRanges() {
        assertThatThrownBy(() -> new AugmentConfig.Crop(0, 1, 0.75, 1.33)).hasMessageContaining("crop scale");
        assertThatThrownBy(() -> new AugmentConfig.Crop(0.5, 0.4, 0.75, 1.33)).hasMessageContaining("crop scale");
        assertThatThrownBy(() -> new AugmentConfig.Crop(0.5, 1.1, 0.75, 1.33)).hasMessageContaining("crop scale");
        assertThatThrownBy(() -> new AugmentConfig.Crop(0.5, 1, 2, 1)).hasMessageContaining("crop ratio");
        assertThatThrownBy(() -> new AugmentConfig.Jitter(1.2, 0.4, 0.4, 0.2, 0.1)).hasMessageContaining("probability");
        assertThatThrownBy(() -> new AugmentConfig.Jitter(0.8, -1, 0.4, 0.2, 0.1)).hasMessageContaining("brightness");
        assertThatThrownBy(() -> new AugmentConfig.Jitter(0.8, 0.4, 0.4, 0.2, 0.6)).hasMessageContaining("hue");
        assertThatThrownBy(() -> AugmentConfig.NONE.withSolarize(Double.NaN)).hasMessageContaining("solarisation");
        assertThatThrownBy(() -> AugmentConfig.cpuScale().withOutputSize(32, 0)).hasMessageContaining("output size");
        assertThatThrownBy(() -> new Normalization(new float[] {0.5f}, new float[] {0f})).hasMessageContaining("std");
        assertThatThrownBy(() -> new Normalization(new float[] {0.5f}, new float[] {1f, 1f}))
                .hasMessageContaining("one mean and one std per channel");
    }
}
