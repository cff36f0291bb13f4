package org.nlb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No partial output (DESIGN §7): files and directories appear whole or not at all, failures
 * leave neither temporary files nor damaged old output, and unwritable places are bad input.
 * Tests run as root, so unwritable places are made by putting the output under a regular file.
 */
class AtomicOutputTest {
    @TempDir
    Path tmp;

    @Test
    void writeFileCreatesParentsAndWritesTheContent() throws IOException {
        Path target = tmp.resolve("a/b/out.bin");

        AtomicOutput.writeFile(target, out -> out.write(new byte[] {1, 2, 3}));

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(entries(target.getParent())).containsExactly("out.bin");
    }

    @Test
    void writeFileReplacesAnExistingFile() throws IOException {
        Path target = tmp.resolve("out.txt");
        Files.writeString(target, "old content that is longer");

        AtomicOutput.writeString(target, "new ü");

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("new ü");
        assertThat(entries(tmp)).containsExactly("out.txt");
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("out.txt");
        Files.writeString(target, "old");

        BadInputException e = assertBadInput(() -> AtomicOutput.writeFile(target, out -> {
            out.write("half of the new content".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }), target, "cannot write", "disk full");

        assertThat(e.getCause()).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(entries(tmp)).containsExactly("out.txt");
    }

    @Test
    void anUncheckedFailureInTheWriterPropagatesAndLeavesNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("new.txt");
        IllegalStateException boom = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> AtomicOutput.writeFile(target, out -> {
            out.write(1);
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void writeFileUnderARegularFileIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");

        assertBadInput(() -> AtomicOutput.writeString(file.resolve("out.txt"), "y"), file, "not a directory");
        assertBadInput(() -> AtomicOutput.writeString(file.resolve("sub/out.txt"), "y"),
                file.resolve("sub"), "cannot write", "not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void writeFileOverADirectoryIsBadInput() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(dir.resolve("keep"), "k");

        assertBadInput(() -> AtomicOutput.writeString(dir, "y"), dir, "cannot write");
        assertThat(Files.readString(dir.resolve("keep"))).isEqualTo("k");
        assertThat(entries(tmp)).containsExactly("taken");
    }

    @Test
    void writeDirectoryCreatesTheDirectoryWithItsContent() throws IOException {
        Path target = tmp.resolve("out");

        AtomicOutput.writeDirectory(target, false, dir -> {
            Files.writeString(dir.resolve("a.txt"), "a");
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sub/b.txt"), "b");
        });

        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("a");
        assertThat(Files.readString(target.resolve("sub/b.txt"))).isEqualTo("b");
        assertThat(entries(tmp)).containsExactly("out");
    }

    @Test
    void writeDirectoryFillsAnExistingEmptyDirectory() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out"));

        AtomicOutput.writeDirectory(target, false, dir -> Files.writeString(dir.resolve("a.txt"), "a"));

        assertThat(entries(target)).containsExactly("a.txt");
    }

    @Test
    void writeDirectoryRefusesANonEmptyDirectoryUnlessReplacing() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");

        assertBadInput(() -> AtomicOutput.writeDirectory(target, false, dir -> Files.writeString(dir.resolve("new.txt"), "new")),
                target, "not empty", "--force");
        assertThat(entries(target)).containsExactly("old.txt");
        assertThat(entries(tmp)).containsExactly("out");

        AtomicOutput.writeDirectory(target, true, dir -> Files.writeString(dir.resolve("new.txt"), "new"));

        assertThat(entries(target)).containsExactly("new.txt");
        assertThat(entries(tmp)).containsExactly("out");
    }

    @Test
    void aFailureWhileFillingLeavesNoTemporaryDirectoryAndKeepsTheOldOutput() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");

        assertBadInput(() -> AtomicOutput.writeDirectory(target, true, dir -> {
            Files.writeString(dir.resolve("partial.txt"), "partial");
            throw new IOException("disk full");
        }), target, "cannot write", "disk full");

        assertThat(entries(tmp)).containsExactly("out");
        assertThat(entries(target)).containsExactly("old.txt");
    }

    @Test
    void replacingKeepsTheOldDirectoryWholeUntilTheNewOneIsComplete() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out/sub"));
        Files.writeString(target.resolve("old.txt"), "old");
        Path out = target.getParent();

        AtomicOutput.writeDirectory(out, true, dir -> {
            Files.writeString(dir.resolve("new.txt"), "new");
            // midway through writing the new content, the old output is still all there
            assertThat(entries(out)).containsExactly("sub");
            assertThat(Files.readString(target.resolve("old.txt"))).isEqualTo("old");
        });

        assertThat(entries(out)).containsExactly("new.txt");
        assertThat(entries(tmp)).as("nothing set aside is left").containsExactly("out");
    }

    @Test
    void anUncheckedFailureWhileReplacingKeepsTheOldOutput() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");
        IllegalStateException crash = new IllegalStateException("killed midway");

        Throwable thrown = catchThrowable(() -> AtomicOutput.writeDirectory(target, true, dir -> {
            Files.writeString(dir.resolve("half.txt"), "half");
            throw crash;
        }));

        assertThat(thrown).isSameAs(crash);
        assertThat(entries(target)).containsExactly("old.txt");
        assertThat(Files.readString(target.resolve("old.txt"))).isEqualTo("old");
        assertThat(entries(tmp)).containsExactly("out");
    }

    @Test
    void replaceDirectorySwapsAWholeDirectoryIn() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");
        Path replacement = Files.createDirectories(AtomicOutput.replacementOf(target));
        Files.writeString(replacement.resolve("new.txt"), "new");

        AtomicOutput.replaceDirectory(replacement, target);

        assertThat(replacement.getFileName()).hasToString(".out.nlb-new");
        assertThat(entries(target)).containsExactly("new.txt");
        assertThat(entries(tmp)).containsExactly("out");
        Path absent = tmp.resolve("absent");
        Path another = Files.createDirectories(AtomicOutput.replacementOf(absent));
        AtomicOutput.replaceDirectory(another, absent);
        assertThat(absent).isEmptyDirectory();
    }

    @Test
    void whenTheReplacementCannotBeMovedInTheOldDirectoryIsPutBack() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");

        Throwable thrown = catchThrowable(() -> AtomicOutput.replaceDirectory(tmp.resolve("gone"), target));

        assertThat(thrown).isInstanceOf(IOException.class);
        assertThat(Files.readString(target.resolve("old.txt"))).isEqualTo("old");
        assertThat(entries(tmp)).containsExactly("out");
    }

    @Test
    void badInputFromTheContentPassesThroughUnchanged() {
        Path target = tmp.resolve("out");
        BadInputException inner = new BadInputException("--budget", "is larger than the data set");

        Throwable thrown = catchThrowable(() -> AtomicOutput.writeDirectory(target, false, dir -> {
            throw inner;
        }));

        assertThat(thrown).isSameAs(inner);
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void writeDirectoryOverARegularFileIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "x");

        assertBadInput(() -> AtomicOutput.writeDirectory(file, true, dir -> { }), file, "is a file", "not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void writeDirectoryUnderARegularFileIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");

        assertBadInput(() -> AtomicOutput.writeDirectory(file.resolve("out"), false, dir -> { }),
                file, "not a directory");
        assertBadInput(() -> AtomicOutput.writeDirectory(file.resolve("a/out"), false, dir -> { }),
                file.resolve("a"), "cannot write", "not a directory");
        assertThat(entries(tmp)).containsExactly("plain");
    }

    @Test
    void messagesDoNotRepeatThePathTheyAreAbout() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");

        BadInputException e = assertBadInput(() -> AtomicOutput.writeDirectory(file.resolve("a/out"), false, dir -> { }),
                file.resolve("a"), "not a directory");

        assertThat(e.problem()).doesNotContain(tmp.toString());
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
