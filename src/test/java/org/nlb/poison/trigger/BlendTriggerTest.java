package org.nlb.poison.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.io.BadInputException;

/** checkerboard-full, blend-noise and blend-image: blended values computed by hand (DESIGN §3). */
class BlendTriggerTest {
    @TempDir
    Path tmp;

    private static byte[] grey(int c, int h, int w, int value) {
        byte[] image = new byte[c * h * w];
        java.util.Arrays.fill(image, (byte) value);
        return image;
    }

    @Test
    void fullCheckerboardBlendsTenPercentByDefault() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_FULL);
        assertThat(config.alpha()).isEqualTo(0.1);
        byte[] image = grey(3, 4, 6, 100);
        image[(2 * 4 + 3) * 6 + 5] = (byte) 37;   // channel 2, row 3, col 5: i+j even → P = 0
        image[(1 * 4 + 0) * 6 + 1] = (byte) 250;  // channel 1, row 0, col 1: i+j odd → P = 255
        byte[] out = config.buildFor(new ImageShape(3, 4, 6)).applied(image, 0);
        assertThat(out[0] & 0xFF).isEqualTo(90);                       // 0.9·100 + 0.1·0
        assertThat(out[1] & 0xFF).isEqualTo(116);                      // 0.9·100 + 0.1·255 = 115.5 → 116
        assertThat(out[(2 * 4 + 3) * 6 + 5] & 0xFF).isEqualTo(33);     // 33.3 → 33
        assertThat(out[(1 * 4 + 0) * 6 + 1] & 0xFF).isEqualTo(251);    // 225 + 25.5 = 250.5 → 251
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 6; j++) {
                    int x = image[(c * 4 + i) * 6 + j] & 0xFF;
                    int expected = (int) Math.floor(0.9 * x + 0.1 * 255 * ((i + j) % 2) + 0.5 + 1e-9);
                    assertThat(out[(c * 4 + i) * 6 + j] & 0xFF).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void fullCheckerboardWithAGivenAlpha() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_FULL, 0.5, null, null, null, null, null);
        byte[] out = config.buildFor(new ImageShape(1, 2, 2)).applied(new byte[] {10, 10, 10, 10}, 0);
        assertThat(out).containsExactly(5, (byte) 133, (byte) 133, 5);  // 5 and 132.5 → 133
    }

    @Test
    void noiseImageIsFixedBySeedAndHasTheStatedMeanAndSpread() {
        ImageShape shape = new ImageShape(3, 64, 64);
        byte[] a = TriggerPatterns.gaussianNoise(shape, 7);
        assertThat(TriggerPatterns.gaussianNoise(shape, 7)).isEqualTo(a);
        assertThat(TriggerPatterns.gaussianNoise(shape, 8)).isNotEqualTo(a);
        // java.util.Random(0).nextGaussian() is 0.8025330637390305 by Java's specification: 128 + 64·0.80 → 179.
        assertThat(TriggerPatterns.gaussianNoise(new ImageShape(1, 1, 1), 0)[0] & 0xFF).isEqualTo(179);
        double mean = 0;
        for (byte b : a) {
            mean += b & 0xFF;
        }
        mean /= a.length;
        double var = 0;
        for (byte b : a) {
            var += ((b & 0xFF) - mean) * ((b & 0xFF) - mean);
        }
        double std = Math.sqrt(var / a.length);
        assertThat(mean).isBetween(126.0, 130.0);
        assertThat(std).isBetween(58.0, 66.0);   // 64, a little less after clamping at 0 and 255
    }

    @Test
    void blendNoiseBlendsThatImage() {
        TriggerConfig config = TriggerConfig.of(TriggerKind.BLEND_NOISE, 0.2, null, null, null, 3L, null);
        ImageShape shape = new ImageShape(1, 5, 5);
        Trigger trigger = config.buildFor(shape);
        byte[] noise = TriggerPatterns.gaussianNoise(shape, 3);
        byte[] out = trigger.applied(grey(1, 5, 5, 60), 0);
        for (int i = 0; i < out.length; i++) {
            double v = 0.8 * 60 + 0.2 * (noise[i] & 0xFF);
            assertThat(out[i] & 0xFF).isEqualTo((int) Math.floor(v + 0.5 + 1e-9));
        }
        assertThat(config.buildFor(shape).applied(grey(1, 5, 5, 60), 99)).isEqualTo(out);
    }

    @Test
    void blendImageOfTheSameSizeBlendsItsPixels() throws Exception {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, (255 << 16) | (0 << 8) | 10);      // red-ish
        rgb.setRGB(1, 0, (20 << 16) | (200 << 8) | 100);
        Path png = tmp.resolve("t.png");
        ImageIO.write(rgb, "png", png.toFile());
        TriggerConfig config = TriggerConfig.of(TriggerKind.BLEND_IMAGE, 0.5, null, null, png, null, null);
        byte[] colour = config.buildFor(new ImageShape(3, 1, 2)).applied(grey(3, 1, 2, 100), 0);
        // C×H×W: R plane (255, 20), G plane (0, 200), B plane (10, 100), each blended 50/50 with 100.
        assertThat(colour).containsExactly((byte) 178, 60, 50, (byte) 150, 55, 100);
        byte[] mono = config.buildFor(new ImageShape(1, 1, 2)).applied(grey(1, 1, 2, 100), 0);
        // luma: (299·255 + 114·10 + 500)/1000 = 77; (299·20 + 587·200 + 114·100 + 500)/1000 = 135.
        assertThat(mono).containsExactly((byte) 89, (byte) 118);  // 88.5 → 89, 117.5 → 118
    }

    @Test
    void blendImageIsResizedBilinearly() throws Exception {
        BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 0);
        grey.getRaster().setSample(1, 0, 0, 100);
        grey.getRaster().setSample(0, 1, 0, 200);
        grey.getRaster().setSample(1, 1, 0, 40);
        Path png = tmp.resolve("grey.png");
        ImageIO.write(grey, "png", png.toFile());
        TriggerConfig config = TriggerConfig.of(TriggerKind.BLEND_IMAGE, 1.0, null, null, png, null, null);
        byte[] out = config.buildFor(new ImageShape(1, 4, 4)).applied(new byte[16], 0);
        int[] rows = new int[16];
        for (int i = 0; i < 16; i++) {
            rows[i] = out[i] & 0xFF;
        }
        // Source rows/cols sampled at −0.25→0, 0.25, 0.75, 1.25→1 (pixel centres aligned).
        assertThat(rows).containsExactly(
                0, 25, 75, 100,
                50, 59, 76, 85,
                150, 126, 79, 55,
                200, 160, 80, 40);
    }

    @Test
    void aMissingOrNonImageFileIsBadInputNamingIt() throws Exception {
        Path missing = tmp.resolve("nope.png");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.BLEND_IMAGE, null, null, null, missing, null, null)
                .buildFor(new ImageShape(1, 4, 4)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
        Path text = Files.writeString(tmp.resolve("notes.png"), "not an image");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.BLEND_IMAGE, null, null, null, text, null, null)
                .buildFor(new ImageShape(1, 4, 4)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a PNG or JPEG image");
    }
}
