package org.nlb.poison.trigger;

import org.nlb.data.ImageSet;

/** Channels × height × width of one image, the shape a trigger is built for. */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad image shape " + channels + "x" + height + "x" + width);
        }
    }

    public static ImageShape of(ImageSet set) {
        return new ImageShape(set.channels(), set.height(), set.width());
    }

    /** Bytes of one image: C·H·W. */
    public int bytes() {
        return channels * height * width;
    }

    /** Offset of pixel (c, y, x) within one C×H×W image. */
    public int index(int c, int y, int x) {
        return (c * height + y) * width + x;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
