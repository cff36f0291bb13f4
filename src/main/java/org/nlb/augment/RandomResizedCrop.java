package org.nlb.augment;

import java.util.SplittableRandom;

/**
 * Random resized crop with torchvision's {@code RandomResizedCrop.get_params} semantics: up to 10
 * attempts at a box whose area is a uniform fraction in [minScale, maxScale] of the image and whose
 * aspect ratio is log-uniform in [minRatio, maxRatio] (sides rounded half-to-even, as Python's
 * {@code round}); if none fits, a centre crop clamped to the ratio range. The box is resized to the
 * output size bilinearly ({@link Resampler}). solo-learn's CIFAR recipe interpolates bicubically;
 * bilinear is the torchvision default and differs little at 32 × 32.
 */
public final class RandomResizedCrop implements ImageOp {
    private static final int ATTEMPTS = 10;

    private final AugmentConfig.Crop crop;
    private final int outHeight;
    private final int outWidth;

    public RandomResizedCrop(AugmentConfig.Crop crop, int outHeight, int outWidth) {
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("output size must be positive, got " + outHeight + "x" + outWidth);
        }
        this.crop = crop;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
    }

    /** A crop box in pixels: rows top..top+height-1, columns left..left+width-1. */
    public record Box(int top, int left, int height, int width) {}

    @Override
    public void apply(FloatImage image, SplittableRandom rng) {
        Box b = box(image.height(), image.width(), crop, rng);
        Resampler.cropResize(image, b.top(), b.left(), b.height(), b.width(), outHeight, outWidth);
    }

    /** The box torchvision would draw for an image of {@code height × width}. */
    public static Box box(int height, int width, AugmentConfig.Crop crop, SplittableRandom rng) {
        double area = (double) height * width;
        double logMin = Math.log(crop.minRatio());
        double logMax = Math.log(crop.maxRatio());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * uniform(rng, crop.minScale(), crop.maxScale());
            double ratio = Math.exp(uniform(rng, logMin, logMax));
            int w = (int) Math.rint(Math.sqrt(targetArea * ratio));
            int h = (int) Math.rint(Math.sqrt(targetArea / ratio));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new Box(top, left, h, w);
            }
        }
        return centreFallback(height, width, crop);
    }

    /** torchvision's fallback: the whole image, narrowed to the nearest allowed aspect ratio. */
    static Box centreFallback(int height, int width, AugmentConfig.Crop crop) {
        double inRatio = (double) width / height;
        int w;
        int h;
        if (inRatio < crop.minRatio()) {
            w = width;
            h = (int) Math.rint(w / crop.minRatio());
        } else if (inRatio > crop.maxRatio()) {
            h = height;
            w = (int) Math.rint(h * crop.maxRatio());
        } else {
            w = width;
            h = height;
        }
        return new Box((height - h) / 2, (width - w) / 2, h, w);
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }
}
