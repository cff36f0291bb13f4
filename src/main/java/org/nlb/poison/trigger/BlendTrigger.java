package org.nlb.poison.trigger;

/**
 * A whole-image pattern blended into every pixel, {@code x' = (1−α)·x + α·P} with the rounding of
 * {@link PixelBlend}: checkerboard-full (P = 255·((i+j) mod 2)), blend-noise (a seeded Gaussian
 * noise image) and blend-image (a user's image resized to H×W) of DESIGN §3.
 */
final class BlendTrigger implements Trigger {
    private final TriggerConfig config;
    private final ImageShape shape;
    private final byte[] pattern;

    BlendTrigger(TriggerConfig config, ImageShape shape, byte[] pattern) {
        if (pattern.length != shape.bytes()) {
            throw new IllegalArgumentException("pattern has " + pattern.length + " bytes, images " + shape);
        }
        this.config = config;
        this.shape = shape;
        this.pattern = pattern;
    }

    @Override
    public void apply(byte[] pixels, int offset, int itemIndex) {
        double alpha = config.alpha();
        for (int i = 0; i < pattern.length; i++) {
            PixelBlend.blendInto(pixels, offset + i, pattern[i] & 0xFF, alpha);
        }
    }

    /** A copy of the C×H×W pattern being blended in. */
    byte[] pattern() {
        return pattern.clone();
    }

    @Override
    public TriggerConfig config() {
        return config;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }
}
