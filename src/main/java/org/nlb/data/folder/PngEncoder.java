package org.nlb.data.folder;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.nlb.data.ImageSet;

/**
 * Lossless PNG encoding of one image of an {@link ImageSet}: 8-bit gray for 1 channel, 8-bit RGB
 * for 3. The javax.imageio PNG writer stores no time stamps, so the same pixels give the same
 * bytes on every run. Encodes in memory (no ImageIO disk cache); safe to call from several threads.
 */
final class PngEncoder {
    private PngEncoder() {}

    static byte[] encode(ImageSet set, int i) throws IOException {
        int h = set.height();
        int w = set.width();
        int area = h * w;
        byte[] src = set.pixels();
        int at = i * set.imageBytes();
        BufferedImage image;
        if (set.channels() == 1) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            System.arraycopy(src, at, raster(image), 0, area);
        } else {
            image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] bgr = raster(image);
            for (int p = 0; p < area; p++) {
                bgr[3 * p] = src[at + 2 * area + p];
                bgr[3 * p + 1] = src[at + area + p];
                bgr[3 * p + 2] = src[at + p];
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] raster(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
