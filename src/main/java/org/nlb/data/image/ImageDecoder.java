package org.nlb.data.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.nlb.data.ReadOptions.ImageSize;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * Decodes one PNG or JPEG file into channel-first uint8 planes with javax.imageio: one plane for
 * a grayscale image, three (R, G, B) otherwise; alpha is dropped. Gray samples are taken from the
 * raster as stored (not through {@code getRGB}, which would apply a gamma curve); deeper than
 * 8-bit samples are scaled to 0..255. Safe to call from several threads at once.
 */
public final class ImageDecoder {
    /** Largest image decoded, in pixels: refuses decompression bombs before allocating them. */
    public static final long MAX_PIXELS = 1L << 26;
    /**
     * Bytes read to find an image's header: a PNG's IHDR is in its first 33, a JPEG's frame header
     * usually within a few hundred. Going through the whole file with ImageIO's file stream was 5x
     * slower on small images.
     */
    private static final int HEADER_PREFIX = 4096;
    private static final int PNG_PREFIX = 33;

    private ImageDecoder() {}

    /**
     * A decoded image.
     *
     * @param planes 1 (gray) or 3 (RGB) planes of {@code height×width} bytes
     */
    public record Decoded(int height, int width, boolean gray, byte[] planes) {
        public int channels() {
            return gray ? 1 : 3;
        }

        /** The image as 3 planes: gray is repeated into R, G and B. */
        public byte[] rgbPlanes() {
            if (!gray) {
                return planes;
            }
            int area = height * width;
            byte[] out = new byte[3 * area];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(planes, 0, out, c * area, area);
            }
            return out;
        }
    }

    /**
     * What an image's header declares: its size, whether it is gray, and the bits of one pixel as
     * stored (so the size of the raster {@link #decode} fills).
     */
    public record Header(int height, int width, boolean gray, int bitsPerPixel) {
        public long pixels() {
            return (long) height * width;
        }

        /** Bytes of the planes {@link #decode} returns: one per pixel if gray, three otherwise. */
        public long planeBytes(ImageSize resize) {
            long area = resize == null ? pixels() : (long) resize.height() * resize.width();
            return area * (gray ? 1 : 3);
        }

        /**
         * The most bytes {@link #decode} holds at once for this image: the decoded raster, the
         * ARGB copy a colour image is read through, the planes, and the resized planes.
         */
        public long decodeBytes(ImageSize resize) {
            long raster = (pixels() * bitsPerPixel + 7) / 8;
            long argb = gray ? 0 : Integer.BYTES * pixels();
            return raster + argb + planeBytes(null) + (resize == null ? 0 : planeBytes(resize));
        }

        @Override
        public String toString() {
            return height + "x" + width;
        }
    }

    /** Decodes {@code file}, resized to {@code resize} when that is not null. */
    public static Decoded decode(Path file, ImageSize resize) {
        byte[] bytes = InputFiles.read(file);
        if (!isPng(bytes) && !isJpeg(bytes)) {
            throw new BadInputException(file, "not a PNG or JPEG image");
        }
        BufferedImage image = readImage(file, bytes);
        Decoded decoded = toPlanes(image);
        if (resize == null) {
            return decoded;
        }
        byte[] resized = Bilinear.resize(decoded.planes(), decoded.channels(), decoded.height(), decoded.width(),
                resize.height(), resize.width());
        return new Decoded(resize.height(), resize.width(), decoded.gray(), resized);
    }

    /**
     * What {@code file}'s header declares, read without decoding any pixels (a PNG's IHDR chunk, a
     * JPEG's frame header), with the same checks as {@link #decode}.
     */
    public static Header readHeader(Path file) {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(PNG_PREFIX);
            if (!isPng(prefix) && !isJpeg(prefix)) {
                throw new BadInputException(file, "not a PNG or JPEG image");
            }
            Header ihdr = pngHeader(file, prefix);
            if (ihdr != null) {
                return ihdr;
            }
            if (prefix.length == PNG_PREFIX) {
                byte[] more = in.readNBytes(HEADER_PREFIX - PNG_PREFIX);
                prefix = Arrays.copyOf(prefix, PNG_PREFIX + more.length);
                System.arraycopy(more, 0, prefix, PNG_PREFIX, more.length);
            }
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
        if (prefix.length == HEADER_PREFIX) {
            try {
                return headerOf(file, prefix);
            } catch (BadInputException e) {
                // A header past the prefix (a JPEG after large EXIF segments): read the whole file.
            }
        }
        return headerOf(file, prefix.length < HEADER_PREFIX ? prefix : InputFiles.read(file));
    }

    /**
     * A PNG's header from its IHDR chunk, which must come first (PNG §5.6): width, height, bit
     * depth, colour type at bytes 16 to 25. Null if it is not there, to let ImageIO say what is
     * wrong. Reading it directly is ten times faster than asking ImageIO for a reader.
     */
    private static Header pngHeader(Path file, byte[] b) {
        if (!isPng(b) || b.length < 26 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return null;
        }
        ByteBuffer ihdr = ByteBuffer.wrap(b, 16, 10);
        int width = ihdr.getInt();
        int height = ihdr.getInt();
        int depth = ihdr.get() & 0xFF;
        int samples = switch (ihdr.get()) {
            case 0, 3 -> 1; // gray, palette
            case 4 -> 2; // gray and alpha
            case 2 -> 3; // RGB
            case 6 -> 4; // RGBA
            default -> 0;
        };
        if (width <= 0 || height <= 0 || samples == 0) {
            return null;
        }
        boolean gray = b[25] == 0 || b[25] == 4;
        return checked(file, new Header(height, width, gray, samples * depth));
    }

    private static Header headerOf(Path file, byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return withReader(file, in, reader -> header(file, reader));
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    private static BufferedImage readImage(Path file, byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return withReader(file, in, reader -> {
                checked(file, new Header(reader.getHeight(0), reader.getWidth(0), false, 0));
                return reader.read(0);
            });
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    /** What a step does with an image reader. */
    private interface ReaderStep<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, ImageInputStream in, ReaderStep<T> step) {
        try {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new BadInputException(file, "not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return step.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Corrupt data surfaces as IIOException, EOFException or, from some decoders, runtime errors.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BadInputException(file, "cannot decode: " + why, e);
        }
    }

    /**
     * The header {@code reader} sees, refused if it declares more than {@link #MAX_PIXELS}. Where
     * the reader cannot tell the raw type, the image counts as colour of 32 bits a pixel, the most
     * an 8-bit image takes; decoding it may still work.
     */
    private static Header header(Path file, ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        ImageTypeSpecifier raw;
        try {
            raw = reader.getRawImageType(0);
        } catch (IOException | RuntimeException e) {
            raw = null;
        }
        if (raw == null) {
            return checked(file, new Header(height, width, false, Integer.SIZE));
        }
        boolean gray = raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int bits = 0;
        for (int b : raw.getSampleModel().getSampleSize()) {
            bits += b;
        }
        return checked(file, new Header(height, width, gray, bits));
    }

    private static Header checked(Path file, Header h) {
        if (h.width() <= 0 || h.height() <= 0) {
            throw new BadInputException(file, "cannot decode: the header declares a " + h + " image");
        }
        if (h.pixels() > MAX_PIXELS) {
            throw new BadInputException(file, "cannot decode: the image is " + h + ", more than the "
                    + MAX_PIXELS + " pixels nlb decodes");
        }
        return h;
    }

    private static Decoded toPlanes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return new Decoded(h, w, true, grayPlane(image.getRaster(), model.getComponentSize(0), h, w));
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int area = h * w;
        byte[] planes = new byte[3 * area];
        for (int p = 0; p < area; p++) {
            int v = argb[p];
            planes[p] = (byte) (v >> 16);
            planes[area + p] = (byte) (v >> 8);
            planes[2 * area + p] = (byte) v;
        }
        return new Decoded(h, w, false, planes);
    }

    private static byte[] grayPlane(Raster raster, int bits, int h, int w) {
        byte[] plane = new byte[h * w];
        int[] row = new int[w];
        int max = (1 << bits) - 1;
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int v = bits == 8 ? row[x] : (row[x] * 255 + max / 2) / max;
                plane[y * w + x] = (byte) v;
            }
        }
        return plane;
    }

    private static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }
}
