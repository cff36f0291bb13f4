package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.CliRunner;
import org.nlb.testing.CliRunner.Result;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/** {@code nlb datasets preview}: a readable PNG grid with one row per class. */
class DatasetsPreviewCommandTest {
    @TempDir
    Path tmp;

    private String spec;

    @BeforeEach
    void writeSet() {
        // 28×28 like Fashion-MNIST: scaled by 2 to reach the 56-pixel minimum side.
        Path data = IdxFiles.writeSet(tmp.resolve("set"), TestImages.labeled(30, 1, 28, 28, 3, 1),
                TestImages.labeled(6, 1, 28, 28, 3, 2), false);
        spec = "idx:" + data;
    }

    @Test
    void writesAPngWithOneRowPerClass() throws IOException {
        Path png = tmp.resolve("grid.png");

        Result r = CliRunner.run("datasets", "preview", spec, "--out", png.toString(), "--per-class", "4");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("wrote " + png, "3 classes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        // ImageGrid: 6 px padding around, 2 px gap after each 56 px cell.
        assertThat(image.getHeight()).isEqualTo(6 + 3 * (56 + 2) + 6);
        int captions = image.getWidth() - (6 + 4 * (56 + 2) + 6);
        assertThat(captions).as("room for the class captions").isPositive();
    }

    @Test
    void perClassIsCappedByTheClassSize() throws IOException {
        Path png = tmp.resolve("grid.png");

        Result r = CliRunner.run("datasets", "preview", spec, "--split", "test", "--out", png.toString(), "--per-class", "5");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        // The test part has 2 images per class: the grid is two cells wide, whatever --per-class says.
        BufferedImage wide = ImageIO.read(writePreview("train", 2).toFile());
        assertThat(image.getWidth()).isEqualTo(wide.getWidth());
        assertThat(image.getHeight()).isEqualTo(6 + 3 * (56 + 2) + 6);
    }

    @Test
    void theSameSeedGivesTheSamePicture() throws IOException {
        assertThat(Files.readAllBytes(writePreview("train", 3))).isEqualTo(Files.readAllBytes(writePreview("train", 3)));
    }

    @Test
    void perClassZeroIsBadInputAndWritesNothing() throws IOException {
        Path png = tmp.resolve("grid.png");

        Result r = CliRunner.run("datasets", "preview", spec, "--out", png.toString(), "--per-class", "0");

        DatasetsInfoCommandTest.assertOneErrorLine(r);
        assertThat(r.err()).startsWith("error: --per-class: ");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("set");
        }
    }

    private int previews;

    private Path writePreview(String part, int perClass) {
        Path png = tmp.resolve("p" + previews++ + ".png");
        Result r = CliRunner.run("datasets", "preview", spec, "--split", part, "--out", png.toString(),
                "--per-class", Integer.toString(perClass));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return png;
    }


    @Test
    void aGridInsideTheDataSetIsRefused() throws IOException {
        Path set = tmp.resolve("set");
        Path labels = set.resolve(org.nlb.testing.IdxFiles.TRAIN_LABELS);

        InputsUnchanged.assertRefused(set.resolve("grid.png"), "is inside an input (the data set " + spec + ")",
                List.of(set), "datasets", "preview", spec, "--out", set.resolve("grid.png").toString());
        InputsUnchanged.assertRefused(labels, "is inside an input (the data set " + spec + ")",
                List.of(set), "datasets", "preview", spec, "--out", labels.toString());
        assertThat(set.resolve("grid.png")).doesNotExist();
    }
}
