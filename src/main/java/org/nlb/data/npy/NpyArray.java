package org.nlb.data.npy;

import java.util.Arrays;

/**
 * An n-dimensional array as stored in a {@code .npy} file: its shape, its element type, and its
 * elements in C order held in the matching primitive array ({@code float[]} for float32,
 * {@code double[]} for float64, {@code byte[]} for uint8, {@code int[]} for int32,
 * {@code long[]} for int64).
 */
public final class NpyArray {
    private final long[] shape;
    private final NpyType type;
    private final Object data;

    private NpyArray(long[] shape, NpyType type, Object data) {
        this.shape = shape.clone();
        this.type = type;
        this.data = data;
        long count = elementCount(shape);
        if (count != java.lang.reflect.Array.getLength(data)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count
                    + " elements, data has " + java.lang.reflect.Array.getLength(data));
        }
    }

    public static NpyArray ofFloats(float[] data, long... shape) {
        return new NpyArray(shape, NpyType.FLOAT32, data);
    }

    public static NpyArray ofDoubles(double[] data, long... shape) {
        return new NpyArray(shape, NpyType.FLOAT64, data);
    }

    public static NpyArray ofBytes(byte[] data, long... shape) {
        return new NpyArray(shape, NpyType.UINT8, data);
    }

    public static NpyArray ofInts(int[] data, long... shape) {
        return new NpyArray(shape, NpyType.INT32, data);
    }

    public static NpyArray ofLongs(long[] data, long... shape) {
        return new NpyArray(shape, NpyType.INT64, data);
    }

    /** A one-dimensional int64 array, the format of index files. */
    public static NpyArray indices(int[] indices) {
        return ofLongs(Arrays.stream(indices).asLongStream().toArray(), indices.length);
    }

    /** The product of {@code shape}; zero if any dimension is, however large the others. */
    static long elementCount(long[] shape) {
        for (long d : shape) {
            if (d == 0) {
                return 0;
            }
        }
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public NpyType type() {
        return type;
    }

    public long size() {
        return elementCount(shape);
    }

    /** The backing primitive array; see the class comment for its type. */
    public Object data() {
        return data;
    }

    /** Element {@code i} in C order, as a double. */
    public double getDouble(int i) {
        return switch (type) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
        };
    }

    /** Element {@code i} in C order, as a long; floats must hold whole numbers. */
    public long getLong(int i) {
        return switch (type) {
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case FLOAT32, FLOAT64 -> {
                double v = getDouble(i);
                if (v != Math.rint(v)) {
                    throw new ArithmeticException("element " + i + " is " + v + ", not a whole number");
                }
                yield (long) v;
            }
        };
    }

    /** All elements as float32 (the working type of feature matrices); shares the data if it is float32. */
    public float[] toFloats() {
        if (type == NpyType.FLOAT32) {
            return (float[]) data;
        }
        int n = Math.toIntExact(size());
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) getDouble(i);
        }
        return out;
    }
}
