package org.nlb.data.idx;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.nlb.io.BadInputException;

/**
 * One decoded IDX file of unsigned bytes: its dimensions and its data (a copy of the payload).
 * Header: two zero bytes, type {@code 0x08} (ubyte), the number of dimensions, then each
 * dimension as a big-endian int32.
 */
record IdxArray(Path file, int[] dims, byte[] data) {
    private static final int UBYTE = 0x08;

    static IdxArray parse(Path file, byte[] bytes) {
        if (bytes.length < 4) {
            throw new BadInputException(file, "truncated: " + bytes.length + " bytes is shorter than an IDX header");
        }
        if (bytes[0] != 0 || bytes[1] != 0) {
            throw new BadInputException(file, String.format(
                    "wrong magic number 0x%02x%02x%02x%02x: not an IDX file", bytes[0], bytes[1], bytes[2], bytes[3]));
        }
        if ((bytes[2] & 0xFF) != UBYTE) {
            throw new BadInputException(file, String.format(
                    "IDX element type 0x%02x is not supported; only unsigned bytes (0x08)", bytes[2] & 0xFF));
        }
        int ndims = bytes[3] & 0xFF;
        if (ndims < 1 || ndims > 4) {
            throw new BadInputException(file, "IDX header declares " + ndims + " dimensions; expected 1 to 4");
        }
        int headerBytes = 4 + 4 * ndims;
        if (bytes.length < headerBytes) {
            throw new BadInputException(file, "truncated: the header needs " + headerBytes + " bytes, the file has " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int[] dims = new int[ndims];
        for (int k = 0; k < ndims; k++) {
            dims[k] = buf.getInt(4 + 4 * k);
            if (dims[k] < 0) {
                throw new BadInputException(file, "IDX dimension " + k + " is negative (" + Integer.toUnsignedString(dims[k]) + ")");
            }
        }
        // Compared with the payload before anything is allocated: a corrupt header in a tiny file
        // is a truncated file, not a request for gigabytes. Saturates instead of overflowing.
        long count = elementCount(dims);
        long payload = (long) bytes.length - headerBytes;
        if (payload < count) {
            String promised = count == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(count);
            throw new BadInputException(file, "truncated: the header declares dimensions " + Arrays.toString(dims)
                    + ", " + promised + " bytes of data; the file has " + payload);
        }
        if (payload > count) {
            throw new BadInputException(file, "has " + (payload - count) + " unexpected bytes after the "
                    + count + " bytes of data its header declares");
        }
        return new IdxArray(file, dims, Arrays.copyOfRange(bytes, headerBytes, bytes.length));
    }

    /** The product of {@code dims}, or {@link Long#MAX_VALUE} if it does not fit a long. */
    private static long elementCount(int[] dims) {
        long count = 1;
        for (int d : dims) {
            if (d == 0) {
                return 0;
            }
            count = count > Long.MAX_VALUE / d ? Long.MAX_VALUE : count * d;
        }
        return count;
    }

    static byte[] header(int[] dims) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length);
        buf.put((byte) 0).put((byte) 0).put((byte) UBYTE).put((byte) dims.length);
        for (int d : dims) {
            buf.putInt(d);
        }
        return buf.array();
    }
}
