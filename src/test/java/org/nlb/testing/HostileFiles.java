package org.nlb.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Small files whose headers promise far more than they hold, for the heap-budget refusal tests. */
public final class HostileFiles {
    private HostileFiles() {}

    /**
     * A 29-byte gzip file: a 10-byte header, an 8-byte file name, an empty deflate stream, the
     * CRC-32 of nothing and a forged ISIZE of {@code isize} (read unsigned).
     */
    public static byte[] forgedGzipTrailer(int isize) {
        ByteBuffer b = ByteBuffer.allocate(29).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, 3}); // deflate, FNAME set, Unix
        b.put("bomb.idx".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        b.put(new byte[] {3, 0}); // one final fixed-Huffman block holding only end-of-block
        b.putInt(0).putInt(isize);
        return b.array();
    }

    /**
     * Writes a valid all-black 8-bit PNG of {@code height×width} pixels (RGB, or gray if
     * {@code gray}) to {@code file}, streaming its rows through the compressor so that even an
     * 8000×8000 image is made in little memory; it compresses about 1000:1 (8000×8000 RGB: 190 KB).
     */
    public static Path blankPng(Path file, int height, int width, boolean gray) {
        int rowBytes = 1 + width * (gray ? 1 : 3); // filter byte "none", then the samples
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[rowBytes];
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) (gray ? 0 : 2)).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(png)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(out, "IHDR", ihdr.array());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /** A version 1.0 {@code .npy} file with {@code dict} as its header, padded as numpy pads it, and {@code dataBytes} zero bytes. */
    public static Path npy(Path file, String dict, int dataBytes) {
        String header = dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, buf.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
