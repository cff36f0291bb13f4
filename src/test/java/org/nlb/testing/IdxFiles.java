package org.nlb.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;

/**
 * Writes MNIST-style IDX files byte by byte, independently of {@code IdxFormat}, so that tests
 * can compare what nlb reads and writes against files it did not produce itself.
 */
public final class IdxFiles {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private IdxFiles() {}

    /** An unsigned-byte IDX file: {@code 00 00 08 ndims}, big-endian dims, then {@code data}. */
    public static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buf.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            buf.putInt(d);
        }
        return buf.put(data).array();
    }

    /** The IDX bytes of a set's images: N×H×W for grey, N×C×H×W otherwise. */
    public static byte[] imagesIdx(ImageSet set) {
        int[] dims = set.channels() == 1
                ? new int[] {set.size(), set.height(), set.width()}
                : new int[] {set.size(), set.channels(), set.height(), set.width()};
        return idx(dims, set.pixels());
    }

    /** The IDX bytes of a set's labels. */
    public static byte[] labelsIdx(ImageSet set) {
        Labels labels = set.labels().orElseThrow();
        byte[] raw = new byte[labels.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) labels.get(i);
        }
        return idx(new int[] {raw.length}, raw);
    }

    /**
     * Writes the four files of an IDX data set into {@code dir} (".gz" names and gzip content if
     * {@code gzip}); colour sets use the idx4 image names. Returns {@code dir}.
     */
    public static Path writeSet(Path dir, ImageSet train, ImageSet test, boolean gzip) {
        String images = train.channels() == 1 ? "idx3-ubyte" : "idx4-ubyte";
        write(dir.resolve("train-images-" + images), imagesIdx(train), gzip);
        write(dir.resolve(TRAIN_LABELS), labelsIdx(train), gzip);
        write(dir.resolve("t10k-images-" + images), imagesIdx(test), gzip);
        write(dir.resolve(TEST_LABELS), labelsIdx(test), gzip);
        return dir;
    }

    /** Writes {@code content} to {@code file}, or gzip-compressed to {@code file.gz}; returns the path written. */
    public static Path write(Path file, byte[] content, boolean gzip) {
        try {
            Files.createDirectories(file.getParent());
            Path target = gzip ? file.resolveSibling(file.getFileName() + ".gz") : file;
            Files.write(target, gzip ? gzip(content) : content);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
