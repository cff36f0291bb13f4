package org.nlb.data.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nlb.data.folder.FolderReadTest.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;
import org.nlb.testing.DirectorySnapshot;

class FolderWriteTest {
    @TempDir
    Path tmp;

    private static void write(Dataset data, Path out) {
        DatasetFormat.writeDataset(data, out, false);
    }

    @Test
    void rgbPixelsSurviveWriteAndRead() {
        Path original = tmp.resolve("original");
        FolderFiles.standard(original);
        Dataset data = read(original);
        Path copy = tmp.resolve("copy");
        write(data, copy);

        Dataset back = read(copy);
        assertThat(back.train().pixels()).isEqualTo(data.train().pixels());
        assertThat(back.test().pixels()).isEqualTo(data.test().pixels());
        assertThat(back.train().labels()).isEqualTo(data.train().labels());
        assertThat(back.test().labels()).isEqualTo(data.test().labels());
        assertThat(back.train().itemNames()).isEqualTo(data.train().itemNames());
        assertThat(DirectorySnapshot.of(copy).keySet()).isEqualTo(DirectorySnapshot.of(original).keySet());
    }

    @Test
    void writeReadWriteIsByteIdentical() {
        Path original = tmp.resolve("original");
        FolderFiles.standard(original);
        FolderFiles.grayPng(original.resolve("train/dog/gray.png"), 7);
        Path first = tmp.resolve("first");
        write(read(original), first);
        Path second = tmp.resolve("second");
        write(read(first), second);
        assertThat(DirectorySnapshot.of(second)).isEqualTo(DirectorySnapshot.of(first));
    }

    @Test
    void grayPixelsSurviveAsOneChannel() {
        Path original = tmp.resolve("original");
        FolderFiles.grayPng(original.resolve("train/a/1.png"), 1);
        FolderFiles.grayPng(original.resolve("test/a/2.png"), 2);
        Path copy = tmp.resolve("copy");
        write(read(original), copy);
        Dataset back = read(copy);
        assertThat(back.train().channels()).isEqualTo(1);
        FolderReadTest.assertPixels(back.train(), 1);
        FolderReadTest.assertPixels(back.test(), 2);
    }

    @Test
    void changesTheExtensionToPngAndKeepsClashingNamesApart() {
        Path original = tmp.resolve("original");
        FolderFiles.uniform(original.resolve("train/a/x.jpg"), 4, 4, 0x112233, "jpg");
        FolderFiles.uniform(original.resolve("train/a/x.png"), 4, 4, 0x445566, "png");
        FolderFiles.uniform(original.resolve("test/a/photo.JPEG"), 4, 4, 0x778899, "jpg");
        Dataset data = read(original);
        Path copy = tmp.resolve("copy");
        write(data, copy);

        Dataset back = read(copy);
        assertThat(back.train().itemNames().orElseThrow()).containsExactly("a/x-2.png", "a/x.png");
        assertThat(back.test().itemNames().orElseThrow()).containsExactly("a/photo.png");
        // "x.jpg" sorts first on reading, so it became x.png; "x.png" then had to be x-2.png.
        assertThat(back.train().image(1)).isEqualTo(data.train().image(0));
        assertThat(back.train().image(0)).isEqualTo(data.train().image(1));
        assertThat(back.test().pixels()).isEqualTo(data.test().pixels());
    }

    /** Two classes; train labels 1, 0, 1, 0, 1, test label 1; every pixel equals its image index. */
    private Dataset unnamedSet(List<String> classes, int channels) {
        int[] trainLabels = {1, 0, 1, 0, 1};
        byte[] pixels = new byte[5 * channels * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / (channels * 4));
        }
        ImageSet train = ImageSet.of(pixels, 5, channels, 2, 2, new Labels(trainLabels, classes));
        ImageSet test = ImageSet.of(new byte[channels * 4], 1, channels, 2, 2, new Labels(new int[] {1}, classes));
        return new Dataset(DatasetSpec.parse("folder:" + tmp.resolve("in")), train, test);
    }

    @Test
    void namesImagesWithoutItemNamesByZeroPaddedIndex() {
        Path out = tmp.resolve("out");
        write(unnamedSet(List.of("odd", "even"), 3), out);
        Map<String, String> files = DirectorySnapshot.of(out);
        assertThat(files).containsKeys("train/even/00000.png", "train/odd/00001.png", "train/even/00002.png",
                "train/odd/00003.png", "train/even/00004.png", "test/even/00000.png");
        Dataset back = read(out);
        assertThat(back.train().itemNames().orElseThrow()).containsExactly(
                "even/00000.png", "even/00002.png", "even/00004.png", "odd/00001.png", "odd/00003.png");
        assertThat(back.train().pixel(1, 2, 1, 1)).isEqualTo(2);
        assertThat(back.train().pixel(4, 0, 0, 0)).isEqualTo(3);
    }

    @Test
    void refusesAClassWithoutTrainImages() {
        Dataset data = unnamedSet(List.of("odd", "even", "never"), 3);
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> write(data, out))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("class 'never' has no train images");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesClassNamesThatCannotBeFolders() {
        for (String bad : List.of("a/b", ".hidden", "")) {
            assertThatThrownBy(() -> write(unnamedSet(List.of("ok", bad), 1), tmp.resolve("out")))
                    .as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("cannot be a folder name");
        }
    }

    @Test
    void refusesImagesThatPngCannotHold() {
        assertThatThrownBy(() -> write(unnamedSet(List.of("a", "b"), 2), tmp.resolve("out")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("1 or 3 channels");
    }

    @Test
    void refusesUnlabeledImages() {
        ImageSet set = ImageSet.of(new byte[4], 1, 1, 2, 2);
        Dataset data = new Dataset(DatasetSpec.parse("folder:" + tmp.resolve("in")), set, set);
        assertThatThrownBy(() -> write(data, tmp.resolve("out")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no labels");
    }
}
