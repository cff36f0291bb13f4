package org.nlb.data.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes small image files with known pixels for folder tests, through ImageIO.write (not nlb's
 * own PNG encoder): image {@code id} has value {@link #pixel} at (channel, row, column).
 */
final class FolderFiles {
    static final int H = 6;
    static final int W = 8;

    private FolderFiles() {}

    static int pixel(int id, int c, int y, int x) {
        return (id * 37 + c * 101 + y * 13 + x * 7) & 0xFF;
    }

    /** An 8-bit RGB PNG of image {@code id}, H×W. */
    static void rgbPng(Path file, int id) {
        write(file, rgbImage(id, H, W, BufferedImage.TYPE_INT_RGB), "png");
    }

    static BufferedImage rgbImage(int id, int h, int w, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int alpha = (x * 40) & 0xFF; // ignored unless the type has alpha
                image.setRGB(x, y, alpha << 24 | pixel(id, 0, y, x) << 16 | pixel(id, 1, y, x) << 8 | pixel(id, 2, y, x));
            }
        }
        return image;
    }

    /** An 8-bit gray PNG of image {@code id}: channel 0 of the pattern. */
    static void grayPng(Path file, int id) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.getRaster().setSample(x, y, 0, pixel(id, 0, y, x));
            }
        }
        write(file, image, "png");
    }

    /** A one-colour image of h×w in the given ImageIO format. */
    static void uniform(Path file, int h, int w, int rgb, String format) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        write(file, image, format);
    }

    static void write(Path file, BufferedImage image, String format) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void bytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The standard fixture: train/cat 4 images (ids 0-3, written out of name order), train/dog 3
     * (ids 4-6), test/cat 2 (ids 100, 101), test/dog 1 (id 102); all RGB PNG, 6×8.
     */
    static void standard(Path dir) {
        rgbPng(dir.resolve("train/dog/c.png"), 6);
        rgbPng(dir.resolve("train/dog/a.png"), 4);
        rgbPng(dir.resolve("train/dog/b.png"), 5);
        rgbPng(dir.resolve("train/cat/0010.png"), 3);
        rgbPng(dir.resolve("train/cat/0002.png"), 2);
        rgbPng(dir.resolve("train/cat/0000.png"), 0);
        rgbPng(dir.resolve("train/cat/0001.png"), 1);
        rgbPng(dir.resolve("test/cat/y.png"), 101);
        rgbPng(dir.resolve("test/cat/x.png"), 100);
        rgbPng(dir.resolve("test/dog/z.png"), 102);
    }
}
