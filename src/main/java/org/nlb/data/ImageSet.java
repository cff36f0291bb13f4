package org.nlb.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of same-sized uint8 images in one N×C×H×W buffer (channel-first, row-major), with
 * optional labels. There is no object per image: a 60 000-image set is one 47 MB array.
 *
 * <p>The buffer is shared, not copied, by {@link #pixels()}: callers must not change it unless
 * they made the set themselves. Use {@link #withPixels(byte[])} to derive a changed copy.
 */
public final class ImageSet {
    private final byte[] pixels;
    private final int size;
    private final int channels;
    private final int height;
    private final int width;
    private final Labels labels;
    private final Labels secondaryLabels;
    private final List<String> itemNames;

    private ImageSet(byte[] pixels, int size, int channels, int height, int width,
                     Labels labels, Labels secondaryLabels, List<String> itemNames) {
        if (size < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "bad shape " + size + "x" + channels + "x" + height + "x" + width);
        }
        long rows = (long) channels * height; // checked before multiplying on, so nothing overflows
        if (rows > maxBytes() || rows * width > maxBytes()) {
            throw new IllegalArgumentException("an image of " + channels + "x" + height + "x" + width + " is too large");
        }
        long expected = (long) size * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "pixel buffer holds " + pixels.length + " bytes, shape needs " + expected);
        }
        checkCount(labels, size, "labels");
        checkCount(secondaryLabels, size, "secondary labels");
        if (itemNames != null && itemNames.size() != size) {
            throw new IllegalArgumentException(itemNames.size() + " item names for " + size + " images");
        }
        this.pixels = pixels;
        this.size = size;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.labels = labels;
        this.secondaryLabels = secondaryLabels;
        this.itemNames = itemNames == null ? null : List.copyOf(itemNames);
    }

    private static void checkCount(Labels l, int size, String what) {
        if (l != null && l.size() != size) {
            throw new IllegalArgumentException(l.size() + " " + what + " for " + size + " images");
        }
    }

    /** An unlabeled set. */
    public static ImageSet of(byte[] pixels, int size, int channels, int height, int width) {
        return new ImageSet(pixels, size, channels, height, width, null, null, null);
    }

    /** A labeled set. */
    public static ImageSet of(byte[] pixels, int size, int channels, int height, int width, Labels labels) {
        return new ImageSet(pixels, size, channels, height, width, labels, null, null);
    }

    /** Largest set one buffer can hold; bigger sets need streaming, which no reader does yet. */
    public static long maxBytes() {
        return Integer.MAX_VALUE - 8L;
    }

    public ImageSet withLabels(Labels newLabels) {
        return new ImageSet(pixels, size, channels, height, width, newLabels, secondaryLabels, itemNames);
    }

    /**
     * A second label set carried along so that a changed copy can be written back whole
     * (CIFAR-100 stores both fine and coarse labels in every record).
     */
    public ImageSet withSecondaryLabels(Labels other) {
        return new ImageSet(pixels, size, channels, height, width, labels, other, itemNames);
    }

    /** File names (relative paths) of the images, for formats that store one file per image. */
    public ImageSet withItemNames(List<String> names) {
        return new ImageSet(pixels, size, channels, height, width, labels, secondaryLabels, names);
    }

    /** The same images with another pixel buffer of the same shape (e.g. after poisoning). */
    public ImageSet withPixels(byte[] newPixels) {
        return new ImageSet(newPixels, size, channels, height, width, labels, secondaryLabels, itemNames);
    }

    /** The images at {@code indices}, in that order, with their labels and names. */
    public ImageSet subset(int[] indices) {
        int stride = imageBytes();
        byte[] out = new byte[Math.multiplyExact(indices.length, stride)];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], size);
            System.arraycopy(pixels, i * stride, out, k * stride, stride);
        }
        List<String> names = null;
        if (itemNames != null) {
            names = Arrays.stream(indices).mapToObj(itemNames::get).toList();
        }
        return new ImageSet(out, indices.length, channels, height, width,
                labels == null ? null : labels.subset(indices),
                secondaryLabels == null ? null : secondaryLabels.subset(indices), names);
    }

    public int size() {
        return size;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Bytes of one image: C·H·W. */
    public int imageBytes() {
        return channels * height * width;
    }

    /** The shared N×C×H×W buffer; do not modify. */
    public byte[] pixels() {
        return pixels;
    }

    /** Pixel value 0..255 of image {@code i}, channel {@code c}, row {@code y}, column {@code x}. */
    public int pixel(int i, int c, int y, int x) {
        return pixels[((i * channels + c) * height + y) * width + x] & 0xFF;
    }

    /** A copy of image {@code i} as C×H×W bytes. */
    public byte[] image(int i) {
        Objects.checkIndex(i, size);
        int stride = imageBytes();
        return Arrays.copyOfRange(pixels, i * stride, (i + 1) * stride);
    }

    public Optional<Labels> labels() {
        return Optional.ofNullable(labels);
    }

    public Optional<Labels> secondaryLabels() {
        return Optional.ofNullable(secondaryLabels);
    }

    public Optional<List<String>> itemNames() {
        return Optional.ofNullable(itemNames);
    }

    /** "1x28x28": the shape of one image (channels x height x width). */
    public String shapeText() {
        return channels + "x" + height + "x" + width;
    }
}
