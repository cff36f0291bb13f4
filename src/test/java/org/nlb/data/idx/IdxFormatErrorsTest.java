package org.nlb.data.idx;

import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;
import org.nlb.testing.HostileFiles;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/**
 * Every broken IDX set ends in a {@link org.nlb.io.BadInputException} naming the offending file
 * and its problem (DESIGN §7), never in an unchecked exception or an out-of-memory error.
 */
class IdxFormatErrorsTest {
    @TempDir
    Path dir;

    private ImageSet train;
    private ImageSet test;

    @BeforeEach
    void writeGoodSet() {
        train = TestImages.labeled(6, 1, 4, 4, 3, 1);
        test = TestImages.labeled(3, 1, 4, 4, 3, 2);
        IdxFiles.writeSet(dir, train, test, false);
    }

    private void read() {
        DatasetFormat.readDataset(DatasetSpec.parse("idx:" + dir), ReadOptions.DEFAULT);
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    @Test
    void truncatedImageFile() throws IOException {
        Path f = file(IdxFiles.TRAIN_IMAGES);
        byte[] full = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(full, full.length - 5));
        assertBadInput(this::read, f, "truncated", "96 bytes", "91");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path f = file(IdxFiles.TRAIN_IMAGES);
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 9));
        assertBadInput(this::read, f, "truncated", "header");
    }

    @Test
    void truncatedGzip() throws IOException {
        Path f = IdxFiles.write(file(IdxFiles.TEST_IMAGES), IdxFiles.imagesIdx(test), true);
        Files.delete(file(IdxFiles.TEST_IMAGES));
        byte[] gz = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(gz, gz.length / 2));
        assertBadInput(this::read, f, "truncated", "gzip");
    }

    @Test
    void corruptGzip() throws IOException {
        Path f = IdxFiles.write(file(IdxFiles.TRAIN_LABELS), IdxFiles.labelsIdx(train), true);
        Files.delete(file(IdxFiles.TRAIN_LABELS));
        byte[] gz = Files.readAllBytes(f);
        for (int i = 10; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xFF; // the deflate stream becomes garbage
        }
        Files.write(f, gz);
        assertBadInput(this::read, f, "corrupt gzip");
    }

    @Test
    void forgedGzipTrailersOnAllFourFilesAreRefusedNamingTheFirstFile() throws IOException {
        // 29 bytes each whose trailers claim 2 GB: decoded in parallel, they used to allocate 8 GB.
        byte[] bomb = HostileFiles.forgedGzipTrailer(0x7FFF_FFF0);
        for (String name : new String[] {IdxFiles.TRAIN_IMAGES, IdxFiles.TRAIN_LABELS, IdxFiles.TEST_IMAGES,
            IdxFiles.TEST_LABELS}) {
            Files.delete(file(name));
            Files.write(file(name + ".gz"), bomb);
        }
        assertBadInput(this::read, file(IdxFiles.TRAIN_IMAGES + ".gz"), "corrupt gzip data", "2147483632");
    }

    @Test
    void wrongMagic() throws IOException {
        Path f = file(IdxFiles.TRAIN_IMAGES);
        Files.writeString(f, "P5\n4 4\n255\n0123456789abcdef");
        assertBadInput(this::read, f, "wrong magic", "not an IDX file");
    }

    @Test
    void unsupportedElementType() throws IOException {
        Path f = file(IdxFiles.TEST_LABELS);
        byte[] bytes = Files.readAllBytes(f);
        bytes[2] = 0x0D; // float32
        Files.write(f, bytes);
        assertBadInput(this::read, f, "element type 0x0d", "not supported");
    }

    @Test
    void labelCountDiffersFromImageCount() {
        Path f = file(IdxFiles.TRAIN_LABELS);
        IdxFiles.write(f, IdxFiles.labelsIdx(TestImages.labeled(5, 1, 1, 1, 3, 0)), false);
        assertBadInput(this::read, f, "5 labels", "6 images");
    }

    @Test
    void trailingBytes() throws IOException {
        Path f = file(IdxFiles.TEST_IMAGES);
        byte[] full = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(full, full.length + 3));
        assertBadInput(this::read, f, "3 unexpected bytes");
    }

    @Test
    void missingFileNamesTheFileItLookedFor() throws IOException {
        Files.delete(file(IdxFiles.TEST_LABELS));
        assertBadInput(this::read, file(IdxFiles.TEST_LABELS), "not found");
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("nope");
        assertBadInput(() -> DatasetFormat.readDataset(DatasetSpec.parse("idx:" + missing), ReadOptions.DEFAULT),
                missing, "not found");
    }

    @Test
    void labelBeyondTheClassesTxtNames() throws IOException {
        Files.writeString(file("classes.txt"), "cat\ndog\n");
        // Train labels are 0, 1, 2, 0, 1, 2: label 2 of item 2 has no name.
        assertBadInput(this::read, file(IdxFiles.TRAIN_LABELS), "label 2 of item 2", "classes.txt", "2 classes");
    }

    @Test
    void emptyClassesTxt() throws IOException {
        Files.writeString(file("classes.txt"), "\n\n");
        assertBadInput(this::read, file("classes.txt"), "no class names");
    }

    @Test
    void absurdDimensionsInATinyFileAreAnErrorNotAnAllocation() {
        Path f = file(IdxFiles.TRAIN_IMAGES);
        IdxFiles.write(f, IdxFiles.idx(new int[] {1, Integer.MAX_VALUE, Integer.MAX_VALUE}, new byte[4]), false);
        assertBadInput(this::read, f, "truncated", "2147483647", "the file has 4");
    }

    @Test
    void hugeDimensionsWhoseProductOverflowsALong() {
        Path f = file(IdxFiles.TRAIN_IMAGES);
        int big = Integer.MAX_VALUE;
        IdxFiles.write(f, IdxFiles.idx(new int[] {big, big, big, big}, new byte[0]), false);
        assertBadInput(this::read, f, "truncated");
    }

    @Test
    void negativeDimension() {
        Path f = file(IdxFiles.TRAIN_IMAGES);
        IdxFiles.write(f, IdxFiles.idx(new int[] {1, -1, 4}, new byte[0]), false);
        assertBadInput(this::read, f, "negative");
    }

    @Test
    void imageFileWithTheWrongNumberOfDimensions() {
        Path f = file(IdxFiles.TRAIN_IMAGES);
        IdxFiles.write(f, IdxFiles.idx(new int[] {6, 16}, new byte[96]), false);
        assertBadInput(this::read, f, "3 or 4 dimensions", "has 2");
    }

    @Test
    void testImagesOfAnotherSizeThanTrain() {
        Path f = file(IdxFiles.TEST_IMAGES);
        IdxFiles.write(f, IdxFiles.imagesIdx(TestImages.labeled(3, 1, 5, 5, 3, 1)), false);
        assertBadInput(this::read, f, "1x5x5", "1x4x4");
    }
}
