package org.nlb.io;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a whole gzip file held in memory into an array of exactly the right size, read
 * from the gzip trailer (ISIZE), in one native inflate call. GZIPInputStream.readAllBytes grows
 * and copies its buffer many times and made decoding Fashion-MNIST twice as slow as numpy.
 * Multi-member files (rare) fall back to GZIPInputStream.
 */
final class Gunzip {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int TRAILER = 8;

    private Gunzip() {}

    static byte[] inflate(byte[] gz) throws IOException {
        int pos = headerLength(gz);
        if (gz.length < pos + TRAILER) {
            throw new EOFException("truncated gzip stream");
        }
        int isize = littleEndianInt(gz, gz.length - 4);
        int expectedCrc = littleEndianInt(gz, gz.length - TRAILER);
        if (isize < 0) {
            return viaStream(gz);
        }
        byte[] out = new byte[isize];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gz, pos, gz.length - pos);
            int n = inflater.inflate(out);
            if (!inflater.finished()) {
                if (inflater.needsInput()) {
                    throw new EOFException("truncated gzip stream");
                }
                return viaStream(gz);
            }
            if (n != isize || inflater.getRemaining() != TRAILER) {
                return viaStream(gz);
            }
        } catch (DataFormatException e) {
            throw new ZipException(e.getMessage());
        } finally {
            inflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if ((int) crc.getValue() != expectedCrc) {
            throw new ZipException("CRC mismatch");
        }
        return out;
    }

    private static byte[] viaStream(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
            return in.readAllBytes();
        }
    }

    private static int headerLength(byte[] gz) throws IOException {
        if (gz.length < 10) {
            throw new EOFException("truncated gzip header");
        }
        if (gz[2] != 8) {
            throw new ZipException("unsupported compression method " + gz[2]);
        }
        int flags = gz[3] & 0xFF;
        int pos = 10;
        if ((flags & FEXTRA) != 0) {
            require(gz, pos + 2);
            pos += 2 + ((gz[pos] & 0xFF) | (gz[pos + 1] & 0xFF) << 8);
        }
        if ((flags & FNAME) != 0) {
            pos = skipZeroTerminated(gz, pos);
        }
        if ((flags & FCOMMENT) != 0) {
            pos = skipZeroTerminated(gz, pos);
        }
        if ((flags & FHCRC) != 0) {
            pos += 2;
        }
        require(gz, pos);
        return pos;
    }

    private static int skipZeroTerminated(byte[] gz, int pos) throws EOFException {
        while (pos < gz.length && gz[pos] != 0) {
            pos++;
        }
        require(gz, pos + 1);
        return pos + 1;
    }

    private static void require(byte[] gz, int length) throws EOFException {
        if (gz.length < length) {
            throw new EOFException("truncated gzip header");
        }
    }

    private static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
