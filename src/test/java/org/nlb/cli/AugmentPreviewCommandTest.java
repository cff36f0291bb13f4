package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.augment.AugmentConfig;
import org.nlb.augment.AugmentPreview;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.render.ImageGrid;

class AugmentPreviewCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesAGridOfOriginalsAndBothViews() throws Exception {
        Path data = idxSet(12);
        Path png = tmp.resolve("grid.png");
        StringWriter out = new StringWriter();
        int status = Main.run(new String[] {"augment", "preview", "--data", "idx:" + data, "--out", png.toString(),
            "--count", "5", "--seed", "3", "--preset", "reference"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("wrote").contains("5 images");
        BufferedImage grid = ImageIO.read(png.toFile());
        ImageSet train = DatasetFormat.readDataset(DatasetSpec.parse("idx:" + data), org.nlb.data.ReadOptions.DEFAULT).train();
        ImageSet shown = AugmentPreview.views(train, AugmentConfig.cifarReference(), AugmentPreview.sample(12, 5, 3), 3);
        BufferedImage expected = new ImageGrid(shown, ImageGrid.scaleFor(shown, 56))
                .render(java.util.List.of("original", "view 1", "view 2"),
                        java.util.List.of(new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}, new int[] {10, 11, 12, 13, 14}));
        assertThat(grid.getWidth()).isEqualTo(expected.getWidth());
        assertThat(grid.getHeight()).isEqualTo(expected.getHeight());
        // the top row shows the sampled originals unchanged
        int[] items = AugmentPreview.sample(12, 5, 3);
        for (int j = 0; j < 5; j++) {
            assertThat(shown.image(j)).containsExactly(train.image(items[j]));
        }
    }

    @Test
    void badCountIsAUsageErrorAndWritesNothing() throws Exception {
        Path data = idxSet(4);
        Path png = tmp.resolve("grid.png");
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"augment", "preview", "--data", "idx:" + data, "--out", png.toString(),
            "--count", "0"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: --count: must be between 1 and 64");
        assertThat(Files.exists(png)).isFalse();
    }

    private Path idxSet(int n) {
        SplittableRandom rng = new SplittableRandom(1);
        byte[] px = new byte[n * 28 * 28];
        for (int k = 0; k < px.length; k++) {
            px[k] = (byte) rng.nextInt(256);
        }
        int[] labels = new int[n];
        ImageSet train = ImageSet.of(px, n, 1, 28, 28, Labels.numbered(labels, 10));
        Path dir = tmp.resolve("data");
        DatasetFormat.writeDataset(new Dataset(DatasetSpec.parse("idx:" + dir), train, train), dir, false);
        return dir;
    }


    @Test
    void aGridOverTheDataSetIsRefused() throws Exception {
        Path data = idxSet(12);
        Path images = Files.list(data).sorted().findFirst().orElseThrow();

        InputsUnchanged.assertRefused(images, "is inside an input (the data set idx:" + data + ")", List.of(data),
                "augment", "preview", "--data", "idx:" + data, "--out", images.toString());
        InputsUnchanged.assertRefused(data, "is an input (the data set idx:" + data + ")", List.of(data),
                "augment", "preview", "--data", "idx:" + data, "--out", data.toString());
    }
}
