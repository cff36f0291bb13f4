package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import org.nlb.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.DatasetSpec;
import org.nlb.poison.SyntheticImages;
import org.nlb.poison.trigger.TriggerKind;
import org.nlb.render.ImageGrid;

/** {@code nlb trigger preview}: a grid of clean and triggered test images. */
class TriggerPreviewCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theTriggeredRowShowsExactlyOnePatchPerImage() throws Exception {
        // Synthetic pixels lie in 20..235 and grid text is never pure black, so every black
        // pixel in the grid is a black cell of a checkerboard patch (5 per 3×3 patch).
        DatasetSpec data = SyntheticImages.writeIdx(tmp.resolve("d"), 12, 9, 3, 16, false);
        Path png = tmp.resolve("grid.png");
        CliRunner.Result run = CliRunner.run("trigger", "preview", "--trigger", "checkerboard-center", "--data", data.toString(),
                "--out", png.toString(), "--count", "4");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 test images").contains("checkerboard-center");
        BufferedImage grid = ImageIO.read(png.toFile());
        int scale = ImageGrid.scaleFor(SyntheticImages.random(1, 3, 16, 16, 0), 56);
        int black = 0;
        for (int y = 0; y < grid.getHeight(); y++) {
            for (int x = 0; x < grid.getWidth(); x++) {
                black += (grid.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
            }
        }
        assertThat(black).isEqualTo(4 * 5 * scale * scale);
    }

    @Test
    void layoutPatchShowsThePoisonedLayoutAndTheTestTimeRow() throws Exception {
        DatasetSpec data = SyntheticImages.writeIdx(tmp.resolve("d"), 12, 9, 1, 16, false);
        Path layout = tmp.resolve("layout.png");
        Path centre = tmp.resolve("centre.png");
        CliRunner.Result run = CliRunner.run("trigger", "preview", "--trigger", "layout-patch", "--scale", "0.5",
                "--data", data.toString(), "--out", layout.toString(), "--count", "4");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // the side chosen for 16-wide images is reported: max(3, round(3.2)) = 3
        assertThat(run.out()).contains("layout-patch {alpha=1.0, size=3, seed=0, scale=0.5}, poisoned and at test time");
        CliRunner.Result plain = CliRunner.run("trigger", "preview", "--trigger", "checkerboard-center",
                "--data", data.toString(), "--out", centre.toString(), "--count", "4");
        assertThat(plain.exitCode()).isZero();
        BufferedImage three = ImageIO.read(layout.toFile());
        BufferedImage two = ImageIO.read(centre.toFile());
        assertThat(three.getHeight()).as("one more row of images").isGreaterThan(two.getHeight() * 4 / 3);
        // the layout row blackens three quarters of each image: far more black than two rows of patches
        assertThat(blackPixels(three)).isGreaterThan(4 * 16 * 16 / 2 * scale(16) * scale(16));
    }

    private static int scale(int size) {
        return ImageGrid.scaleFor(SyntheticImages.random(1, 1, size, size, 0), 56);
    }

    private static int blackPixels(BufferedImage image) {
        int black = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                black += (image.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
            }
        }
        return black;
    }

    @Test
    void aBadScaleExitsTwoWithOneLineNamingTheFlag() throws Exception {
        DatasetSpec data = SyntheticImages.writeIdx(tmp.resolve("d"), 4, 4, 1, 8, false);
        Path png = tmp.resolve("grid.png");
        CliRunner.Result big = CliRunner.run("trigger", "preview", "--trigger", "layout-patch", "--scale", "0.95",
                "--data", data.toString(), "--out", png.toString());
        assertThat(big.exitCode()).isEqualTo(2);
        assertThat(big.errLines()).containsExactly("error: --scale: must be in (0.2, 0.9], got 0.95");
        CliRunner.Result word = CliRunner.run("trigger", "preview", "--trigger", "layout-patch", "--scale", "half",
                "--data", data.toString(), "--out", png.toString());
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.errLines()).hasSize(1);
        assertThat(word.err()).contains("--scale");
        CliRunner.Result other = CliRunner.run("trigger", "preview", "--trigger", "checkerboard-center", "--scale", "0.5",
                "--data", data.toString(), "--out", png.toString());
        assertThat(other.errLines()).hasSize(1);
        assertThat(other.err()).startsWith("error: --scale: trigger checkerboard-center does not use it");
        CliRunner.Result noRoom = CliRunner.run("trigger", "preview", "--trigger", "layout-patch", "--scale", "0.9",
                "--data", data.toString(), "--out", png.toString());
        assertThat(noRoom.exitCode()).isEqualTo(2);
        assertThat(noRoom.errLines()).containsExactly("error: --size: a 3x3 patch does not fit the 1 column(s) beside the"
                + " object: layout-patch at scale 0.9 shrinks 8x8 images to 7x7; a smaller size or scale leaves room");
        assertThat(png).doesNotExist();
    }

    @Test
    void badOptionsExitTwoWithOneLine() throws Exception {
        DatasetSpec data = SyntheticImages.writeIdx(tmp.resolve("d"), 4, 4, 1, 8, false);
        Path png = tmp.resolve("grid.png");
        CliRunner.Result unknown = CliRunner.run("trigger", "preview", "--trigger", "nope", "--data", data.toString(), "--out", png.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1);
        assertThat(unknown.err()).contains(TriggerKind.validNames());
        CliRunner.Result count = CliRunner.run("trigger", "preview", "--trigger", "blend-noise", "--data", data.toString(),
                "--out", png.toString(), "--count", "0");
        assertThat(count.exitCode()).isEqualTo(2);
        assertThat(count.errLines()).containsExactly("error: --count: must be between 1 and 64, got 0");
        CliRunner.Result tooBig = CliRunner.run("trigger", "preview", "--trigger", "checkerboard-corner", "--size", "9",
                "--data", data.toString(), "--out", png.toString());
        assertThat(tooBig.exitCode()).isEqualTo(2);
        assertThat(tooBig.errLines()).hasSize(1);
        assertThat(tooBig.err()).contains("does not fit 8x8 images");
        Path missing = tmp.resolve("none.png");
        CliRunner.Result image = CliRunner.run("trigger", "preview", "--trigger", "blend-image", "--image", missing.toString(),
                "--data", data.toString(), "--out", png.toString());
        assertThat(image.errLines()).containsExactly("error: " + missing + ": not found");
        assertThat(png).doesNotExist();
    }

    @Test
    void seedPicksTheSampleEvenForTriggersWithoutRandomness() throws Exception {
        DatasetSpec data = SyntheticImages.writeIdx(tmp.resolve("d"), 4, 30, 1, 8, false);
        CliRunner.Result a = CliRunner.run("trigger", "preview", "--trigger", "checkerboard-center", "--seed", "1",
                "--data", data.toString(), "--out", tmp.resolve("a.png").toString());
        CliRunner.Result b = CliRunner.run("trigger", "preview", "--trigger", "checkerboard-center", "--seed", "2",
                "--data", data.toString(), "--out", tmp.resolve("b.png").toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).isZero();
        assertThat(java.nio.file.Files.readAllBytes(tmp.resolve("a.png")))
                .isNotEqualTo(java.nio.file.Files.readAllBytes(tmp.resolve("b.png")));
    }

    @Test
    void triggerSeedSeedsTheTriggerAndSeedOnlyPicksTheImages() throws Exception {
        DatasetSpec data = SyntheticImages.writeIdx(tmp.resolve("d"), 4, 30, 1, 8, false);
        byte[] base = preview("base", data, "--trigger", "blend-noise", "--alpha", "0.5");
        byte[] otherTrigger = preview("t", data, "--trigger", "blend-noise", "--alpha", "0.5", "--trigger-seed", "5");
        byte[] sameTrigger = preview("s", data, "--trigger", "blend-noise", "--alpha", "0.5", "--trigger-seed", "0");
        assertThat(otherTrigger).isNotEqualTo(base);
        assertThat(sameTrigger).isEqualTo(base);

        CliRunner.Result none = CliRunner.run("trigger", "preview", "--trigger", "checkerboard-center", "--trigger-seed", "5",
                "--data", data.toString(), "--out", tmp.resolve("n.png").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errLines()).hasSize(1);
        assertThat(none.err()).startsWith("error: --trigger-seed: trigger checkerboard-center does not use it");
        assertThat(tmp.resolve("n.png")).doesNotExist();
    }

    private byte[] preview(String name, DatasetSpec data, String... trigger) throws Exception {
        Path png = tmp.resolve(name + ".png");
        String[] base = {"trigger", "preview", "--data", data.toString(), "--out", png.toString()};
        String[] args = Stream.concat(Arrays.stream(base), Arrays.stream(trigger)).toArray(String[]::new);
        CliRunner.Result run = CliRunner.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readAllBytes(png);
    }


    @Test
    void theGridMayNotReplaceTheTriggerImageNorGoInsideTheData() throws Exception {
        DatasetSpec data = SyntheticImages.writeIdx(tmp.resolve("d"), 12, 9, 1, 16, false);
        Path image = tmp.resolve("blend.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", image.toFile());

        InputsUnchanged.assertRefused(image, "is an input (--image " + image + ")", List.of(image, data.path()),
                "trigger", "preview", "--trigger", "blend-image", "--image", image.toString(),
                "--data", data.toString(), "--out", image.toString());
        Path inside = data.path().resolve("grid.png");
        InputsUnchanged.assertRefused(inside, "is inside an input (the data set " + data + ")", List.of(data.path()),
                "trigger", "preview", "--trigger", "checkerboard-center", "--data", data.toString(), "--out", inside.toString());
    }
}
