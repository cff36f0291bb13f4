package org.nlb.poison.trigger;

import java.nio.file.Path;
import org.nlb.data.image.Bilinear;
import org.nlb.data.image.ImageDecoder;
import org.nlb.data.image.ImageDecoder.Decoded;

/**
 * A user's trigger image (blend-image, patch-random with {@code --image}) read as C×H×W bytes:
 * a PNG or JPEG decoded as the folder reader does (alpha dropped, grey files taken as they are),
 * colour files turned grey for 1-channel data by ITU-R 601 luma
 * {@code (299·R + 587·G + 114·B) / 1000} (rounded half up, as Pillow's "L"), grey files repeated
 * into R, G and B for 3-channel data, then resized bilinearly ({@link Bilinear}) to the target size.
 */
final class TriggerImageFile {
    private TriggerImageFile() {}

    static byte[] read(Path file, int channels, int height, int width) {
        Decoded image = ImageDecoder.decode(file, null);
        byte[] planes;
        if (channels == 1) {
            planes = image.gray() ? image.planes() : luma(image.planes(), image.height() * image.width());
        } else {
            planes = image.rgbPlanes();
        }
        return Bilinear.resize(planes, channels, image.height(), image.width(), height, width);
    }

    private static byte[] luma(byte[] rgb, int area) {
        byte[] out = new byte[area];
        for (int i = 0; i < area; i++) {
            int r = rgb[i] & 0xFF;
            int g = rgb[area + i] & 0xFF;
            int b = rgb[2 * area + i] & 0xFF;
            out[i] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
        }
        return out;
    }
}
