package org.nlb.poison.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The blending and rounding rule shared by all triggers. */
class PixelBlendTest {
    @Test
    void exactTiesRoundHalfUp() {
        assertThat(PixelBlend.blend(1, 0, 0.5)).isEqualTo(1);     // 0.5 → 1
        assertThat(PixelBlend.blend(0, 1, 0.5)).isEqualTo(1);     // 0.5 → 1
        assertThat(PixelBlend.blend(4, 1, 0.5)).isEqualTo(3);     // 2.5 → 3
        assertThat(PixelBlend.blend(254, 255, 0.5)).isEqualTo(255);
    }

    @Test
    void decimalTiesRoundUpDespiteFloatingPointNoise() {
        // 0.99 · 12 + 0.01 · 62 is 12.499999999999998 in double; in decimals it is 12.5, which rounds to 13.
        assertThat((1 - 0.01) * 12 + 0.01 * 62).isLessThan(12.5);
        assertThat(PixelBlend.blend(12, 62, 0.01)).isEqualTo(13);
        assertThat(PixelBlend.blend(82, 232, 0.01)).isEqualTo(84);   // 83.5 → 84
        assertThat(PixelBlend.blend(5, 0, 0.1)).isEqualTo(5);     // 4.5 → 5
    }

    @Test
    void nonTiesRoundToTheNearestValue() {
        assertThat(PixelBlend.blend(100, 255, 0.1)).isEqualTo(116);   // 90 + 25.5 = 115.5 → 116
        assertThat(PixelBlend.blend(100, 0, 0.1)).isEqualTo(90);
        assertThat(PixelBlend.blend(37, 255, 0.2)).isEqualTo(81);     // 29.6 + 51 = 80.6 → 81
        assertThat(PixelBlend.blend(200, 13, 0.25)).isEqualTo(153);   // 150 + 3.25 = 153.25 → 153
    }

    @Test
    void alphaOneReplacesAndResultsStayInRange() {
        assertThat(PixelBlend.blend(17, 255, 1.0)).isEqualTo(255);
        assertThat(PixelBlend.blend(17, 0, 1.0)).isEqualTo(0);
        assertThat(PixelBlend.blend(255, 255, 0.9999999)).isEqualTo(255);
        assertThat(PixelBlend.blend(0, 0, 0.5)).isZero();
    }
}
