package org.nlb.data.cifar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nlb.data.cifar.CifarReadTest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;
import org.nlb.testing.DirectorySnapshot;

class CifarWriteTest {
    @TempDir
    Path tmp;

    private static void write(Dataset data, Path out) {
        DatasetFormat.writeDataset(data, out, false);
    }

    @Test
    void cifar10RoundTripIsByteExact() {
        // Laid out as the writer lays out 7 images: 1, 1, 1, 1 and the remainder 3 in the last batch.
        Path original = tmp.resolve("original");
        CifarFiles.cifar10(original, new int[] {1, 1, 1, 1, 3}, CifarReadTest.TRAIN_LABELS, CifarReadTest.TEST_LABELS);
        CifarFiles.names(original.resolve("batches.meta.txt"), CifarLabelField.CIFAR10_NAMES);
        Path copy = tmp.resolve("copy");
        write(read("cifar10", original), copy);
        assertThat(DirectorySnapshot.of(copy)).isEqualTo(DirectorySnapshot.of(original));
    }

    @Test
    void cifar100RoundTripIsByteExactWithCoarseByteFirst() {
        Path original = tmp.resolve("original");
        CifarFiles.cifar100(original, new int[] {19, 0, 4}, new int[] {99, 0, 30}, new int[] {7, 8}, new int[] {6, 41});
        CifarFiles.names(original.resolve("coarse_label_names.txt"), CifarLabelField.CIFAR100_COARSE_NAMES);
        CifarFiles.names(original.resolve("fine_label_names.txt"), CifarLabelField.CIFAR100_FINE_NAMES);
        for (String format : List.of("cifar100", "cifar100-coarse")) {
            Path copy = tmp.resolve(format);
            write(read(format, original), copy);
            assertThat(DirectorySnapshot.of(copy)).as(format).isEqualTo(DirectorySnapshot.of(original));
        }
    }

    @Test
    void writesTheStandardNamesFilesWhenNoneWereRead() throws IOException {
        Path original = tmp.resolve("original");
        CifarFiles.cifar100(original, new int[] {1}, new int[] {2}, new int[] {3}, new int[] {4});
        Path copy = tmp.resolve("copy");
        write(read("cifar100", original), copy);
        assertThat(Files.readAllLines(copy.resolve("fine_label_names.txt")))
                .isEqualTo(CifarLabelField.CIFAR100_FINE_NAMES);
        assertThat(Files.readAllLines(copy.resolve("coarse_label_names.txt")))
                .isEqualTo(CifarLabelField.CIFAR100_COARSE_NAMES);
        assertThat(Files.readAllBytes(copy.resolve("train.bin"))).isEqualTo(Files.readAllBytes(original.resolve("train.bin")));
    }

    @Test
    void splitsTrainIntoFiveEqualBatchesWithTheRemainderLast() throws IOException {
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7};
        Path original = tmp.resolve("original");
        CifarFiles.cifar10(original, new int[] {10, 2, 2, 2, 2}, labels, new int[] {5});
        Dataset data = read("cifar10", original);
        Path copy = tmp.resolve("copy");
        write(data, copy);

        int record = 3073;
        long[] sizes = new long[5];
        for (int b = 0; b < 5; b++) {
            sizes[b] = Files.size(copy.resolve("data_batch_" + (b + 1) + ".bin")) / record;
        }
        assertThat(sizes).containsExactly(3, 3, 3, 3, 6); // 18 images: 18 / 5 = 3, remainder 3 last
        Dataset back = read("cifar10", copy);
        assertThat(back.train().pixels()).isEqualTo(data.train().pixels());
        assertThat(back.train().labels()).isEqualTo(data.train().labels());
    }

    @Test
    void changedPixelsSurviveWriteAndRead() {
        Path original = tmp.resolve("original");
        CifarFiles.cifar100(original, new int[] {1, 2}, new int[] {3, 4}, new int[] {5}, new int[] {6});
        Dataset data = read("cifar100", original);
        byte[] changed = data.train().pixels().clone();
        changed[0] = (byte) (changed[0] + 1);
        changed[changed.length - 1] = 42;
        Dataset poisoned = data.withTrain(data.train().withPixels(changed));
        Path copy = tmp.resolve("copy");
        write(poisoned, copy);

        Dataset back = read("cifar100", copy);
        assertThat(back.train().pixels()).isEqualTo(changed);
        assertThat(back.train().labels()).isEqualTo(data.train().labels());
        assertThat(back.train().secondaryLabels()).isEqualTo(data.train().secondaryLabels());
        assertThat(back.test().pixels()).isEqualTo(data.test().pixels());
    }

    private Dataset cifar10Set(int trainSize, int channels, int side) {
        ImageSet train = ImageSet.of(new byte[trainSize * channels * side * side], trainSize, channels, side, side,
                Labels.numbered(new int[trainSize], 10));
        ImageSet test = ImageSet.of(new byte[channels * side * side], 1, channels, side, side,
                Labels.numbered(new int[1], 10));
        return new Dataset(DatasetSpec.parse("cifar10:" + tmp.resolve("in")), train, test);
    }

    @Test
    void refusesFewerTrainImagesThanBatchFiles() {
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> write(cifar10Set(4, 3, 32), out))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 5 train images");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesImagesThatAreNot3x32x32() {
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> write(cifar10Set(5, 1, 28), out))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("3x32x32").hasMessageContaining("1x28x28");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesCifar100WithoutSecondaryLabels() {
        ImageSet set = ImageSet.of(new byte[3072], 1, 3, 32, 32, Labels.numbered(new int[1], 100));
        Dataset data = new Dataset(DatasetSpec.parse("cifar100:" + tmp.resolve("in")), set, set);
        assertThatThrownBy(() -> write(data, tmp.resolve("out")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no coarse labels");
    }

    @Test
    void refusesClassNamesThatCannotBeReadBack() {
        ImageSet set = ImageSet.of(new byte[5 * 3072], 5, 3, 32, 32, new Labels(new int[5], List.of(" padded")));
        Dataset data = new Dataset(DatasetSpec.parse("cifar10:" + tmp.resolve("in")), set, set.subset(new int[] {0}));
        assertThatThrownBy(() -> write(data, tmp.resolve("out")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("' padded'").hasMessageContaining("batches.meta.txt");
    }
}
