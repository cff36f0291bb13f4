package org.nlb.data;

import java.util.Optional;
import org.nlb.io.BadInputException;

/**
 * How to read a data set beyond its spec.
 *
 * @param resize for image folders: resize every image to this size (bilinear) instead of
 *               refusing mixed sizes
 */
public record ReadOptions(Optional<ImageSize> resize) {
    public static final ReadOptions DEFAULT = new ReadOptions(Optional.empty());

    public ReadOptions {
        resize = resize == null ? Optional.empty() : resize;
    }

    public static ReadOptions resizeTo(ImageSize size) {
        return new ReadOptions(Optional.of(size));
    }

    /** Height × width of an image. */
    public record ImageSize(int height, int width) {
        public ImageSize {
            if (height <= 0 || width <= 0 || height > 4096 || width > 4096) {
                throw new BadInputException("--resize", "size must be between 1x1 and 4096x4096");
            }
        }

        /** Parses {@code HxW}, e.g. {@code 32x32}. */
        public static ImageSize parse(String text) {
            String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("[x×]");
            if (parts.length != 2) {
                throw new BadInputException("--resize", "'" + text + "' is not of the form HxW, e.g. 32x32");
            }
            try {
                return new ImageSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                throw new BadInputException("--resize", "'" + text + "' is not of the form HxW, e.g. 32x32");
            }
        }

        @Override
        public String toString() {
            return height + "x" + width;
        }
    }
}
