package org.nlb.poison.trigger;

/**
 * patch-random (DESIGN §3, the reference's ImageNet setting): a square s×s patch pasted at a
 * position drawn per image. The patch is the checkerboard tiled to s×s, or {@code --image}
 * resized to s×s. The position is a pure function of the seed and the image's index, so the same
 * image gets the same trigger in every run and on any number of threads:
 * {@code top = mix64(seed + φ·(2i+1)) mod (H−s+1)}, {@code left = mix64(seed + φ·(2i+2)) mod (W−s+1)}
 * (unsigned), with {@code φ = 0x9E3779B97F4A7C15} and {@code mix64} the SplitMix64 finaliser.
 */
final class RandomPatchTrigger implements Trigger {
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final TriggerConfig config;
    private final ImageShape shape;
    private final byte[] patch;

    private RandomPatchTrigger(TriggerConfig config, ImageShape shape, byte[] patch) {
        this.config = config;
        this.shape = shape;
        this.patch = patch;
    }

    static Trigger create(TriggerConfig config, ImageShape shape) {
        int s = FixedPatchTrigger.requireFits(config, shape);
        byte[] patch = config.image().isPresent()
                ? TriggerImageFile.read(config.image().get(), shape.channels(), s, s)
                : TriggerPatterns.checkerboardPatch(shape.channels(), s, false);
        return new RandomPatchTrigger(config, shape, patch);
    }

    /** The top-left row and column of the patch on image {@code itemIndex}. */
    int[] position(int itemIndex) {
        int s = config.size();
        long top = Long.remainderUnsigned(mix64(config.seed() + GOLDEN_GAMMA * (2L * itemIndex + 1)), shape.height() - s + 1L);
        long left = Long.remainderUnsigned(mix64(config.seed() + GOLDEN_GAMMA * (2L * itemIndex + 2)), shape.width() - s + 1L);
        return new int[] {(int) top, (int) left};
    }

    @Override
    public void apply(byte[] pixels, int offset, int itemIndex) {
        int[] at = position(itemIndex);
        FixedPatchTrigger.paste(pixels, offset, shape, at[0], at[1], patch, config.size(), config.alpha());
    }

    /** SplitMix64's output function (Steele, Lea, Flood 2014): a bijective 64-bit mixer. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
