package org.nlb.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BilinearTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void upsamplingARowInterpolatesBetweenPixelCentres() {
        // Output centres 0.5, 1.5, 2.5, 3.5 map to input -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
        assertThat(Bilinear.resize(bytes(0, 200), 1, 1, 2, 1, 4)).containsExactly(bytes(0, 50, 150, 200));
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        assertThat(Bilinear.resize(bytes(10, 20, 30, 41), 1, 2, 2, 1, 1)).containsExactly(bytes(25));
    }

    @Test
    void resizesEachChannelOnItsOwn() {
        byte[] twoPlanes = bytes(0, 100, 255, 255);
        assertThat(Bilinear.resize(twoPlanes, 2, 1, 2, 1, 1)).containsExactly(bytes(50, 255));
    }

    @Test
    void sameSizeIsTheIdentity() {
        byte[] src = bytes(1, 2, 3, 4, 5, 6);
        assertThat(Bilinear.resize(src, 1, 2, 3, 2, 3)).isSameAs(src);
    }

    @Test
    void valuesStayInRangeAndRoundHalfUp() {
        // 255 and 0 meet at 127.5, which rounds to 128.
        assertThat(Bilinear.resize(bytes(255, 0), 1, 1, 2, 1, 1)).containsExactly(bytes(128));
    }
}
