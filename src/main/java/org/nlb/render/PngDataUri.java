package org.nlb.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** An image as a {@code data:image/png;base64,…} URI, so that the report needs no other file. */
public final class PngDataUri {
    static final String PREFIX = "data:image/png;base64,";

    private PngDataUri() {}

    public static String of(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PREFIX + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
