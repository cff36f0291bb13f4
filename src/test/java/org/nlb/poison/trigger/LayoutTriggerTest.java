package org.nlb.poison.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nlb.data.ImageSet;
import org.nlb.io.BadInputException;
import org.nlb.poison.SyntheticImages;

/** layout-patch: the CorruptEncoder-style layout when poisoning, the plain patch at test time. */
class LayoutTriggerTest {
    private static final int[][] P = TriggerPatterns.CHECKERBOARD;

    private static LayoutTrigger build(ImageShape shape, Double alpha, Integer size, Long seed, Double scale) {
        return (LayoutTrigger) TriggerConfig.of(TriggerKind.LAYOUT_PATCH, alpha, size, null, null, seed, scale)
                .buildFor(shape);
    }

    /** First item index in 0… whose object the trigger puts on the given side. */
    private static int itemWithObjectOnRight(LayoutTrigger t, boolean right) {
        for (int i = 0; ; i++) {
            if (t.objectOnRight(i) == right) {
                return i;
            }
        }
    }

    /** An 8×8 grey image with p(y, x) = 8y + x + 100: 2×2 block means are 16i + 2j + 104.5 (a tie, rounded up). */
    private static byte[] ramp8() {
        byte[] image = new byte[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image[y * 8 + x] = (byte) (8 * y + x + 100);
            }
        }
        return image;
    }

    @Test
    void eightByEightAtHalfScaleIsPixelExactOnBothSides() {
        ImageShape shape = new ImageShape(1, 8, 8);
        LayoutTrigger t = build(shape, null, null, null, 0.5);
        assertThat(t.config().size()).as("default side max(3, round(0.2·8))").isEqualTo(3);
        for (boolean right : new boolean[] {false, true}) {
            int item = itemWithObjectOnRight(t, right);
            byte[] out = t.applied(ramp8(), item);
            // object 4×4 at rows 2..5, cols 0..3 (left) or 4..7 (right); patch 3×3 at row 2,
            // col 4 + (4−3)/2 = 4 (object left) or 0 (object right); all else black
            int objectLeft = right ? 4 : 0;
            int patchLeft = right ? 0 : 4;
            int[] expected = new int[64];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    expected[(2 + i) * 8 + objectLeft + j] = 16 * i + 2 * j + 105;
                }
            }
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    expected[(2 + r) * 8 + patchLeft + c] = P[r][c];
                }
            }
            for (int k = 0; k < 64; k++) {
                assertThat(out[k] & 0xFF).as("object on the %s, pixel (%d, %d)", right ? "right" : "left", k / 8, k % 8)
                        .isEqualTo(expected[k]);
            }
        }
    }

    @Test
    void fractionalScalesAverageOverExactBoxes() {
        // 10 columns into 6: boxes of 5/3 pixels. With p(x) = 20x the means are, by hand,
        // [0·1 + 20·2/3] / (5/3) = 8, [20/3 + 40 + 60/3] / (5/3) = 40, then 72, 108, 140, 172.
        ImageShape shape = new ImageShape(1, 10, 10);
        byte[] image = new byte[100];
        for (int k = 0; k < 100; k++) {
            image[k] = (byte) (20 * (k % 10));
        }
        LayoutTrigger t = build(shape, null, null, null, 0.6);
        int item = itemWithObjectOnRight(t, false);
        byte[] out = t.applied(image, item);
        int[] row = {8, 40, 72, 108, 140, 172};
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 6; x++) {
                int expected = y >= 2 && y < 8 ? row[x] : 0; // object rows (10−6)/2 = 2 … 7
                assertThat(out[y * 10 + x] & 0xFF).as("(%d, %d)", y, x).isEqualTo(expected);
            }
        }
        // the patch: side max(3, round(2)) = 3, row (10−3)/2 = 3, col 6 + (4−3)/2 = 6
        for (int y = 0; y < 10; y++) {
            for (int x = 6; x < 10; x++) {
                boolean inPatch = y >= 3 && y < 6 && x < 9;
                assertThat(out[y * 10 + x] & 0xFF).as("(%d, %d)", y, x).isEqualTo(inPatch ? P[y - 3][x - 6] : 0);
            }
        }
    }

    @Test
    void everyChannelIsTheBoxMeanOfItsOwnPixels() {
        // 3 channels, random pixels, 10×10 at 0.6: compare with a naive box integral in doubles
        ImageShape shape = new ImageShape(3, 10, 10);
        ImageSet set = SyntheticImages.random(1, 3, 10, 10, 7);
        LayoutTrigger t = build(shape, null, null, null, 0.6);
        int item = itemWithObjectOnRight(t, true);
        byte[] out = t.applied(set.image(0), item);
        byte[] src = set.image(0);
        double box = 10 / 6.0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    double sum = 0;
                    for (int y = 0; y < 10; y++) {
                        for (int x = 0; x < 10; x++) {
                            double wy = Math.max(0, Math.min(y + 1, (i + 1) * box) - Math.max(y, i * box));
                            double wx = Math.max(0, Math.min(x + 1, (j + 1) * box) - Math.max(x, j * box));
                            sum += wy * wx * (src[(c * 10 + y) * 10 + x] & 0xFF);
                        }
                    }
                    int expected = (int) Math.floor(sum / (box * box) + 0.5 + 1e-9);
                    assertThat(out[(c * 10 + 2 + i) * 10 + 4 + j] & 0xFF).as("channel %d (%d, %d)", c, i, j)
                            .isEqualTo(expected);
                }
            }
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 4; x++) {
                    boolean inPatch = y >= 3 && y < 6 && x < 3; // empty part cols 0..3, patch at col (4−3)/2 = 0
                    assertThat(out[(c * 10 + y) * 10 + x] & 0xFF).isEqualTo(inPatch ? P[y - 3][x] : 0);
                }
            }
        }
    }

    @Test
    void alphaBlendsThePatchIntoTheBlackCanvas() {
        LayoutTrigger t = build(new ImageShape(1, 8, 8), 0.5, null, null, 0.5);
        int item = itemWithObjectOnRight(t, false);
        byte[] out = t.applied(ramp8(), item);
        assertThat(out[2 * 8 + 6] & 0xFF).as("255 half into 0, rounded half up").isEqualTo(128);
        assertThat(out[2 * 8 + 4] & 0xFF).isZero();
    }

    @Test
    void theSideIsASeededBitOfTheItemIndexAndBothSidesOccur() {
        ImageShape shape = new ImageShape(1, 10, 10);
        LayoutTrigger a = build(shape, null, null, 4L, null);
        LayoutTrigger b = build(shape, null, null, 4L, null);
        LayoutTrigger other = build(shape, null, null, 5L, null);
        int right = 0;
        int differ = 0;
        for (int i = 0; i < 200; i++) {
            assertThat(b.objectOnRight(i)).isEqualTo(a.objectOnRight(i));
            boolean pinned = (RandomPatchTrigger.mix64(4 + 0x9E3779B97F4A7C15L * (i + 1L)) & 1) == 1;
            assertThat(a.objectOnRight(i)).as("item %d: bit 0 of mix64(seed + φ(i+1))", i).isEqualTo(pinned);
            right += a.objectOnRight(i) ? 1 : 0;
            differ += a.objectOnRight(i) != other.objectOnRight(i) ? 1 : 0;
        }
        assertThat(right).isBetween(70, 130);
        assertThat(differ).isBetween(70, 130);
        // and the pixels follow the bit: the object's columns are where the bit says
        byte[] white = new byte[100];
        java.util.Arrays.fill(white, (byte) 200);
        for (int i = 0; i < 20; i++) {
            byte[] out = a.applied(white, i);
            assertThat(out[5 * 10 + (a.objectOnRight(i) ? 9 : 0)] & 0xFF).as("item %d", i).isEqualTo(200);
        }
    }

    @Test
    void poisoningASetLeavesTheSourceAndOtherImagesUnchanged() {
        ImageSet set = SyntheticImages.random(6, 3, 10, 10, 11);
        byte[] before = set.pixels().clone();
        Trigger t = TriggerConfig.of(TriggerKind.LAYOUT_PATCH).buildFor(ImageShape.of(set));
        ImageSet out = TriggeredImages.at(set, new int[] {1, 4}, t);
        assertThat(set.pixels()).isEqualTo(before);
        for (int i = 0; i < 6; i++) {
            byte[] expected = i == 1 || i == 4 ? t.applied(set.image(i), i) : set.image(i);
            assertThat(out.image(i)).as("image %d", i).isEqualTo(expected);
        }
        assertThat(out.image(1)).isNotEqualTo(set.image(1));
    }

    @Test
    void theTestTimeTriggerIsThePlainPatchWhereTheEmptyRightPartWouldBe() {
        // 28×28 at 0.6: object 17 wide, side round(5.6) = 6; row centre 14 → top 11,
        // column centre 17 + 11/2 → left 17 + (11 − 6)/2 = 19
        ImageShape shape = new ImageShape(1, 28, 28);
        LayoutTrigger t = build(shape, null, null, null, null);
        assertThat(t.config().size()).isEqualTo(6);
        Trigger test = t.testTime();
        assertThat(test).isNotSameAs(t);
        assertThat(test.testTime()).isSameAs(test);
        assertThat(test.config()).isEqualTo(t.config());
        byte[] image = SyntheticImages.random(1, 1, 28, 28, 3).image(0);
        for (int item : new int[] {0, 1, 2, 3}) {
            byte[] out = test.applied(image, item);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    boolean inPatch = y >= 11 && y < 17 && x >= 19 && x < 25;
                    int expected = inPatch ? P[(y - 11) % 3][(x - 19) % 3] : image[y * 28 + x] & 0xFF;
                    assertThat(out[y * 28 + x] & 0xFF).as("item %d (%d, %d)", item, y, x).isEqualTo(expected);
                }
            }
        }
        // the same place as the layout's patch when the object is on the left
        byte[] layout = t.applied(image, itemWithObjectOnRight(t, false));
        byte[] plain = test.applied(new byte[28 * 28], 0);
        for (int y = 0; y < 28; y++) {
            for (int x = 17; x < 28; x++) {
                assertThat(layout[y * 28 + x]).isEqualTo(plain[y * 28 + x]);
            }
        }
    }

    @Test
    void theTestTimeTriggerKeepsSizeAndAlphaInEveryChannel() {
        LayoutTrigger t = build(new ImageShape(3, 10, 10), 0.5, 4, null, 0.6);
        byte[] black = new byte[300];
        byte[] out = t.testTime().applied(black, 0);
        // side 4 fits the 4 empty columns: top (10−4)/2 = 3, left 6 + 0 = 6
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 10; x++) {
                    boolean inPatch = y >= 3 && y < 7 && x >= 6;
                    int expected = inPatch ? (P[(y - 3) % 3][(x - 6) % 3] == 255 ? 128 : 0) : 0;
                    assertThat(out[(c * 10 + y) * 10 + x] & 0xFF).as("c%d (%d, %d)", c, y, x).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aPatchThatDoesNotFitBesideTheObjectIsRefused() {
        assertThatThrownBy(() -> build(new ImageShape(1, 8, 8), null, 5, null, 0.5))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--size: a 5x5 patch does not fit the 4 column(s) beside the object")
                .hasMessageContaining("shrinks 8x8 images to 4x4");
        // the default side 6 does not fit the 3 columns 28×28 at 0.9 leaves
        assertThatThrownBy(() -> build(new ImageShape(1, 28, 28), null, null, null, 0.9))
                .hasMessageContaining("a 6x6 patch does not fit the 3 column(s)");
        assertThat(build(new ImageShape(1, 28, 28), null, 3, null, 0.9).config().size()).isEqualTo(3);
    }

    @Test
    void otherKindsAreTheirOwnTestTimeTrigger() {
        for (TriggerKind k : TriggerKind.values()) {
            if (k == TriggerKind.LAYOUT_PATCH || k == TriggerKind.BLEND_IMAGE) {
                continue;
            }
            Trigger t = TriggerConfig.of(k).buildFor(new ImageShape(1, 8, 8));
            assertThat(t.testTime()).as(k.id()).isSameAs(t);
        }
    }
}
