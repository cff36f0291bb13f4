package org.nlb.poison.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.TriggerConfig.Position;

/** Exact pixels of checkerboard-center, -corner and -4corner (DESIGN §3). */
class CheckerboardPatchTest {
    private static final int[][] P = {{0, 0, 255}, {0, 255, 0}, {255, 0, 255}};
    private static final int[][] MIRRORED = {{255, 0, 0}, {0, 255, 0}, {255, 0, 255}};
    private static final int GREY = 100;

    /** A C×H×W image of constant grey, triggered. */
    private static byte[] triggered(TriggerConfig config, int c, int h, int w) {
        byte[] image = new byte[c * h * w];
        java.util.Arrays.fill(image, (byte) GREY);
        return config.buildFor(new ImageShape(c, h, w)).applied(image, 0);
    }

    /** Asserts the patch {@code p} at (top, left) in every channel and grey everywhere else. */
    private static void assertPatches(byte[] image, int c, int h, int w, int[][] tops, int[][][] patches) {
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int expected = GREY;
                    for (int k = 0; k < tops.length; k++) {
                        int dy = y - tops[k][0];
                        int dx = x - tops[k][1];
                        if (dy >= 0 && dy < 3 && dx >= 0 && dx < 3) {
                            expected = patches[k][dy][dx];
                        }
                    }
                    assertThat(image[(ch * h + y) * w + x] & 0xFF)
                            .as("channel %d row %d col %d", ch, y, x).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channel(s): rows/cols {3}..{3}+2")
    @CsvSource({"32, 32, 1, 14", "32, 32, 3, 14", "28, 28, 1, 12", "28, 28, 3, 12"})
    void centrePatchLandsOnTheSpecifiedRowsAndColumns(int h, int w, int c, int top) {
        byte[] image = triggered(TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER), c, h, w);
        assertPatches(image, c, h, w, new int[][] {{top, top}}, new int[][][] {P});
    }

    @Test
    void centreOfANonSquareImageUsesHalfOfEachSide() {
        // c = (H/2 − 1, W/2 − 1) = (4, 9) for 10×20: rows 3–5, cols 8–10.
        byte[] image = triggered(TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER), 1, 10, 20);
        assertPatches(image, 1, 10, 20, new int[][] {{3, 8}}, new int[][][] {P});
    }

    @Test
    void cornerPatchIsCentredAtHeightMinusTwo() {
        byte[] image = triggered(TriggerConfig.of(TriggerKind.CHECKERBOARD_CORNER), 3, 32, 32);
        assertPatches(image, 3, 32, 32, new int[][] {{29, 29}}, new int[][][] {P});
        byte[] small = triggered(TriggerConfig.of(TriggerKind.CHECKERBOARD_CORNER), 1, 28, 20);
        assertPatches(small, 1, 28, 20, new int[][] {{25, 17}}, new int[][][] {P});
    }

    @Test
    void fourCornersAreFlushWithTheLeftOnesMirrored() {
        byte[] image = triggered(TriggerConfig.of(TriggerKind.CHECKERBOARD_4CORNER), 1, 32, 32);
        assertPatches(image, 1, 32, 32, new int[][] {{0, 0}, {0, 29}, {29, 0}, {29, 29}},
                new int[][][] {MIRRORED, P, MIRRORED, P});
        byte[] colour = triggered(TriggerConfig.of(TriggerKind.CHECKERBOARD_4CORNER), 3, 28, 28);
        assertPatches(colour, 3, 28, 28, new int[][] {{0, 0}, {0, 25}, {25, 0}, {25, 25}},
                new int[][][] {MIRRORED, P, MIRRORED, P});
    }

    @Test
    void positionMovesThePatchsTopLeftCell() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER, null, null, new Position(2, 5), null, null, null);
        byte[] image = triggered(config, 1, 32, 32);
        assertPatches(image, 1, 32, 32, new int[][] {{2, 5}}, new int[][][] {P});
    }

    @Test
    void largerPatchTilesTheCheckerboardAroundTheCentre() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER, null, 5, null, null, null, null);
        byte[] image = triggered(config, 1, 32, 32);
        // top = c − (s−1)/2 = 15 − 2 = 13; cell (r, c) = P[r mod 3][c mod 3].
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean inside = y >= 13 && y < 18 && x >= 13 && x < 18;
                int expected = inside ? P[(y - 13) % 3][(x - 13) % 3] : GREY;
                assertThat(image[y * 32 + x] & 0xFF).as("row %d col %d", y, x).isEqualTo(expected);
            }
        }
    }

    @Test
    void alphaBelowOneBlendsThePatch() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER, 0.5, null, null, null, null, null);
        byte[] image = triggered(config, 1, 32, 32);
        assertThat(image[14 * 32 + 14] & 0xFF).isEqualTo(50);    // 0.5·100 + 0.5·0
        assertThat(image[14 * 32 + 16] & 0xFF).isEqualTo(178);   // 0.5·100 + 0.5·255 = 177.5 → 178
        assertThat(image[0] & 0xFF).isEqualTo(GREY);
    }

    @Test
    void aPatchThatFitsOnlyJustIsMovedInsideATinyImage() {
        byte[] image = triggered(TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER), 1, 3, 3);
        assertPatches(image, 1, 3, 3, new int[][] {{0, 0}}, new int[][][] {P});
    }

    @Test
    void aPatchLargerThanTheImageIsRefused() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_CORNER, null, 9, null, null, null, null);
        assertThatThrownBy(() -> config.buildFor(new ImageShape(1, 8, 32)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--size").hasMessageContaining("9x9").hasMessageContaining("8x32");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.CHECKERBOARD_4CORNER).buildFor(new ImageShape(3, 2, 2)))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void aPositionThatPushesThePatchOffTheImageIsRefused() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER, null, null, new Position(30, 0), null, null, null);
        assertThatThrownBy(() -> config.buildFor(new ImageShape(1, 32, 32)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--position").hasMessageContaining("row 30");
    }
}
