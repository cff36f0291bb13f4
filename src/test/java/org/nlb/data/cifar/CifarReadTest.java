package org.nlb.data.cifar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.data.ReadOptions;
import org.nlb.testing.DirectorySnapshot;

class CifarReadTest {
    static final int[] TRAIN_LABELS = {3, 0, 9, 1, 1, 5, 7};
    static final int[] TEST_LABELS = {2, 9, 0};

    @TempDir
    Path dir;

    static Dataset read(String format, Path dir) {
        return DatasetFormat.readDataset(DatasetSpec.parse(format + ":" + dir), ReadOptions.DEFAULT);
    }

    /** Every pixel of image k of {@code set} is that of fixture image {@code firstId + k}. */
    static void assertPixels(ImageSet set, int firstId) {
        byte[] expected = new byte[set.size() * 3072];
        int at = 0;
        for (int k = 0; k < set.size(); k++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        expected[at++] = (byte) CifarFiles.pixel(firstId + k, c, y, x);
                    }
                }
            }
        }
        assertThat(set.pixels()).isEqualTo(expected);
    }

    @Test
    void readsCifar10BatchesInOrderWithStandardNames() {
        CifarFiles.cifar10(dir, new int[] {2, 1, 1, 1, 2}, TRAIN_LABELS, TEST_LABELS);
        Dataset data = read("cifar10", dir);

        assertThat(data.train().size()).isEqualTo(7);
        assertThat(data.test().size()).isEqualTo(3);
        assertThat(data.train().shapeText()).isEqualTo("3x32x32");
        assertThat(data.train().labels().orElseThrow().values()).containsExactly(TRAIN_LABELS);
        assertThat(data.test().labels().orElseThrow().values()).containsExactly(TEST_LABELS);
        assertThat(data.train().labels().orElseThrow().classNames()).containsExactly(
                "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
        assertThat(data.train().secondaryLabels()).isEmpty();
        assertPixels(data.train(), 0);
        assertPixels(data.test(), CifarFiles.TEST_ID_BASE);
        // Channel-first: pixel(i, c, y, x) addresses the R, G, B planes of the record.
        assertThat(data.train().pixel(6, 2, 31, 5)).isEqualTo(CifarFiles.pixel(6, 2, 31, 5));
    }

    @Test
    void takesClassNamesFromBatchesMetaSkippingBlankLines() {
        CifarFiles.cifar10(dir, new int[] {2, 1, 1, 1, 2}, TRAIN_LABELS, TEST_LABELS);
        CifarFiles.write(dir.resolve("batches.meta.txt"),
                "a0\nb1\n\nc2\nd3\ne4\nf5\ng6\nh7\ni8\nj9\n\n\n".getBytes());
        Labels labels = read("cifar10", dir).train().labels().orElseThrow();
        assertThat(labels.classNames()).containsExactly("a0", "b1", "c2", "d3", "e4", "f5", "g6", "h7", "i8", "j9");
    }

    @Test
    void readsCifar100WithFineLabelsAndCoarseAsSecondary() {
        CifarFiles.cifar100(dir, new int[] {19, 0, 4}, new int[] {99, 0, 30}, new int[] {7, 8}, new int[] {6, 41});
        Dataset data = read("cifar100", dir);

        Labels fine = data.train().labels().orElseThrow();
        Labels coarse = data.train().secondaryLabels().orElseThrow();
        assertThat(fine.values()).containsExactly(99, 0, 30);
        assertThat(fine.classCount()).isEqualTo(100);
        assertThat(fine.classNames().get(99)).isEqualTo("worm");
        assertThat(fine.classNames().get(30)).isEqualTo("dolphin");
        assertThat(coarse.values()).containsExactly(19, 0, 4);
        assertThat(coarse.classCount()).isEqualTo(20);
        assertThat(coarse.classNames().get(0)).isEqualTo("aquatic_mammals");
        assertThat(data.test().labels().orElseThrow().values()).containsExactly(6, 41);
        assertThat(data.test().secondaryLabels().orElseThrow().values()).containsExactly(7, 8);
        assertPixels(data.train(), 0);
        assertPixels(data.test(), CifarFiles.TEST_ID_BASE);
    }

    @Test
    void readsCifar100CoarseWithCoarseLabelsAndFineAsSecondary() {
        CifarFiles.cifar100(dir, new int[] {19, 0, 4}, new int[] {99, 0, 30}, new int[] {7, 8}, new int[] {6, 41});
        Dataset data = read("cifar100-coarse", dir);

        assertThat(data.train().labels().orElseThrow().values()).containsExactly(19, 0, 4);
        assertThat(data.train().labels().orElseThrow().classCount()).isEqualTo(20);
        assertThat(data.train().secondaryLabels().orElseThrow().values()).containsExactly(99, 0, 30);
        assertThat(data.test().labels().orElseThrow().values()).containsExactly(7, 8);
        assertPixels(data.train(), 0);
    }

    @Test
    void takesCifar100NamesFromTheirFiles() {
        CifarFiles.cifar100(dir, new int[] {1, 0}, new int[] {2, 0}, new int[] {1}, new int[] {1});
        CifarFiles.names(dir.resolve("coarse_label_names.txt"), List.of("big", "small"));
        CifarFiles.names(dir.resolve("fine_label_names.txt"), List.of("ant", "bee", "cow"));
        Dataset data = read("cifar100", dir);
        assertThat(data.train().labels().orElseThrow().classNames()).containsExactly("ant", "bee", "cow");
        assertThat(data.train().secondaryLabels().orElseThrow().classNames()).containsExactly("big", "small");
    }

    @Test
    void readingLeavesTheDirectoryUntouched() {
        CifarFiles.cifar10(dir, new int[] {2, 1, 1, 1, 2}, TRAIN_LABELS, TEST_LABELS);
        CifarFiles.names(dir.resolve("batches.meta.txt"), CifarLabelField.CIFAR10_NAMES);
        var before = DirectorySnapshot.of(dir);
        read("cifar10", dir);
        assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void decodesFiftyThousandRecordsOfFiveBatchFiles() {
        int[] labels = new int[50_000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        CifarFiles.cifar10(dir, new int[] {10_000, 10_000, 10_000, 10_000, 10_000}, labels, new int[] {1});
        Dataset data = read("cifar10", dir);

        assertThat(data.train().size()).isEqualTo(50_000);
        assertThat(data.train().labels().orElseThrow().classCounts()).containsOnly(5_000);
        assertThat(data.train().pixel(49_999, 2, 31, 31)).isEqualTo(CifarFiles.pixel(49_999, 2, 31, 31));
    }
}
