package org.nlb.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small files whose headers promise far more than they hold, for the memory tests of issue 16. */
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
}
