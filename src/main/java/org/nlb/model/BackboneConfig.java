package org.nlb.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What backbone to build.
 *
 * @param kind the architecture
 * @param inputChannels 1 (Fashion-MNIST) or 3 (CIFAR, ImageFolder)
 * @param widths channels of each residual stage; ResNet-18 uses {64, 128, 256, 512} with two
 *     blocks per stage, the small backbone one block per stage; the first stage keeps the
 *     resolution of the stem's output, each later one halves it
 * @param stemStride stride of the 3×3 stem convolution: 1 is the CIFAR stem of ResNet-18
 *     (solo-learn); 2 halves the resolution before the first stage, which makes every stage four
 *     times cheaper — the small backbone's CPU default (measured in BENCHMARKS.md)
 */
public record BackboneConfig(BackboneKind kind, int inputChannels, int[] widths, int stemStride) {
    public static final int[] RESNET18_WIDTHS = {64, 128, 256, 512};
    public static final int[] SMALL_WIDTHS = {32, 64, 128};
    /** The small backbone's default stem stride; see {@link #stemStride()}. */
    public static final int SMALL_STEM_STRIDE = 2;

    public BackboneConfig {
        if (inputChannels < 1 || inputChannels > 4) {
            throw new IllegalArgumentException("input channels must be 1..4, got " + inputChannels);
        }
        if (widths == null || widths.length == 0 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("widths must be positive, got " + Arrays.toString(widths));
        }
        if (stemStride != 1 && stemStride != 2) {
            throw new IllegalArgumentException("stem stride must be 1 or 2, got " + stemStride);
        }
        widths = widths.clone();
    }

    /**
     * Every stage width a trained backbone may have is a multiple of this. oneDNN 3.7's convolution
     * backward pass (inside PyTorch 2.7) pads channels to blocks of 8 (AVX2) or 16 (AVX-512) and
     * now and then returns NaN input gradients when a layer's channel count leaves such a block
     * partly empty (KernelFinitenessTest; README, "Kernel choice"). A forward pass is unaffected.
     */
    public static final int TRAINABLE_WIDTH_MULTIPLE = 16;

    /**
     * Why this backbone cannot be trained on PyTorch's CPU kernels, or empty if it can: a stage
     * width that is not a multiple of {@link #TRAINABLE_WIDTH_MULTIPLE}.
     */
    public Optional<String> untrainableReason() {
        return Arrays.stream(widths).filter(w -> w % TRAINABLE_WIDTH_MULTIPLE != 0).boxed().findFirst()
                .map(w -> "width " + w + " is not a multiple of " + TRAINABLE_WIDTH_MULTIPLE
                        + ": PyTorch's CPU convolutions can give NaN gradients for it (README, \"Kernel choice\")");
    }

    /** A backbone with the stride-1 CIFAR stem. */
    public BackboneConfig(BackboneKind kind, int inputChannels, int[] widths) {
        this(kind, inputChannels, widths, 1);
    }

    public static BackboneConfig resnet18(int inputChannels) {
        return new BackboneConfig(BackboneKind.RESNET18, inputChannels, RESNET18_WIDTHS, 1);
    }

    public static BackboneConfig small(int inputChannels) {
        return new BackboneConfig(BackboneKind.SMALL, inputChannels, SMALL_WIDTHS, SMALL_STEM_STRIDE);
    }

    /** The same architecture with other stage widths. */
    public BackboneConfig withWidths(int... newWidths) {
        return new BackboneConfig(kind, inputChannels, newWidths, stemStride);
    }

    /** The same architecture with another stem stride. */
    public BackboneConfig withStemStride(int stride) {
        return new BackboneConfig(kind, inputChannels, widths, stride);
    }

    /** The default configuration of {@code kind}. */
    public static BackboneConfig of(BackboneKind kind, int inputChannels) {
        return kind == BackboneKind.RESNET18 ? resnet18(inputChannels) : small(inputChannels);
    }

    /** Residual blocks per stage. */
    public int blocksPerStage() {
        return kind == BackboneKind.RESNET18 ? 2 : 1;
    }

    /** Length of the feature vector the backbone outputs (the last stage's width). */
    public int featureDim() {
        return widths[widths.length - 1];
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackboneConfig b && b.kind == kind && b.inputChannels == inputChannels
                && Arrays.equals(b.widths, widths) && b.stemStride == stemStride;
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + inputChannels) * 31 + Arrays.hashCode(widths)) * 31 + stemStride;
    }

    @Override
    public String toString() {
        return kind.cliName() + "(in=" + inputChannels + ", widths=" + Arrays.toString(widths)
                + (stemStride == 1 ? "" : ", stem stride " + stemStride) + ")";
    }
}
