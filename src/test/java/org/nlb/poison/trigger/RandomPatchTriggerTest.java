package org.nlb.poison.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** patch-random: per-image positions from the seed and the item index, deterministic (DESIGN §3). */
class RandomPatchTriggerTest {
    private static final int[][] P = {{0, 0, 255}, {0, 255, 0}, {255, 0, 255}};

    @TempDir
    Path tmp;

    private static RandomPatchTrigger build(Long seed, Integer size, Path image, ImageShape shape) {
        return (RandomPatchTrigger) TriggerConfig.of(TriggerKind.PATCH_RANDOM, null, size, null, image, seed, null).buildFor(shape);
    }

    @Test
    void positionsArePinnedBySeedAndIndex() {
        ImageShape shape = new ImageShape(3, 32, 32);
        RandomPatchTrigger a = build(5L, null, null, shape);
        RandomPatchTrigger b = build(5L, null, null, shape);
        for (int i = 0; i < 200; i++) {
            assertThat(b.position(i)).isEqualTo(a.position(i));
        }
        // Pinned values: the formula in the class comment, so runs on other JVMs agree.
        assertThat(a.position(0)).containsExactly(expectedTop(5, 0, 30), expectedLeft(5, 0, 30));
        RandomPatchTrigger other = build(6L, null, null, shape);
        int differ = 0;
        for (int i = 0; i < 50; i++) {
            if (!java.util.Arrays.equals(other.position(i), a.position(i))) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(40);
    }

    private static int expectedTop(long seed, int i, int range) {
        return (int) Long.remainderUnsigned(RandomPatchTrigger.mix64(seed + 0x9E3779B97F4A7C15L * (2L * i + 1)), range);
    }

    private static int expectedLeft(long seed, int i, int range) {
        return (int) Long.remainderUnsigned(RandomPatchTrigger.mix64(seed + 0x9E3779B97F4A7C15L * (2L * i + 2)), range);
    }

    @Test
    void mix64IsSplitMix64() {
        // First output of SplitMix64 seeded with 0 (state advanced by the golden gamma once).
        assertThat(RandomPatchTrigger.mix64(0x9E3779B97F4A7C15L)).isEqualTo(0xE220A8397B1DCDAFL);
    }

    @Test
    void everyPositionInsideTheImageOccursAndNoneOutside() {
        RandomPatchTrigger t = build(null, null, null, new ImageShape(1, 5, 6));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            int[] p = t.position(i);
            assertThat(p[0]).isBetween(0, 2);
            assertThat(p[1]).isBetween(0, 3);
            seen.add(p[0] + "," + p[1]);
        }
        assertThat(seen).hasSize(12);
    }

    @Test
    void theCheckerboardLandsAtTheDrawnPositionAndNothingElseChanges() {
        ImageShape shape = new ImageShape(3, 16, 12);
        RandomPatchTrigger t = build(11L, null, null, shape);
        for (int item : new int[] {0, 1, 17, 4242}) {
            byte[] image = new byte[shape.bytes()];
            java.util.Arrays.fill(image, (byte) 100);
            byte[] out = t.applied(image, item);
            int[] at = t.position(item);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 12; x++) {
                        int dy = y - at[0];
                        int dx = x - at[1];
                        boolean inside = dy >= 0 && dy < 3 && dx >= 0 && dx < 3;
                        assertThat(out[shape.index(c, y, x)] & 0xFF).isEqualTo(inside ? P[dy][dx] : 100);
                    }
                }
            }
        }
    }

    @Test
    void anImagePatchIsResizedToSizeAndPasted() throws Exception {
        BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 10);
        grey.getRaster().setSample(1, 0, 0, 20);
        grey.getRaster().setSample(0, 1, 0, 30);
        grey.getRaster().setSample(1, 1, 0, 40);
        Path png = tmp.resolve("patch.png");
        ImageIO.write(grey, "png", png.toFile());
        ImageShape shape = new ImageShape(1, 8, 8);
        RandomPatchTrigger t = build(null, 2, png, shape);
        byte[] out = t.applied(new byte[64], 3);
        int[] at = t.position(3);
        assertThat(out[at[0] * 8 + at[1]]).isEqualTo((byte) 10);
        assertThat(out[at[0] * 8 + at[1] + 1]).isEqualTo((byte) 20);
        assertThat(out[(at[0] + 1) * 8 + at[1]]).isEqualTo((byte) 30);
        assertThat(out[(at[0] + 1) * 8 + at[1] + 1]).isEqualTo((byte) 40);
        int nonZero = 0;
        for (byte b : out) {
            nonZero += b != 0 ? 1 : 0;
        }
        assertThat(nonZero).isEqualTo(4);
    }
}
