package org.nlb.data.idx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/** Reading and writing MNIST-style IDX sets (DESIGN §6): shapes, labels, names, byte-exact copies. */
class IdxFormatTest {
    private static final List<String> NAMES = List.of("cat", "dog", "T-shirt/top");

    @TempDir
    Path tmp;

    static Dataset read(Path dir) {
        return DatasetFormat.readDataset(DatasetSpec.parse("idx:" + dir), ReadOptions.DEFAULT);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsShapeLabelsAndPixelsOfAGreySet(boolean gzip) {
        ImageSet train = TestImages.labeled(7, 1, 5, 4, 3, 1);
        ImageSet test = TestImages.labeled(3, 1, 5, 4, 3, 2);
        IdxFiles.writeSet(tmp, train, test, gzip);

        Dataset data = read(tmp);

        assertThat(data.spec().format()).isEqualTo(DatasetFormat.IDX);
        assertThat(data.train().size()).isEqualTo(7);
        assertThat(data.test().size()).isEqualTo(3);
        assertThat(data.train().shapeText()).isEqualTo("1x5x4");
        assertThat(data.train().pixels()).isEqualTo(train.pixels());
        assertThat(data.test().pixels()).isEqualTo(test.pixels());
        assertThat(TestImages.labelsOf(data.train())).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(TestImages.labelsOf(data.test())).containsExactly(0, 1, 2);
        // Row-major N×H×W: pixel (i, y, x) sits at ((i*H)+y)*W+x of the payload.
        assertThat(data.train().pixel(6, 0, 4, 3)).isEqualTo(train.pixels()[(6 * 5 + 4) * 4 + 3] & 0xFF);
    }

    @Test
    void readsColourImagesFromIdx4Files() {
        ImageSet train = TestImages.labeled(4, 3, 2, 2, 2, 3);
        ImageSet test = TestImages.labeled(2, 3, 2, 2, 2, 4);
        IdxFiles.writeSet(tmp, train, test, false);

        Dataset data = read(tmp);

        assertThat(data.train().shapeText()).isEqualTo("3x2x2");
        assertThat(data.train().pixels()).isEqualTo(train.pixels());
        assertThat(data.train().pixel(3, 2, 1, 1)).isEqualTo(train.pixels()[((3 * 3 + 2) * 2 + 1) * 2 + 1] & 0xFF);
    }

    @Test
    void namesClassesFromClassesTxt() throws IOException {
        IdxFiles.writeSet(tmp, TestImages.labeled(6, 1, 2, 2, 3, 1), TestImages.labeled(3, 1, 2, 2, 3, 2), true);
        Files.writeString(tmp.resolve("classes.txt"), "cat\n  dog  \n\nT-shirt/top\n");

        Dataset data = read(tmp);

        assertThat(data.train().labels().orElseThrow().classNames()).containsExactlyElementsOf(NAMES);
        assertThat(data.test().labels().orElseThrow().classNames()).containsExactlyElementsOf(NAMES);
    }

    @Test
    void withoutClassesTxtNumbersTheClassesUpToTheLargestLabel() {
        // Labels 0..4 in train but only 0..1 in test: both parts get the same five classes.
        IdxFiles.writeSet(tmp, TestImages.labeled(5, 1, 2, 2, 5, 1), TestImages.labeled(2, 1, 2, 2, 5, 2), false);

        Dataset data = read(tmp);

        assertThat(data.train().labels().orElseThrow().classNames()).containsExactly("0", "1", "2", "3", "4");
        assertThat(data.test().labels().orElseThrow().classCount()).isEqualTo(5);
    }

    @Test
    void writingARawSetGivesByteIdenticalFiles() throws IOException {
        Path in = IdxFiles.writeSet(tmp.resolve("in"), TestImages.labeled(9, 1, 6, 5, 3, 5),
                TestImages.labeled(4, 1, 6, 5, 3, 6), false);
        Files.writeString(in.resolve("classes.txt"), String.join("\n", NAMES) + "\n");
        Path out = tmp.resolve("out");

        DatasetFormat.writeDataset(read(in), out, false);

        assertThat(fileNames(out)).containsExactlyInAnyOrderElementsOf(fileNames(in));
        for (String name : fileNames(in)) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name).isEqualTo(Files.readAllBytes(in.resolve(name)));
        }
    }

    @Test
    void writingAGzipSetKeepsTheContentAndIsDeterministic() throws IOException {
        Path in = IdxFiles.writeSet(tmp.resolve("in"), TestImages.labeled(9, 3, 4, 4, 3, 7),
                TestImages.labeled(4, 3, 4, 4, 3, 8), true);
        Dataset data = read(in);
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");

        DatasetFormat.writeDataset(data, first, false);
        DatasetFormat.writeDataset(data, second, false);

        assertThat(fileNames(first)).containsExactlyInAnyOrderElementsOf(fileNames(in));
        for (String name : fileNames(in)) {
            byte[] written = Files.readAllBytes(first.resolve(name));
            assertThat(IdxFiles.gunzip(written)).as(name).isEqualTo(IdxFiles.gunzip(Files.readAllBytes(in.resolve(name))));
            assertThat(Files.readAllBytes(second.resolve(name))).as(name + " written twice").isEqualTo(written);
        }
    }

    @Test
    void aChangedCopyReadsBackWithItsChangesAndClassNames() throws IOException {
        Path in = IdxFiles.writeSet(tmp.resolve("in"), TestImages.labeled(6, 1, 3, 3, 3, 9),
                TestImages.labeled(3, 1, 3, 3, 3, 10), false);
        Files.writeString(in.resolve("classes.txt"), String.join("\n", NAMES) + "\n");
        Dataset data = read(in);
        byte[] changed = data.train().pixels().clone();
        changed[0] = (byte) (changed[0] ^ 0xFF);
        Path out = tmp.resolve("out");

        DatasetFormat.writeDataset(data.withTrain(data.train().withPixels(changed)), out, false);
        Dataset back = read(out);

        assertThat(back.train().pixels()).isEqualTo(changed);
        assertThat(back.test().pixels()).isEqualTo(data.test().pixels());
        assertThat(back.train().labels()).isEqualTo(data.train().labels());
        assertThat(new String(Files.readAllBytes(out.resolve("classes.txt")), StandardCharsets.UTF_8))
                .isEqualTo("cat\ndog\nT-shirt/top\n");
    }

    @Test
    void aCopyOfFashionMnistKeepsItsClassNamesWhenReadAsIdx() {
        // A stand-in for the installed set: same file names and gzip, ten classes.
        Path fashion = IdxFiles.writeSet(tmp.resolve("fashion"), TestImages.labeled(20, 1, 4, 4, 10, 1),
                TestImages.labeled(10, 1, 4, 4, 10, 2), true);
        Dataset data = DatasetFormat.readDataset(DatasetSpec.parse("fashion-mnist", fashion.toString()), ReadOptions.DEFAULT);
        assertThat(data.train().labels().orElseThrow().classNames()).isEqualTo(IdxFormat.FASHION_MNIST_CLASSES);
        Path out = tmp.resolve("copy");

        DatasetFormat.writeDataset(data, out, false);

        assertThat(out.resolve(IdxFiles.TRAIN_IMAGES + ".gz")).exists();
        assertThat(read(out).train().labels().orElseThrow().classNames()).isEqualTo(IdxFormat.FASHION_MNIST_CLASSES);
        // The copy still works as NLB_DATA for the fashion-mnist spec.
        Dataset again = DatasetFormat.readDataset(DatasetSpec.parse("fashion-mnist", out.toString()), ReadOptions.DEFAULT);
        assertThat(again.train().pixels()).isEqualTo(data.train().pixels());
    }

    @Test
    void numberedClassesWriteNoClassesTxt() throws IOException {
        Path in = IdxFiles.writeSet(tmp.resolve("in"), TestImages.labeled(4, 1, 2, 2, 2, 1),
                TestImages.labeled(2, 1, 2, 2, 2, 2), false);
        Path out = tmp.resolve("out");

        DatasetFormat.writeDataset(read(in), out, false);

        assertThat(out.resolve("classes.txt")).doesNotExist();
    }

    static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
