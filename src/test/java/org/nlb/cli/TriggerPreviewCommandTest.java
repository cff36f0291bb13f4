package org.nlb.cli;

import org.nlb.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.DatasetSpec;
import org.nlb.poison.SyntheticImages;
import org.nlb.poison.trigger.TriggerKind;
import org.nlb.report.ImageGrid;

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
}
