package org.nlb.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nlb.data.ImageSet;
import org.nlb.io.BadInputException;
import org.nlb.model.EncoderSpec;
import org.nlb.model.EncoderStore;
import org.nlb.model.EncoderStore.LoadedEncoder;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;

/**
 * Features of images (DESIGN §1 step 3): every image, without augmentation, scaled to
 * {@code (x/255 − mean[c]) / std[c]} with the encoder's own statistics, run through the frozen
 * backbone (and for {@link FeatureSpace#PROJECTOR} its projector) in inference mode, one row per
 * image, L2-normalised by default; {@link FeatureSpace} says which space.
 *
 * <p>Inference mode matters: {@code forward(…, training = false)} makes BatchNorm use its running
 * statistics and leaves them unchanged, and no gradient is taken, so extraction never changes
 * the encoder (the "frozen encoder that is not frozen" bug some peers have; tested). Each batch
 * lives in its own NDManager, closed before the next, so native memory stays flat.
 */
public final class FeatureExtractor {
    public static final int DEFAULT_BATCH_SIZE = 256;

    private FeatureExtractor() {}

    /**
     * How to extract.
     *
     * @param batchSize images per forward pass; only speed and memory depend on it
     * @param normalise scale each row to unit L2 norm (the reference's features are)
     * @param trigger a trigger pasted on every image first (triggered test features, DESIGN §3);
     *                kept in its {@link Trigger#testTime() test-time form}, since features are
     *                only ever extracted from triggered test or downstream images
     * @param progress whether to show a progress bar on stderr
     */
    public record Options(int batchSize, boolean normalise, Optional<Trigger> trigger, Progress progress) {
        public static final Options DEFAULT = new Options(DEFAULT_BATCH_SIZE, true, Optional.empty(), Progress.NEVER);

        public Options {
            if (batchSize < 1) {
                throw new BadInputException("--batch-size", "must be at least 1, got " + batchSize);
            }
            trigger = trigger == null ? Optional.empty() : trigger.map(Trigger::testTime);
        }

        public Options withBatchSize(int size) {
            return new Options(size, normalise, trigger, progress);
        }

        public Options withNormalise(boolean on) {
            return new Options(batchSize, on, trigger, progress);
        }

        public Options withTrigger(Trigger t) {
            return new Options(batchSize, normalise, Optional.of(t), progress);
        }

        public Options withTriggerOrNone(Optional<Trigger> t) {
            return new Options(batchSize, normalise, t, progress);
        }

        public Options withProgress(Progress p) {
            return new Options(batchSize, normalise, trigger, p);
        }
    }

    /** Backbone features of every image of {@code images}. */
    public static Features extract(LoadedEncoder encoder, ImageSet images, Options options) {
        return extract(encoder, images, options, FeatureSpace.BACKBONE);
    }

    /** Features in {@code space} of every image of {@code images}. */
    public static Features extract(LoadedEncoder encoder, ImageSet images, Options options, FeatureSpace space) {
        return extract(encoder, images, IntStream.range(0, images.size()).toArray(), options, space);
    }

    /** Backbone features of the images at {@code indices}, row k for image {@code indices[k]}. */
    public static Features extract(LoadedEncoder encoder, ImageSet images, int[] indices, Options options) {
        return extract(encoder, images, indices, options, FeatureSpace.BACKBONE);
    }

    /**
     * Features in {@code space} of the images at {@code indices}, row k for image
     * {@code indices[k]} ({@link FeatureSpace#CENTRED} centres over exactly these rows). A trigger
     * gets the image's index in {@code images} as its item index, as when poisoning.
     *
     * @throws org.nlb.io.BadInputException for {@link FeatureSpace#PROJECTOR} when the encoder
     *     directory has no projector
     */
    public static Features extract(LoadedEncoder encoder, ImageSet images, int[] indices, Options options,
                                   FeatureSpace space) {
        EncoderSpec spec = encoder.spec();
        Optional<EncoderStore.Projector> head = space.usesProjector()
                ? Optional.of(encoder.requireProjector()) : Optional.empty();
        Optional<Block> projector = head.map(EncoderStore.Projector::block);
        requireFits(spec, images, "images");
        options.trigger().ifPresent(t -> {
            if (!t.shape().equals(ImageShape.of(images))) {
                throw new IllegalArgumentException("trigger built for " + t.shape() + " images, set holds " + images.shapeText());
            }
        });
        int dim = head.map(h -> h.spec().outputDim()).orElse(spec.backbone().featureDim());
        int stride = images.imageBytes();
        int channels = images.channels();
        int plane = images.height() * images.width();
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = 1f / (255f * spec.std()[c]);
            shift[c] = spec.mean()[c] / spec.std()[c];
        }
        float[] out = new float[Math.multiplyExact(indices.length, dim)];
        byte[] pixels = images.pixels();
        byte[] batchBytes = new byte[Math.min(options.batchSize(), Math.max(1, indices.length)) * stride];
        try (NDManager base = NDManager.newBaseManager();
             Progress.Ticker ticker = options.progress().start("features", indices.length)) {
            for (int start = 0; start < indices.length; start += options.batchSize()) {
                int count = Math.min(options.batchSize(), indices.length - start);
                for (int k = 0; k < count; k++) {
                    int item = indices[start + k];
                    System.arraycopy(pixels, java.util.Objects.checkIndex(item, images.size()) * stride,
                            batchBytes, k * stride, stride);
                    final int offset = k * stride;
                    options.trigger().ifPresent(t -> t.apply(batchBytes, offset, item));
                }
                float[] x = new float[count * stride];
                for (int i = 0; i < x.length; i++) {
                    int c = (i / plane) % channels;
                    x[i] = (batchBytes[i] & 0xFF) * scale[c] - shift[c];
                }
                try (NDManager batch = base.newSubManager()) {
                    NDArray input = batch.create(x, new Shape(count, channels, images.height(), images.width()));
                    ParameterStore store = new ParameterStore(batch, false);
                    NDList backbone = encoder.backbone().forward(store, new NDList(input), false);
                    NDList outputs = projector.isPresent() ? projector.get().forward(store, backbone, false) : backbone;
                    NDArray features = outputs.singletonOrThrow();
                    System.arraycopy(features.toFloatArray(), 0, out, start * dim, count * dim);
                }
                ticker.step(count);
            }
        }
        space.finish(out, indices.length, dim, options.normalise());
        return new Features(out, indices.length, dim);
    }

    /**
     * Checks that {@code images} have the channels and size the encoder was trained on; a
     * mismatch is bad input about {@code dataName}, saying how to fix it.
     */
    public static void requireFits(EncoderSpec spec, ImageSet images, String dataName) {
        int channels = spec.backbone().inputChannels();
        if (images.channels() != channels) {
            throw new BadInputException(dataName, "images have " + images.channels() + " channel(s) but the encoder"
                    + " takes " + channels + "; use an encoder trained on this kind of data");
        }
        if (images.height() != spec.height() || images.width() != spec.width()) {
            throw new BadInputException(dataName, "images are " + images.height() + "x" + images.width()
                    + " but the encoder was trained on " + spec.height() + "x" + spec.width() + " images; read"
                    + " folder data with --resize " + spec.height() + "x" + spec.width()
                    + " or use an encoder trained at this size");
        }
    }
}
