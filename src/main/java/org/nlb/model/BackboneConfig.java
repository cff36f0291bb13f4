package org.nlb.model;

import java.util.Arrays;

/**
 * What backbone to build.
 *
 * @param kind the architecture
 * @param inputChannels 1 (Fashion-MNIST) or 3 (CIFAR, ImageFolder)
 * @param widths channels of each residual stage; ResNet-18 uses {64, 128, 256, 512} with two
 *     blocks per stage, the small backbone one block per stage; the first stage keeps the
 *     resolution, each later one halves it
 */
public record BackboneConfig(BackboneKind kind, int inputChannels, int[] widths) {
    public static final int[] RESNET18_WIDTHS = {64, 128, 256, 512};
    public static final int[] SMALL_WIDTHS = {32, 64, 128};

    public BackboneConfig {
        if (inputChannels < 1 || inputChannels > 4) {
            throw new IllegalArgumentException("input channels must be 1..4, got " + inputChannels);
        }
        if (widths == null || widths.length == 0 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("widths must be positive, got " + Arrays.toString(widths));
        }
        widths = widths.clone();
    }

    public static BackboneConfig resnet18(int inputChannels) {
        return new BackboneConfig(BackboneKind.RESNET18, inputChannels, RESNET18_WIDTHS);
    }

    public static BackboneConfig small(int inputChannels) {
        return new BackboneConfig(BackboneKind.SMALL, inputChannels, SMALL_WIDTHS);
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
                && Arrays.equals(b.widths, widths);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + inputChannels) * 31 + Arrays.hashCode(widths);
    }

    @Override
    public String toString() {
        return kind.cliName() + "(in=" + inputChannels + ", widths=" + Arrays.toString(widths) + ")";
    }
}
