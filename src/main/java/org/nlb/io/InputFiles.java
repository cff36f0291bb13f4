package org.nlb.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/** Reads whole input files, turning every I/O failure into a {@link BadInputException}. */
public final class InputFiles {
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private InputFiles() {}

    /**
     * The bytes of {@code file}, decompressed if it is gzip (recognised by its magic bytes). The
     * memory taken is bounded by the file's real size, never by what its gzip trailer claims.
     */
    public static byte[] readMaybeGzip(Path file) {
        byte[] raw = read(file);
        if (raw.length < 2 || (raw[0] & 0xFF) != GZIP_MAGIC_0 || (raw[1] & 0xFF) != GZIP_MAGIC_1) {
            return raw;
        }
        try {
            return Gunzip.inflate(raw);
        } catch (Gunzip.TooLargeException e) {
            throw new BadInputException(file, e.pastRatio()
                    ? "corrupt gzip data (its " + raw.length + " bytes inflate to more than " + e.limit()
                            + ", past deflate's maximum ratio of " + Gunzip.MAX_RATIO + ":1)"
                    : "decompresses to more than " + e.limit() + " bytes, more than nlb can hold in one buffer", e);
        } catch (EOFException e) {
            throw new BadInputException(file, "truncated: the gzip stream ends early", e);
        } catch (ZipException e) {
            throw new BadInputException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (OutOfMemoryError e) {
            throw new BadInputException(file, HeapBudget.outOfMemoryText(), e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** The bytes of {@code file} as they are. */
    public static byte[] read(Path file) {
        requireRegularFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (OutOfMemoryError e) {
            throw new BadInputException(file, HeapBudget.outOfMemoryText(), e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** Fails with "not found" or "is a directory" unless {@code file} is a readable file. */
    public static void requireRegularFile(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file, "not found");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a directory, expected a file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(file, "cannot read: permission denied");
        }
    }

    /** Fails unless {@code dir} is an existing directory. */
    public static void requireDirectory(Path dir) {
        if (!Files.exists(dir)) {
            throw new BadInputException(dir, "not found");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, "is not a directory");
        }
    }

    public static BadInputException cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new BadInputException(file, "not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new BadInputException(file, "cannot read: permission denied", e);
        }
        return new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
}
