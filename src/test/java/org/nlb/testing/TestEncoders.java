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

/**
 * Encoder directories for tests: a randomly initialised backbone (seeded) saved with
 * {@link EncoderStore}. A few training-mode passes over random inputs first move the BatchNorm
 * running statistics away from their initial 0 and 1, so that a test can tell whether inference
 * used (and kept) them.
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

    /** A tiny random encoder for {@code channels}×{@code size}×{@code size} images. */
    public static Path tiny(Path dir, int channels, int size) {
        return write(dir, spec(channels, size, size, TINY_WIDTHS), 0, true);
    }
}
