package org.nlb.data.npy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.HeapBudget;
import org.nlb.io.InputFiles;

/**
 * Reads and writes numpy's {@code .npy} format (versions 1.0, 2.0 and 3.0): the magic
 * {@code \x93NUMPY}, a version, a header length (uint16 for 1.0, uint32 after), a Python dict
 * literal with {@code descr}, {@code fortran_order} and {@code shape}, padded so the data starts
 * on a 64-byte boundary, then the elements. Only little-endian C-order arrays are accepted.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;
    /** The most elements one Java array holds on common JVMs. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** A quoted dict key: a quoted string followed by a colon (values are never followed by one). */
    private static final Pattern KEY = Pattern.compile("(['\"])([^'\"]*)\\1\\s*:");
    private static final java.util.Set<String> KEYS = java.util.Set.of("descr", "fortran_order", "shape");
    private static final int CHUNK = 1 << 20;
    /** numpy's ARRAY_ALIGN: the data starts at a multiple of this. */
    private static final int ALIGN = 64;
    /** numpy's GROWTH_AXIS_MAX_DIGITS: header room for the first dimension to grow to 21 digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private Npy() {}

    /** Reads {@code file}, checking every header field against the file's real size. */
    public static NpyArray read(Path file) {
        InputFiles.requireRegularFile(file);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            long fileSize = Files.size(file);
            byte[] magic = in.readNBytes(8);
            if (magic.length < 8) {
                throw new BadInputException(file, "truncated: too short for a .npy header");
            }
            for (int k = 0; k < MAGIC.length; k++) {
                if (magic[k] != MAGIC[k]) {
                    throw new BadInputException(file, "wrong magic: not a .npy file");
                }
            }
            int major = magic[6] & 0xFF;
            int minor = magic[7] & 0xFF;
            if (minor != 0 || major < 1 || major > 3) {
                throw new BadInputException(file, ".npy format version " + major + "." + minor
                        + " is not supported (1.0, 2.0 and 3.0 are)");
            }
            int headerLength;
            int prefix;
            if (major == 1) {
                byte[] len = in.readNBytes(2);
                requireLength(file, len, 2);
                headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
                prefix = 10;
            } else {
                byte[] len = in.readNBytes(4);
                requireLength(file, len, 4);
                headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
                prefix = 12;
            }
            if (headerLength < 0 || headerLength > MAX_HEADER || prefix + (long) headerLength > fileSize) {
                throw new BadInputException(file, "corrupt header: header length " + Integer.toUnsignedString(headerLength)
                        + " does not fit a " + fileSize + "-byte file");
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            requireLength(file, headerBytes, headerLength);
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Header h = parseHeader(file, header);
            // The shape is checked against the file before anything is allocated: an absurd shape
            // in a small file is a truncated file, whatever the shape's size.
            long dataBytes = fileSize - prefix - headerLength;
            long needed = saturatingProduct(h.count, h.type.bytes());
            if (dataBytes < needed) {
                String neededText = needed == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(needed);
                throw new BadInputException(file, "truncated: shape " + shapeText(h.shape) + " of " + h.type.descr()
                        + " needs " + neededText + " bytes of data, the file has " + dataBytes);
            }
            if (dataBytes > needed) {
                throw new BadInputException(file, "has " + (dataBytes - needed) + " bytes after the data its header declares");
            }
            if (h.count > MAX_ELEMENTS) {
                throw new BadInputException(file, "shape " + shapeText(h.shape) + " has " + h.count
                        + " elements, more than one Java array holds (" + MAX_ELEMENTS + ")");
            }
            return readData(file, in, h);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        } catch (OutOfMemoryError e) {
            throw new BadInputException(file, HeapBudget.outOfMemoryText(), e);
        }
    }

    private static void requireLength(Path file, byte[] got, int wanted) {
        if (got.length < wanted) {
            throw new BadInputException(file, "truncated: the header ends early");
        }
    }

    /** @param count the product of the shape, saturated at {@link Long#MAX_VALUE} */
    private record Header(NpyType type, long[] shape, long count) {}

    private static Header parseHeader(Path file, String header) {
        requireKeysOnce(file, header);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!header.strip().startsWith("{") || !descr.find() || !fortran.find() || !shape.find()) {
            throw new BadInputException(file, "corrupt header: expected a dict with 'descr', 'fortran_order' and 'shape'");
        }
        String d = descr.group(1);
        NpyType type = NpyType.fromDescr(d);
        if (type == null) {
            String why = d.startsWith(">") ? "is big-endian; save it little-endian (numpy: a.astype('<"
                    + d.substring(1) + "'))" : "is not supported";
            throw new BadInputException(file, "element type '" + d + "' " + why + "; supported: " + NpyType.supportedList());
        }
        if (fortran.group(1).equals("True")) {
            throw new BadInputException(file, "is in Fortran order; save it in C order (numpy: np.ascontiguousarray)");
        }
        String tuple = shape.group(1).strip();
        String[] parts = tuple.isEmpty() ? new String[0] : tuple.split(",", -1);
        // Python tuple syntax: "()", "(3,)", "(3, 4)" or "(3, 4,)"; only the last entry may be empty.
        int entries = parts.length > 0 && parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        long[] dims = new long[entries];
        for (int k = 0; k < entries; k++) {
            String s = parts[k].strip();
            if (s.isEmpty()) {
                throw new BadInputException(file, "corrupt header: shape (" + tuple + ") is not a tuple of whole numbers");
            }
            long dim;
            try {
                dim = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, "corrupt header: shape entry '" + s + "' is not a number");
            }
            if (dim < 0) {
                throw new BadInputException(file, "corrupt header: negative dimension " + dim);
            }
            dims[k] = dim;
        }
        long count = 1;
        for (long dim : dims) {
            count = saturatingProduct(count, dim);
        }
        return new Header(type, dims, count);
    }

    /**
     * Refuses a header dict with a key other than the three, or with one of them twice: numpy keeps
     * the last value of a repeated key, the patterns here would find the first, so the file would
     * mean one thing to numpy and another to nlb.
     */
    private static void requireKeysOnce(Path file, String header) {
        Matcher keys = KEY.matcher(header);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (keys.find()) {
            String key = keys.group(2);
            if (!KEYS.contains(key)) {
                throw new BadInputException(file, "corrupt header: unexpected key '" + key
                        + "'; a .npy header holds 'descr', 'fortran_order' and 'shape'");
            }
            if (!seen.add(key)) {
                throw new BadInputException(file, "corrupt header: key '" + key
                        + "' appears twice (numpy would read the last value, nlb refuses to guess)");
            }
        }
    }

    /** {@code a * b} for non-negative values, or {@link Long#MAX_VALUE} if it does not fit. */
    private static long saturatingProduct(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static NpyArray readData(Path file, InputStream in, Header h) throws IOException {
        int n = (int) h.count;
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK - CHUNK % 8).order(ByteOrder.LITTLE_ENDIAN);
        switch (h.type) {
            case UINT8 -> {
                byte[] out = in.readNBytes(n);
                requireLength(file, out, n);
                return NpyArray.ofBytes(out, h.shape);
            }
            case FLOAT32 -> {
                float[] out = new float[n];
                int done = 0;
                while (done < n) {
                    int k = fill(file, in, chunk, Math.min(n - done, chunk.capacity() / 4) * 4) / 4;
                    chunk.asFloatBuffer().get(out, done, k);
                    done += k;
                }
                return NpyArray.ofFloats(out, h.shape);
            }
            case FLOAT64 -> {
                double[] out = new double[n];
                int done = 0;
                while (done < n) {
                    int k = fill(file, in, chunk, Math.min(n - done, chunk.capacity() / 8) * 8) / 8;
                    chunk.asDoubleBuffer().get(out, done, k);
                    done += k;
                }
                return NpyArray.ofDoubles(out, h.shape);
            }
            case INT32 -> {
                int[] out = new int[n];
                int done = 0;
                while (done < n) {
                    int k = fill(file, in, chunk, Math.min(n - done, chunk.capacity() / 4) * 4) / 4;
                    chunk.asIntBuffer().get(out, done, k);
                    done += k;
                }
                return NpyArray.ofInts(out, h.shape);
            }
            case INT64 -> {
                long[] out = new long[n];
                int done = 0;
                while (done < n) {
                    int k = fill(file, in, chunk, Math.min(n - done, chunk.capacity() / 8) * 8) / 8;
                    chunk.asLongBuffer().get(out, done, k);
                    done += k;
                }
                return NpyArray.ofLongs(out, h.shape);
            }
            default -> throw new IllegalStateException(h.type.toString());
        }
    }

    private static int fill(Path file, InputStream in, ByteBuffer chunk, int bytes) throws IOException {
        chunk.clear();
        int got = in.readNBytes(chunk.array(), 0, bytes);
        if (got < bytes) {
            throw new BadInputException(file, "truncated: the data ends early");
        }
        chunk.limit(bytes);
        return bytes;
    }

    /** Writes {@code array} to {@code file} atomically, as numpy would (version 1.0 when the header fits). */
    public static void write(Path file, NpyArray array) {
        AtomicOutput.writeFile(file, out -> writeTo(out, array));
    }

    /**
     * The header and data of {@code array} in {@code .npy} form, byte for byte what numpy
     * (1.23 and later) writes with {@code np.save}: the dict, then 21 minus the digits of the
     * first dimension in spaces (room for numpy to grow the array in place), then 1 to 64 spaces
     * and a newline so the data starts on a 64-byte boundary; version 2.0 only if 1.0's 16-bit
     * header length cannot hold it.
     */
    public static void writeTo(OutputStream out, NpyArray array) throws IOException {
        long[] shape = array.shape();
        String dict = "{'descr': '" + array.type().descr() + "', 'fortran_order': False, 'shape': "
                + shapeText(shape) + ", }";
        int growth = shape.length == 0 ? 0 : GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length();
        int unpadded = dict.length() + growth + 1; // + the final newline
        int version = unpadded + padding(10, unpadded) > 0xFFFF ? 2 : 1;
        int prefix = version == 1 ? 10 : 12;
        int padding = padding(prefix, unpadded);
        String header = dict + " ".repeat(growth + padding) + "\n";
        ByteBuffer pre = ByteBuffer.allocate(prefix).order(ByteOrder.LITTLE_ENDIAN);
        pre.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            pre.putShort((short) header.length());
        } else {
            pre.putInt(header.length());
        }
        out.write(pre.array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        writeData(out, array);
    }

    /** Spaces that make {@code prefix + header} a multiple of 64: 1..64, never 0, as numpy does. */
    private static int padding(int prefix, int unpaddedHeader) {
        return ALIGN - (prefix + unpaddedHeader) % ALIGN;
    }

    private static void writeData(OutputStream out, NpyArray array) throws IOException {
        int n = Math.toIntExact(array.size());
        if (array.type() == NpyType.UINT8) {
            out.write((byte[]) array.data());
            return;
        }
        int width = array.type().bytes();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK / width;
        for (int done = 0; done < n; done += perChunk) {
            int k = Math.min(perChunk, n - done);
            chunk.clear();
            switch (array.type()) {
                case FLOAT32 -> chunk.asFloatBuffer().put((float[]) array.data(), done, k);
                case FLOAT64 -> chunk.asDoubleBuffer().put((double[]) array.data(), done, k);
                case INT32 -> chunk.asIntBuffer().put((int[]) array.data(), done, k);
                case INT64 -> chunk.asLongBuffer().put((long[]) array.data(), done, k);
                default -> throw new IllegalStateException(array.type().toString());
            }
            out.write(chunk.array(), 0, k * width);
        }
    }

    /** numpy's repr of a shape tuple: {@code (3,)}, {@code (3, 4)}, {@code ()}. */
    static String shapeText(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }
}
