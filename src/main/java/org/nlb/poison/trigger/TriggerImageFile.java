package org.nlb.poison.trigger;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * A user's trigger image (blend-image, patch-random with {@code --image}) read as C×H×W bytes:
 * any format Java reads (PNG, JPEG, BMP, GIF), alpha ignored, grey files taken as they are,
 * colour files turned grey for 1-channel data by ITU-R 601 luma
 * {@code (299·R + 587·G + 114·B) / 1000} (rounded half up, as Pillow's "L"), then resized
 * bilinearly to the target size.
 */
final class TriggerImageFile {
    private TriggerImageFile() {}

    static byte[] read(Path file, int channels, int height, int width) {
        InputFiles.requireRegularFile(file);
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read as an image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new BadInputException(file, "is not an image file nlb can read (PNG or JPEG)");
        }
        int[][] planes = planes(image, channels);
        return resize(planes, image.getHeight(), image.getWidth(), height, width);
    }

    /** One int plane (H·W values 0..255) per output channel. */
    private static int[][] planes(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int[][] planes = new int[channels][h * w];
        Raster raster = image.getRaster();
        // getRGB would colour-convert a grey file from linear grey to sRGB and change its values.
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int maxSample = (1 << image.getColorModel().getComponentSize(0)) - 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r;
                int g;
                int b;
                if (grey) {
                    r = g = b = (int) Math.round(raster.getSample(x, y, 0) * 255.0 / maxSample);
                } else {
                    int rgb = image.getRGB(x, y);
                    r = (rgb >> 16) & 0xFF;
                    g = (rgb >> 8) & 0xFF;
                    b = rgb & 0xFF;
                }
                int i = y * w + x;
                if (channels == 1) {
                    planes[0][i] = (299 * r + 587 * g + 114 * b + 500) / 1000;
                } else {
                    int[] rgbValues = {r, g, b};
                    for (int c = 0; c < channels; c++) {
                        planes[c][i] = rgbValues[Math.min(c, 2)];
                    }
                }
            }
        }
        return planes;
    }

    /**
     * Bilinear resize with pixel centres aligned (output (y, x) samples the source at
     * {@code ((y+0.5)·hs/h − 0.5, (x+0.5)·ws/w − 0.5)}, clamped to the border; no anti-aliasing),
     * rounded half up. The same size gives the same pixels.
     */
    static byte[] resize(int[][] planes, int hs, int ws, int h, int w) {
        byte[] out = new byte[planes.length * h * w];
        for (int c = 0; c < planes.length; c++) {
            int[] src = planes[c];
            for (int y = 0; y < h; y++) {
                double sy = Math.max(0, Math.min(hs - 1, (y + 0.5) * hs / h - 0.5));
                int y0 = (int) Math.floor(sy);
                int y1 = Math.min(y0 + 1, hs - 1);
                double fy = sy - y0;
                for (int x = 0; x < w; x++) {
                    double sx = Math.max(0, Math.min(ws - 1, (x + 0.5) * ws / w - 0.5));
                    int x0 = (int) Math.floor(sx);
                    int x1 = Math.min(x0 + 1, ws - 1);
                    double fx = sx - x0;
                    double top = src[y0 * ws + x0] * (1 - fx) + src[y0 * ws + x1] * fx;
                    double bottom = src[y1 * ws + x0] * (1 - fx) + src[y1 * ws + x1] * fx;
                    long v = (long) Math.floor(top * (1 - fy) + bottom * fy + 0.5);
                    out[(c * h + y) * w + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }
}
