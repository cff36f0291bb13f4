package org.nlb.data.cifar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.nlb.data.cifar.CifarReadTest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.io.BadInputException;

/** Every bad CIFAR input ends in a BadInputException that names the file and says what is wrong. */
class CifarErrorTest {
    @TempDir
    Path dir;

    @BeforeEach
    void validCifar10() {
        CifarFiles.cifar10(dir, new int[] {2, 1, 1, 1, 2}, CifarReadTest.TRAIN_LABELS, CifarReadTest.TEST_LABELS);
    }

    private BadInputException failure(String format) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> read(format, dir));
        assertThat(e).as("reading %s should fail", format).isNotNull();
        return e;
    }

    @Test
    void missingDirectory() {
        dir = dir.resolve("absent");
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(dir.toString());
        assertThat(e.problem()).isEqualTo("not found");
    }

    @Test
    void missingBatchFile() throws IOException {
        Files.delete(dir.resolve("data_batch_3.bin"));
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(dir.resolve("data_batch_3.bin").toString());
        assertThat(e.problem()).startsWith("not found").contains("data_batch_1.bin").contains("test_batch.bin");
    }

    @Test
    void missingCifar100File() {
        BadInputException e = failure("cifar100");
        assertThat(e.subject()).isEqualTo(dir.resolve("train.bin").toString());
        assertThat(e.problem()).startsWith("not found");
    }

    @Test
    void truncatedFile() throws IOException {
        Path file = dir.resolve("data_batch_5.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(file.toString());
        assertThat(e.problem()).startsWith("truncated:")
                .contains("not a whole number of 3073-byte").contains("1 records and 2973 bytes over");
    }

    @Test
    void cifar10FilesReadAsCifar100AreNotWholeRecords() {
        CifarFiles.write(dir.resolve("train.bin"), CifarFiles.record(0, 1));
        CifarFiles.write(dir.resolve("test.bin"), CifarFiles.record(1, 1));
        BadInputException e = failure("cifar100");
        assertThat(e.subject()).isEqualTo(dir.resolve("train.bin").toString());
        assertThat(e.problem()).contains("3074-byte");
    }

    @Test
    void emptyFile() throws IOException {
        Files.write(dir.resolve("test_batch.bin"), new byte[0]);
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(dir.resolve("test_batch.bin").toString());
        assertThat(e.problem()).startsWith("is empty");
    }

    @Test
    void labelBeyondTheStandardClasses() {
        CifarFiles.write(dir.resolve("data_batch_2.bin"), CifarFiles.record(2, 10));
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(dir.resolve("data_batch_2.bin").toString());
        assertThat(e.problem()).isEqualTo("record 0 has label 10, but CIFAR-10 has only 10 classes (0..9)");
    }

    @Test
    void fineLabelBeyond99() {
        CifarFiles.cifar100(dir, new int[] {0, 1}, new int[] {5, 100}, new int[] {0}, new int[] {0});
        BadInputException e = failure("cifar100");
        assertThat(e.subject()).isEqualTo(dir.resolve("train.bin").toString());
        assertThat(e.problem()).contains("record 1 has fine label 100").contains("100 classes");
    }

    @Test
    void coarseLabelBeyond19() {
        CifarFiles.cifar100(dir, new int[] {0, 1}, new int[] {5, 6}, new int[] {20}, new int[] {0});
        BadInputException e = failure("cifar100-coarse");
        assertThat(e.subject()).isEqualTo(dir.resolve("test.bin").toString());
        assertThat(e.problem()).contains("record 0 has coarse label 20").contains("only 20 classes");
    }

    @Test
    void namesFileWithFewerNamesThanLabelsUsed() {
        CifarFiles.names(dir.resolve("batches.meta.txt"), List.of("a", "b", "c"));
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(dir.resolve("batches.meta.txt").toString());
        assertThat(e.problem()).isEqualTo("lists 3 class names, but record 0 of data_batch_1.bin has label 3");
    }

    @Test
    void fineNamesFileWithFewerNamesThanLabelsUsed() {
        CifarFiles.cifar100(dir, new int[] {0}, new int[] {7}, new int[] {0}, new int[] {0});
        CifarFiles.names(dir.resolve("fine_label_names.txt"), List.of("a", "b"));
        BadInputException e = failure("cifar100");
        assertThat(e.subject()).isEqualTo(dir.resolve("fine_label_names.txt").toString());
        assertThat(e.problem()).contains("lists 2 class names").contains("fine label 7");
    }

    @Test
    void namesFileWithoutNames() {
        CifarFiles.write(dir.resolve("batches.meta.txt"), "\n \n".getBytes());
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(dir.resolve("batches.meta.txt").toString());
        assertThat(e.problem()).isEqualTo("lists no class names");
    }

    @Test
    void batchFileThatIsADirectory() throws IOException {
        Files.delete(dir.resolve("data_batch_1.bin"));
        Files.createDirectory(dir.resolve("data_batch_1.bin"));
        BadInputException e = failure("cifar10");
        assertThat(e.subject()).isEqualTo(dir.resolve("data_batch_1.bin").toString());
        assertThat(e.problem()).contains("is a directory");
    }
}
