package org.nlb.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.nlb.data.ImageSet;
import org.nlb.io.AtomicOutput;

/**
 * A PNG grid of images in labelled rows: one row per caption, images scaled up by an integer
 * factor with nearest-neighbour sampling so that single pixels (and triggers) stay visible.
 */
public final class ImageGrid {
    private static final int GAP = 2;
    private static final int PAD = 6;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);

    private final ImageSet images;
    private final int scale;

    public ImageGrid(ImageSet images, int scale) {
        if (scale < 1 || scale > 32) {
            throw new IllegalArgumentException("scale must be 1..32, got " + scale);
        }
        this.images = images;
        this.scale = scale;
    }

    /** A scale that makes each image at least {@code minSide} pixels on its short side. */
    public static int scaleFor(ImageSet images, int minSide) {
        int side = Math.min(images.height(), images.width());
        return Math.max(1, Math.min(32, (minSide + side - 1) / side));
    }

    /** One labelled row per entry: {@code rows.get(r)} are indices into the image set. */
    public BufferedImage render(List<String> captions, List<int[]> rows) {
        int cellW = images.width() * scale;
        int cellH = images.height() * scale;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, Math.min(16, cellH / 3)));
        int captionWidth = captionWidth(captions, font);
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int width = PAD + captionWidth + columns * (cellW + GAP) + PAD;
        int height = PAD + rows.size() * (cellH + GAP) + PAD;
        BufferedImage canvas = new BufferedImage(Math.max(width, 1), Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            for (int r = 0; r < rows.size(); r++) {
                int y0 = PAD + r * (cellH + GAP);
                g.setColor(TEXT);
                g.drawString(captions.get(r), PAD, y0 + (cellH + fm.getAscent() - fm.getDescent()) / 2);
                int[] row = rows.get(r);
                for (int k = 0; k < row.length; k++) {
                    int x0 = PAD + captionWidth + k * (cellW + GAP);
                    drawImage(canvas, row[k], x0, y0);
                }
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static int captionWidth(List<String> captions, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics fm = g.getFontMetrics(font);
            int max = captions.stream().mapToInt(fm::stringWidth).max().orElse(0);
            return max == 0 ? 0 : max + PAD * 2;
        } finally {
            g.dispose();
        }
    }

    private void drawImage(BufferedImage canvas, int index, int x0, int y0) {
        int h = images.height();
        int w = images.width();
        boolean gray = images.channels() != 3;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb;
                if (gray) {
                    int v = images.pixel(index, 0, y, x);
                    rgb = (v << 16) | (v << 8) | v;
                } else {
                    rgb = (images.pixel(index, 0, y, x) << 16) | (images.pixel(index, 1, y, x) << 8)
                            | images.pixel(index, 2, y, x);
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        canvas.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** Writes {@code image} as a PNG, atomically. */
    public static void writePng(BufferedImage image, Path out) {
        AtomicOutput.writeFile(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }
}
