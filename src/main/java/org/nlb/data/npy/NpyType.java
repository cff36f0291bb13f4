package org.nlb.data.npy;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The element types nlb reads and writes in {@code .npy} files, all little-endian. */
public enum NpyType {
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8),
    UINT8("|u1", 1),
    INT32("<i4", 4),
    INT64("<i8", 8);

    private final String descr;
    private final int bytes;

    NpyType(String descr, int bytes) {
        this.descr = descr;
        this.bytes = bytes;
    }

    /** numpy's type string, e.g. {@code <f4}. */
    public String descr() {
        return descr;
    }

    public int bytes() {
        return bytes;
    }

    /** The type for a numpy descr, or null; {@code <u1} and {@code u1} mean the same as {@code |u1}. */
    static NpyType fromDescr(String descr) {
        String d = descr.equals("<u1") || descr.equals("u1") ? "|u1" : descr;
        return Arrays.stream(values()).filter(t -> t.descr.equals(d)).findFirst().orElse(null);
    }

    static String supportedList() {
        return Arrays.stream(values()).map(NpyType::descr).collect(Collectors.joining(", "));
    }
}
