package org.nlb.data.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;
import org.nlb.data.ReadOptions.ImageSize;
import org.nlb.testing.DirectorySnapshot;

class FolderReadTest {
    @TempDir
    Path dir;

    static Dataset read(Path dir) {
        return read(dir, ReadOptions.DEFAULT);
    }

    static Dataset read(Path dir, ReadOptions options) {
        return DatasetFormat.readDataset(DatasetSpec.parse("folder:" + dir), options);
    }

    /** Image k of {@code set} (all channels) has the fixture pattern of {@code ids[k]}. */
    static void assertPixels(ImageSet set, int... ids) {
        assertThat(set.size()).isEqualTo(ids.length);
        for (int k = 0; k < ids.length; k++) {
            for (int c = 0; c < set.channels(); c++) {
                for (int y = 0; y < set.height(); y++) {
                    for (int x = 0; x < set.width(); x++) {
                        assertThat(set.pixel(k, c, y, x)).as("image %d c%d y%d x%d", k, c, y, x)
                                .isEqualTo(FolderFiles.pixel(ids[k], c, y, x));
                    }
                }
            }
        }
    }

    @Test
    void readsRgbImagesInClassThenFileNameOrder() {
        FolderFiles.standard(dir);
        Dataset data = read(dir);

        assertThat(data.train().shapeText()).isEqualTo("3x6x8");
        assertThat(data.train().size()).isEqualTo(7);
        assertThat(data.test().size()).isEqualTo(3);
        assertThat(data.train().labels().orElseThrow().classNames()).containsExactly("cat", "dog");
        assertThat(data.train().labels().orElseThrow().values()).containsExactly(0, 0, 0, 0, 1, 1, 1);
        assertThat(data.test().labels().orElseThrow().values()).containsExactly(0, 0, 1);
        assertThat(data.test().labels().orElseThrow().classNames()).containsExactly("cat", "dog");
        assertThat(data.train().itemNames().orElseThrow()).containsExactly(
                "cat/0000.png", "cat/0001.png", "cat/0002.png", "cat/0010.png", "dog/a.png", "dog/b.png", "dog/c.png");
        assertThat(data.test().itemNames().orElseThrow()).containsExactly("cat/x.png", "cat/y.png", "dog/z.png");
        assertPixels(data.train(), 0, 1, 2, 3, 4, 5, 6);
        assertPixels(data.test(), 100, 101, 102);
    }

    @Test
    void allGrayImagesGiveOneChannel() {
        FolderFiles.grayPng(dir.resolve("train/b/1.png"), 1);
        FolderFiles.grayPng(dir.resolve("train/a/2.png"), 2);
        FolderFiles.grayPng(dir.resolve("test/a/3.png"), 3);
        Dataset data = read(dir);
        assertThat(data.train().shapeText()).isEqualTo("1x6x8");
        assertPixels(data.train(), 2, 1);
        assertPixels(data.test(), 3);
    }

    @Test
    void grayImagesAmongColourOnesAreRepeatedIntoRgb() {
        FolderFiles.rgbPng(dir.resolve("train/a/1.png"), 1);
        FolderFiles.grayPng(dir.resolve("train/a/2.png"), 2);
        FolderFiles.grayPng(dir.resolve("test/a/3.png"), 3);
        Dataset data = read(dir);
        assertThat(data.train().channels()).isEqualTo(3);
        assertPixels(data.train().subset(new int[] {0}), 1);
        for (int c = 0; c < 3; c++) {
            assertThat(data.train().pixel(1, c, 4, 5)).isEqualTo(FolderFiles.pixel(2, 0, 4, 5));
            assertThat(data.test().pixel(0, c, 0, 7)).isEqualTo(FolderFiles.pixel(3, 0, 0, 7));
        }
    }

    @Test
    void alphaIsDroppedAndColoursKeptExactly() {
        BufferedImage rgba = FolderFiles.rgbImage(9, FolderFiles.H, FolderFiles.W, BufferedImage.TYPE_INT_ARGB);
        FolderFiles.write(dir.resolve("train/a/1.png"), rgba, "png");
        FolderFiles.rgbPng(dir.resolve("test/a/2.png"), 2);
        Dataset data = read(dir);
        assertThat(data.train().shapeText()).isEqualTo("3x6x8");
        assertPixels(data.train(), 9);
    }

    @Test
    void sixteenBitGrayIsScaledTo8Bits() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 0);
        image.getRaster().setSample(1, 0, 0, 0x8080);
        image.getRaster().setSample(2, 0, 0, 0xFFFF);
        FolderFiles.write(dir.resolve("train/a/1.png"), image, "png");
        FolderFiles.write(dir.resolve("test/a/1.png"), image, "png");
        ImageSet train = read(dir).train();
        assertThat(train.shapeText()).isEqualTo("1x1x3");
        assertThat(train.pixels()).containsExactly(0, (byte) 0x80, (byte) 0xFF);
    }

    @Test
    void readsJpegFilesWithAnyCaseOfExtension() {
        FolderFiles.uniform(dir.resolve("train/a/1.JPG"), 8, 8, 0x3C8CDC, "jpg");
        FolderFiles.uniform(dir.resolve("train/a/2.jpeg"), 8, 8, 0x3C8CDC, "jpg");
        FolderFiles.uniform(dir.resolve("test/a/3.Png"), 8, 8, 0x3C8CDC, "png");
        Dataset data = read(dir);
        assertThat(data.train().shapeText()).isEqualTo("3x8x8");
        assertThat(data.train().itemNames().orElseThrow()).containsExactly("a/1.JPG", "a/2.jpeg");
        // JPEG is lossy: a flat colour comes back within a few levels.
        assertThat(data.train().pixel(0, 0, 3, 3)).isBetween(0x3C - 4, 0x3C + 4);
        assertThat(data.train().pixel(1, 1, 3, 3)).isBetween(0x8C - 4, 0x8C + 4);
        assertThat(data.train().pixel(1, 2, 7, 0)).isBetween(0xDC - 4, 0xDC + 4);
        assertThat(data.test().pixel(0, 2, 0, 0)).isEqualTo(0xDC);
    }

    @Test
    void hiddenFilesAndFoldersAreIgnored() {
        FolderFiles.standard(dir);
        Dataset clean = read(dir);
        FolderFiles.bytes(dir.resolve("train/.DS_Store"), new byte[] {1, 2, 3});
        FolderFiles.bytes(dir.resolve("train/.ipynb_checkpoints/x.txt"), new byte[] {1});
        FolderFiles.bytes(dir.resolve("train/cat/.notes.txt"), "not an image".getBytes());
        FolderFiles.bytes(dir.resolve("test/dog/._z.png"), new byte[] {0});
        FolderFiles.bytes(dir.resolve("test/.hidden/a.png"), new byte[] {0});
        Dataset noisy = read(dir);
        assertThat(noisy.train().pixels()).isEqualTo(clean.train().pixels());
        assertThat(noisy.test().pixels()).isEqualTo(clean.test().pixels());
        assertThat(noisy.train().itemNames()).isEqualTo(clean.train().itemNames());
        assertThat(noisy.test().itemNames()).isEqualTo(clean.test().itemNames());
    }

    @Test
    void testFolderMayLackSomeClasses() {
        FolderFiles.rgbPng(dir.resolve("train/a/1.png"), 1);
        FolderFiles.rgbPng(dir.resolve("train/b/2.png"), 2);
        FolderFiles.rgbPng(dir.resolve("test/b/3.png"), 3);
        Dataset data = read(dir);
        assertThat(data.test().labels().orElseThrow().values()).containsExactly(1);
        assertThat(data.test().labels().orElseThrow().classNames()).containsExactly("a", "b");
    }

    @Test
    void anEmptyTestFolderGivesAnEmptyTestSet() throws java.io.IOException {
        FolderFiles.rgbPng(dir.resolve("train/a/1.png"), 1);
        java.nio.file.Files.createDirectories(dir.resolve("test"));
        Dataset data = read(dir);
        assertThat(data.test().size()).isZero();
        assertThat(data.test().shapeText()).isEqualTo("3x6x8");
    }

    @Test
    void resizesMixedSizesWhenAsked() {
        FolderFiles.uniform(dir.resolve("train/a/1.png"), 6, 8, 0x102030, "png");
        FolderFiles.uniform(dir.resolve("train/b/2.png"), 3, 3, 0xA0B0C0, "png");
        FolderFiles.uniform(dir.resolve("test/a/3.png"), 40, 17, 0x405060, "png");
        Dataset data = read(dir, ReadOptions.resizeTo(new ImageSize(5, 4)));
        assertThat(data.train().shapeText()).isEqualTo("3x5x4");
        assertThat(data.test().shapeText()).isEqualTo("3x5x4");
        // Bilinear resizing of a flat colour gives the same flat colour.
        assertThat(data.train().image(0)).isEqualTo(flat(0x10, 0x20, 0x30, 20));
        assertThat(data.train().image(1)).isEqualTo(flat(0xA0, 0xB0, 0xC0, 20));
        assertThat(data.test().image(0)).isEqualTo(flat(0x40, 0x50, 0x60, 20));
    }

    private static byte[] flat(int r, int g, int b, int area) {
        byte[] out = new byte[3 * area];
        java.util.Arrays.fill(out, 0, area, (byte) r);
        java.util.Arrays.fill(out, area, 2 * area, (byte) g);
        java.util.Arrays.fill(out, 2 * area, 3 * area, (byte) b);
        return out;
    }

    @Test
    void resizingToTheImagesOwnSizeKeepsEveryPixel() {
        FolderFiles.standard(dir);
        Dataset data = read(dir, ReadOptions.resizeTo(new ImageSize(FolderFiles.H, FolderFiles.W)));
        assertPixels(data.train(), 0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void readingIsRepeatableAndLeavesTheDirectoryUntouched() {
        FolderFiles.standard(dir);
        FolderFiles.uniform(dir.resolve("train/cat/photo.jpg"), 6, 8, 0x808080, "jpg");
        var before = DirectorySnapshot.of(dir);
        Dataset first = read(dir);
        Dataset second = read(dir);
        assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
        assertThat(second.train().pixels()).isEqualTo(first.train().pixels());
        assertThat(second.train().itemNames()).isEqualTo(first.train().itemNames());
    }
}
