package org.nlb.data.cifar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes small CIFAR binary files by hand (independently of {@link CifarWriter}) with known pixels:
 * image {@code id} has value {@link #pixel} at every (channel, row, column).
 */
final class CifarFiles {
    /** Test images get ids from here on, so that no test pixel repeats a train one. */
    static final int TEST_ID_BASE = 1000;

    private CifarFiles() {}

    static int pixel(int id, int c, int y, int x) {
        return (id * 37 + c * 101 + y * 13 + x * 7) & 0xFF;
    }

    /** One record: the label bytes, then R, G and B planes of 32×32. */
    static byte[] record(int id, int... labelBytes) {
        byte[] r = new byte[labelBytes.length + 3072];
        for (int k = 0; k < labelBytes.length; k++) {
            r[k] = (byte) labelBytes[k];
        }
        int at = labelBytes.length;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    r[at++] = (byte) pixel(id, c, y, x);
                }
            }
        }
        return r;
    }

    /** Records for ids {@code firstId…}, the k-th with label bytes {@code labels[k]}. */
    static byte[] records(int firstId, int[][] labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < labels.length; k++) {
            out.writeBytes(record(firstId + k, labels[k]));
        }
        return out.toByteArray();
    }

    /**
     * A CIFAR-10 directory: train labels spread over five batches of the given sizes (ids 0…),
     * test labels in test_batch.bin (ids from {@link #TEST_ID_BASE}).
     */
    static void cifar10(Path dir, int[] batchSizes, int[] trainLabels, int[] testLabels) {
        int id = 0;
        for (int b = 0; b < 5; b++) {
            int[][] labels = new int[batchSizes[b]][];
            for (int k = 0; k < labels.length; k++) {
                labels[k] = new int[] {trainLabels[id + k]};
            }
            write(dir.resolve("data_batch_" + (b + 1) + ".bin"), records(id, labels));
            id += batchSizes[b];
        }
        int[][] test = new int[testLabels.length][];
        for (int k = 0; k < test.length; k++) {
            test[k] = new int[] {testLabels[k]};
        }
        write(dir.resolve("test_batch.bin"), records(TEST_ID_BASE, test));
    }

    /** A CIFAR-100 directory: records hold (coarse, fine) label bytes. */
    static void cifar100(Path dir, int[] trainCoarse, int[] trainFine, int[] testCoarse, int[] testFine) {
        write(dir.resolve("train.bin"), records(0, pairs(trainCoarse, trainFine)));
        write(dir.resolve("test.bin"), records(TEST_ID_BASE, pairs(testCoarse, testFine)));
    }

    private static int[][] pairs(int[] coarse, int[] fine) {
        int[][] out = new int[coarse.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = new int[] {coarse[k], fine[k]};
        }
        return out;
    }

    static void names(Path file, List<String> names) {
        write(file, (String.join("\n", names) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
