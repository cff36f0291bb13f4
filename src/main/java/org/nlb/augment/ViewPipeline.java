package org.nlb.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ops of one view in solo-learn's order — crop, colour jitter, grayscale, solarisation, flip —
 * built for a channel count and output size. Colour ops exist only for 3-channel images (DESIGN §5:
 * skipped on 1-channel data), except that the jitter's brightness and contrast also apply to
 * 1-channel images, as torchvision's {@code ColorJitter} does to a grayscale PIL image
 * ({@link ColorJitter}); ops whose probability is 0 are left out.
 */
final class ViewPipeline {
    private final List<ImageOp> ops;

    ViewPipeline(AugmentConfig.View view, int channels, int outHeight, int outWidth) {
        List<ImageOp> list = new ArrayList<>();
        list.add(new RandomResizedCrop(view.crop(), outHeight, outWidth));
        boolean rgb = channels == 3;
        boolean gray = channels == 1;
        if ((rgb || gray) && view.jitter().probability() > 0) {
            list.add(new ColorJitter(view.jitter()));
        }
        if (rgb && view.grayscale() > 0) {
            list.add(new RandomGrayscale(view.grayscale()));
        }
        if (view.solarize() > 0) {
            list.add(new Solarize(view.solarize()));
        }
        if (view.flip() > 0) {
            list.add(new HorizontalFlip(view.flip()));
        }
        this.ops = List.copyOf(list);
    }

    /** A view made of the given ops, in order (for custom pipelines and tests). */
    ViewPipeline(List<ImageOp> ops) {
        this.ops = List.copyOf(ops);
    }

    void apply(FloatImage image, SplittableRandom rng) {
        for (ImageOp op : ops) {
            op.apply(image, rng);
        }
    }

    /** The op classes in order, for tests and the preview's caption. */
    List<Class<? extends ImageOp>> opTypes() {
        return ops.stream().<Class<? extends ImageOp>>map(ImageOp::getClass).toList();
    }
}
