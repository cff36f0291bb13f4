package org.nlb.io;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a whole gzip file held in memory (RFC 1952; one member or several, each checked
 * against its CRC-32 and ISIZE). The trailer's ISIZE is only a hint, never the size of an
 * allocation: it is capped by what the compressed bytes can hold at deflate's maximum ratio
 * ({@value #MAX_RATIO}:1, zlib's FAQ) and by an absolute cap, the output grows as it inflates, and
 * data that outgrows that bound is refused with {@link TooLargeException}. The first allocation
 * believes ISIZE up to {@value #TRUSTED_RATIO} times the compressed size, so that a truncated or
 * forged trailer costs little; image data compresses far less than that, so with an honest
 * trailer the output is allocated once at the right size and filled in one native inflate call
 * (GZIPInputStream.readAllBytes grows and copies its buffer many times and made decoding
 * Fashion-MNIST twice as slow as numpy).
 */
final class Gunzip {
    /** Deflate's largest expansion: a 258-byte match coded in 2 bits. */
    static final int MAX_RATIO = 1032;
    /** The largest array a JVM reliably allocates. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8L;
    /** Expansion believed before any data is inflated: Fashion-MNIST is 1.8:1, MNIST 4.7:1. */
    static final int TRUSTED_RATIO = 16;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    private static final int SPILL = 1 << 16;

    /** The data inflates past {@code limit} bytes, the most {@link #inflate} allows. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;
        private final boolean pastRatio;

        TooLargeException(long limit, boolean pastRatio) {
            super("inflates to more than " + limit + " bytes");
            this.limit = limit;
            this.pastRatio = pastRatio;
        }

        long limit() {
            return limit;
        }

        /** True if the limit is deflate's maximum ratio (so the data is corrupt), false if the cap. */
        boolean pastRatio() {
            return pastRatio;
        }
    }

    private Gunzip() {}

    static byte[] inflate(byte[] gz) throws IOException {
        return inflate(gz, MAX_BYTES);
    }

    /** The data of {@code gz}, which may be at most {@code cap} bytes (and {@value #MAX_RATIO} times its size). */
    static byte[] inflate(byte[] gz, long cap) throws IOException {
        long byRatio = (long) gz.length * MAX_RATIO;
        long limit = Math.min(Math.min(byRatio, cap), MAX_BYTES);
        boolean pastRatio = byRatio <= Math.min(cap, MAX_BYTES);
        if (gz.length < HEADER + TRAILER) {
            throw new EOFException("truncated gzip stream");
        }
        long hint = Integer.toUnsignedLong(littleEndianInt(gz, gz.length - 4));
        byte[] out = new byte[(int) Math.min(hint, Math.min(limit, (long) gz.length * TRUSTED_RATIO))];
        byte[] spill = null;
        int size = 0;
        int pos = 0;
        do {
            pos = headerLength(gz, pos);
            int memberStart = size;
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(gz, pos, gz.length - pos);
                while (!inflater.finished()) {
                    int n;
                    if (size < out.length) {
                        n = inflater.inflate(out, size, out.length - size);
                        size += n;
                    } else {
                        // Full: inflate aside, and grow only if there really is more data.
                        spill = spill == null ? new byte[SPILL] : spill;
                        n = inflater.inflate(spill);
                        if (n > 0) {
                            out = grow(out, size + (long) n, limit, pastRatio);
                            System.arraycopy(spill, 0, out, size, n);
                            size += n;
                        }
                    }
                    if (n == 0 && !inflater.finished()) {
                        if (inflater.needsInput()) {
                            throw new EOFException("truncated gzip stream");
                        }
                        throw new ZipException(inflater.needsDictionary() ? "needs a preset dictionary"
                                : "the deflate stream makes no progress");
                    }
                }
                pos += (int) inflater.getBytesRead();
            } catch (DataFormatException e) {
                throw new ZipException(e.getMessage());
            } finally {
                inflater.end();
            }
            pos = checkTrailer(gz, pos, out, memberStart, size);
        } while (hasAnotherMember(gz, pos));
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    private static byte[] grow(byte[] out, long needed, long limit, boolean pastRatio) throws TooLargeException {
        if (needed > limit) {
            throw new TooLargeException(limit, pastRatio);
        }
        long doubled = Math.max(needed, Math.min(limit, 2L * out.length));
        return Arrays.copyOf(out, (int) doubled);
    }

    /** Checks the CRC-32 and ISIZE of the member that inflated to {@code out[from, to)}; returns the next position. */
    private static int checkTrailer(byte[] gz, int pos, byte[] out, int from, int to) throws IOException {
        if (gz.length - pos < TRAILER) {
            throw new EOFException("truncated gzip stream");
        }
        CRC32 crc = new CRC32();
        crc.update(out, from, to - from);
        if ((int) crc.getValue() != littleEndianInt(gz, pos)) {
            throw new ZipException("CRC mismatch");
        }
        int isize = littleEndianInt(gz, pos + 4);
        if (isize != to - from) {
            throw new ZipException("the trailer gives the size as " + Integer.toUnsignedString(isize)
                    + " bytes, the data inflates to " + (to - from));
        }
        return pos + TRAILER;
    }

    /** Whether another member starts at {@code pos}; trailing zero bytes (padding) end the file, anything else is corrupt. */
    private static boolean hasAnotherMember(byte[] gz, int pos) throws ZipException {
        if (pos >= gz.length) {
            return false;
        }
        if (gz.length - pos >= 2 && (gz[pos] & 0xFF) == 0x1f && (gz[pos + 1] & 0xFF) == 0x8b) {
            return true;
        }
        for (int k = pos; k < gz.length; k++) {
            if (gz[k] != 0) {
                throw new ZipException((gz.length - pos) + " bytes of trailing garbage after the gzip data");
            }
        }
        return false;
    }

    /** The position of the deflate data of the member whose header starts at {@code start}. */
    private static int headerLength(byte[] gz, int start) throws IOException {
        require(gz, start + HEADER);
        if ((gz[start] & 0xFF) != 0x1f || (gz[start + 1] & 0xFF) != 0x8b) {
            throw new ZipException("not in gzip format");
        }
        if (gz[start + 2] != 8) {
            throw new ZipException("unsupported compression method " + gz[start + 2]);
        }
        int flags = gz[start + 3] & 0xFF;
        int pos = start + HEADER;
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
