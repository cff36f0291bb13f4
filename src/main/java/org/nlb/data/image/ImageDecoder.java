package org.nlb.data.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
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

    private static BufferedImage readImage(Path file, byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadInputException(file, "not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new BadInputException(file, "cannot decode: the image is " + reader.getHeight(0) + "x"
                            + reader.getWidth(0) + ", more than the " + MAX_PIXELS + " pixels nlb decodes");
                }
                return reader.read(0);
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
