package org.nlb.data;

import java.util.Arrays;
import java.util.List;

/**
 * Integer class labels {@code 0 … classCount-1} and the names of those classes.
 *
 * @param values one label per image
 * @param classNames name of class k at index k; its size is the class count
 */
public record Labels(int[] values, List<String> classNames) {
    public Labels {
        classNames = List.copyOf(classNames);
        int classes = classNames.size();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw new IllegalArgumentException(
                        "label " + values[i] + " of item " + i + " is outside 0.." + (classes - 1));
            }
        }
    }

    /** Labels whose classes are named by their numbers, "0", "1", …. */
    public static Labels numbered(int[] values, int classCount) {
        return new Labels(values, numberedNames(classCount));
    }

    public static List<String> numberedNames(int classCount) {
        return java.util.stream.IntStream.range(0, classCount).mapToObj(Integer::toString).toList();
    }

    public int size() {
        return values.length;
    }

    public int classCount() {
        return classNames.size();
    }

    public int get(int i) {
        return values[i];
    }

    /** How many items carry each label. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int v : values) {
            counts[v]++;
        }
        return counts;
    }

    public Labels subset(int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return new Labels(out, classNames);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && Arrays.equals(values, other.values)
                && classNames.equals(other.classNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + classNames.hashCode();
    }

    @Override
    public String toString() {
        return "Labels[" + values.length + " items, " + classCount() + " classes]";
    }
}
