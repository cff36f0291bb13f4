package org.nlb.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files and directories so that a reader never sees half of them: everything goes to a
 * temporary sibling first and is moved into place in one rename. A failure leaves no trace, and
 * an output being replaced stays whole until its replacement is complete ({@link #replaceDirectory}).
 */
public final class AtomicOutput {
    // Temporary files are created private (0600/0700); outputs are ordinary files and folders.
    private static final String FILE_MODE = "rw-r--r--";
    private static final String DIRECTORY_MODE = "rwxr-xr-x";

    private AtomicOutput() {}

    /** Something that writes the content of one file. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Something that fills a fresh, empty directory. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeInto(Path dir) throws IOException;
    }

    /** Writes {@code target} atomically; an existing file is replaced. */
    public static void writeFile(Path target, FileContent content) {
        Path parent = parentOf(target);
        ensureDirectory(parent);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
            makeShareable(tmp, FILE_MODE);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            moveIntoPlace(tmp, target);
            tmp = null;
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Writes small text files atomically. */
    public static void writeString(Path target, String text) {
        writeFile(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Creates directory {@code target} with the given content atomically. An existing non-empty
     * directory is refused unless {@code replace} is set, in which case it is swapped out whole
     * once the new content is complete: until then it is untouched ({@link #replaceDirectory}).
     */
    public static void writeDirectory(Path target, boolean replace, DirectoryContent content) {
        if (Files.isRegularFile(target)) {
            throw new BadInputException(target, "exists and is a file, not a directory");
        }
        if (!replace && Files.isDirectory(target) && !isEmptyDirectory(target)) {
            throw new BadInputException(target, "output directory is not empty (use --force to replace it)");
        }
        Path parent = parentOf(target);
        ensureDirectory(parent);
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            makeShareable(tmp, DIRECTORY_MODE);
            content.writeInto(tmp);
            if (Files.isDirectory(target) && !isEmptyDirectory(target)) {
                replaceDirectory(tmp, target);
            } else {
                moveIntoPlace(tmp, target); // a rename replaces an empty directory in one step
            }
            tmp = null;
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Where a writer that takes long (a training run) builds the directory that will replace
     * {@code target}: the hidden sibling {@code .NAME.nlb-new}, the same every time, so that the
     * same command after a kill finds its unfinished work; {@link #replaceDirectory} puts it in place.
     */
    public static Path replacementOf(Path target) {
        return parentOf(target).resolve("." + target.getFileName() + ".nlb-new");
    }

    /**
     * Puts the complete directory {@code replacement} in the place of {@code target} (which may be
     * absent): {@code target} is renamed aside to a hidden sibling, {@code replacement} renamed to
     * {@code target}, then the old one deleted. A crash at any moment leaves the old directory or
     * the new one whole; between the two renames both are, under their hidden names (Java has no
     * atomic exchange of two directories). If the second rename fails the old one is put back.
     */
    public static void replaceDirectory(Path replacement, Path target) throws IOException {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            moveIntoPlace(replacement, target);
            return;
        }
        Path aside = Files.createTempDirectory(parentOf(target), "." + target.getFileName() + ".old-");
        moveIntoPlace(target, aside); // onto the empty placeholder, which a rename replaces
        try {
            moveIntoPlace(replacement, target);
        } catch (IOException | RuntimeException e) {
            try {
                moveIntoPlace(aside, target);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        deleteQuietly(aside);
    }

    /** Makes sure {@code dir} exists and is a writable directory, with a clear error otherwise. */
    public static void ensureDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(dir, "exists and is not a directory");
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException(dir, "cannot write: permission denied");
        }
    }

    private static void makeShareable(Path path, String mode) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new BadInputException(target, "cannot write to the file system root");
        }
        return parent;
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps an I/O failure on an output path to the user-facing error. */
    public static BadInputException cannotWrite(Path target, IOException e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "a parent directory does not exist";
        } else if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            why = "a parent path is not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            why = "directory is not empty";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            // The bare reason ("Not a directory"): getMessage() would repeat the path, or name
            // a temporary file the user never asked for.
            String reason = fs.getReason();
            why = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new BadInputException(target, "cannot write: " + why, e);
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            if (Files.isDirectory(path)) {
                deleteRecursively(path);
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // Best effort: the temporary name starts with a dot and will not be mistaken for output.
        }
    }
}
