package org.nlb.testing;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import org.nlb.model.BackboneConfig;
import org.nlb.model.BackboneKind;
import org.nlb.model.Backbones;
import org.nlb.model.EncoderSpec;
import org.nlb.model.EncoderStore;
import org.nlb.model.MlpSpec;
import org.nlb.ssl.SslNetwork;

/**
 * Encoder directories for tests: a randomly initialised backbone (seeded) saved with
 * {@link EncoderStore}. A few training-mode passes over random inputs first move the BatchNorm
 * running statistics away from their initial 0 and 1, so that a test can tell whether inference
 * used (and kept) them. {@link #withProjector} also saves a projector, as {@code nlb pretrain} does.
 */
public final class TestEncoders {
    /** The tiny widths the unit tests use. */
    public static final int[] TINY_WIDTHS = {4, 8};

    private TestEncoders() {}

    /** A small backbone with {@code widths} for C×H×W images, mean 0.5 and std 0.25 per channel. */
    public static EncoderSpec spec(int channels, int height, int width, int[] widths) {
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = 0.5f - 0.1f * c;
            std[c] = 0.25f + 0.05f * c;
        }
        return new EncoderSpec(new BackboneConfig(BackboneKind.SMALL, channels, widths), height, width, mean, std,
                "random", 0, 0, "test");
    }

    /** Writes a random encoder of {@code spec} into {@code dir}; returns {@code dir}. */
    public static Path write(Path dir, EncoderSpec spec, long seed, boolean moveRunningStats) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) seed);
            Block net = Backbones.build(spec.backbone());
            Shape input = new Shape(8, spec.backbone().inputChannels(), spec.height(), spec.width());
            net.initialize(manager, DataType.FLOAT32, input);
            if (moveRunningStats) {
                for (int pass = 0; pass < 3; pass++) {
                    net.forward(new ParameterStore(manager, false),
                            new NDList(manager.randomNormal(0.3f, 1.5f, input, DataType.FLOAT32)), true);
                }
            }
            EncoderStore.save(dir, net, spec, false);
        }
        return dir;
    }

    /** The projector head {@link #withProjector} saves: BatchNorm inside, so inference mode matters. */
    public static final MlpSpec TINY_PROJECTOR = MlpSpec.byol(12, 5);

    /**
     * A tiny random encoder with a projector ({@link #TINY_PROJECTOR}) for
     * {@code channels}×{@code size}×{@code size} images, the running statistics of the backbone's
     * and the projector's BatchNorm moved away from their start; as {@code nlb pretrain} saves it.
     */
    public static Path withProjector(Path dir, int channels, int size) {
        EncoderSpec spec = spec(channels, size, size, TINY_WIDTHS);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            SslNetwork net = new SslNetwork(spec.backbone(), TINY_PROJECTOR, null);
            Shape input = new Shape(8, channels, size, size);
            net.initialize(manager, DataType.FLOAT32, input);
            for (int pass = 0; pass < 3; pass++) {
                net.forward(new ParameterStore(manager, false),
                        new NDList(manager.randomNormal(0.3f, 1.5f, input, DataType.FLOAT32)), true);
            }
            EncoderStore.save(dir, net.backbone(), new EncoderStore.Projector(net.projectorSpec(), net.projector()),
                    spec, false);
        }
        return dir;
    }

    /** A tiny random encoder for {@code channels}×{@code size}×{@code size} images. */
    public static Path tiny(Path dir, int channels, int size) {
        return write(dir, spec(channels, size, size, TINY_WIDTHS), 0, true);
    }
}
