package org.nlb.data.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.io.BadInputException;
import org.nlb.testing.DirectorySnapshot;

/** Every bad image folder ends in a BadInputException that names the file and says what is wrong. */
class FolderErrorTest {
    @TempDir
    Path dir;

    @BeforeEach
    void validFolder() {
        FolderFiles.standard(dir);
    }

    private BadInputException failure() {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> FolderReadTest.read(dir));
        assertThat(e).as("reading should fail").isNotNull();
        return e;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void missingDirectory() {
        dir = dir.resolve("absent");
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.toString());
        assertThat(e.problem()).isEqualTo("not found");
    }

    @Test
    void missingTrainFolder() throws IOException {
        deleteTree(dir.resolve("train"));
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train").toString());
        assertThat(e.problem()).startsWith("not found").contains("train/<class>/<image>");
    }

    @Test
    void missingTestFolder() throws IOException {
        deleteTree(dir.resolve("test"));
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("test").toString());
        assertThat(e.problem()).startsWith("not found");
    }

    @Test
    void trainWithoutClassFolders() throws IOException {
        deleteTree(dir.resolve("train"));
        Files.createDirectories(dir.resolve("train"));
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train").toString());
        assertThat(e.problem()).startsWith("has no class folders");
    }

    @Test
    void emptyClassFolder() throws IOException {
        Files.createDirectories(dir.resolve("train/bird"));
        FolderFiles.bytes(dir.resolve("train/bird/.hidden"), new byte[] {1});
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train/bird").toString());
        assertThat(e.problem()).isEqualTo("empty folder: class 'bird' has no images");
    }

    @Test
    void fileThatIsNotAnImage() {
        FolderFiles.bytes(dir.resolve("train/cat/notes.txt"), "a note".getBytes());
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train/cat/notes.txt").toString());
        assertThat(e.problem()).startsWith("not a PNG or JPEG image");
    }

    @Test
    void textFileNamedPng() {
        FolderFiles.bytes(dir.resolve("test/dog/fake.png"), "<html>not found</html>".getBytes());
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("test/dog/fake.png").toString());
        assertThat(e.problem()).isEqualTo("not a PNG or JPEG image");
    }

    @Test
    void corruptPng() {
        byte[] garbage = new byte[200];
        Arrays.fill(garbage, (byte) 0x5A);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, garbage, 0, 8);
        FolderFiles.bytes(dir.resolve("train/dog/bad.png"), garbage);
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train/dog/bad.png").toString());
        assertThat(e.problem()).startsWith("cannot decode");
    }

    @Test
    void truncatedPng() throws IOException {
        Path file = dir.resolve("train/cat/0001.png");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(file.toString());
        assertThat(e.problem()).startsWith("cannot decode");
    }

    @Test
    void theFirstBadFileInReadingOrderIsReported() {
        FolderFiles.bytes(dir.resolve("test/cat/bad.png"), "x".getBytes());
        FolderFiles.bytes(dir.resolve("train/dog/bad.png"), "y".getBytes());
        FolderFiles.bytes(dir.resolve("train/cat/zzz.jpg"), "z".getBytes());
        for (int run = 0; run < 3; run++) {
            assertThat(failure().subject()).isEqualTo(dir.resolve("train/cat/zzz.jpg").toString());
        }
    }

    @Test
    void testClassThatIsNotATrainClass() {
        FolderFiles.rgbPng(dir.resolve("test/bird/1.png"), 1);
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("test/bird").toString());
        assertThat(e.problem()).contains("class 'bird'").contains("test classes must be train classes");
    }

    @Test
    void mixedSizesNameTheFirstImageThatDiffers() {
        FolderFiles.uniform(dir.resolve("train/dog/d.png"), 7, 8, 0, "png");
        FolderFiles.uniform(dir.resolve("test/dog/zz.png"), 9, 9, 0, "png");
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train/dog/d.png").toString());
        assertThat(e.problem()).startsWith("is 7x8 (height x width) but " + dir.resolve("train/cat/0000.png") + " is 6x8")
                .contains("--resize");
    }

    @Test
    void strayFileBesideTheClassFolders() {
        FolderFiles.bytes(dir.resolve("train/README"), "hello".getBytes());
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train/README").toString());
        assertThat(e.problem()).startsWith("is a file, but train/ may only hold class folders");
    }

    @Test
    void folderInsideAClassFolder() {
        FolderFiles.rgbPng(dir.resolve("train/cat/more/1.png"), 1);
        BadInputException e = failure();
        assertThat(e.subject()).isEqualTo(dir.resolve("train/cat/more").toString());
        assertThat(e.problem()).contains("images must sit directly in their class folder");
    }

    @Test
    void failedReadsLeaveTheDirectoryUntouched() {
        FolderFiles.bytes(dir.resolve("train/cat/notes.txt"), "a note".getBytes());
        var before = DirectorySnapshot.of(dir);
        failure();
        assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
    }
}
