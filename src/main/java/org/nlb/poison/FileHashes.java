package org.nlb.poison;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.nlb.artefact.Manifest.FileHash;
import org.nlb.io.InputFiles;

/** SHA-256 of files, for the provenance in manifests (DESIGN §6). */
public final class FileHashes {
    private FileHashes() {}

    /** The hash of one file, recorded under {@code recordedPath}. */
    public static FileHash of(Path file, String recordedPath) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            for (int got; (got = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, got);
                bytes += got;
            }
            return new FileHash(recordedPath, bytes, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The hash of one input file, recorded under its absolute path. */
    public static FileHash of(Path file) {
        return of(file, file.toAbsolutePath().normalize().toString());
    }

    /**
     * Every regular file under {@code dir}, sorted by path; recorded relative to {@code dir} with
     * '/' separators if {@code relative}, else by absolute path.
     */
    public static List<FileHash> under(Path dir, boolean relative) {
        Path root = dir.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .sorted()
                    .map(p -> of(p, relative ? slashes(root.relativize(p)) : p.toString()))
                    .toList();
        } catch (IOException e) {
            throw InputFiles.cannotRead(dir, e);
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
