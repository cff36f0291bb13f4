package org.nlb.model;

import java.util.Arrays;

/**
 * Everything needed to rebuild a pretrained backbone and feed it images the way it was trained:
 * stored as {@code encoder.json} beside the weights.
 *
 * @param backbone architecture and input channels
 * @param height input image height the encoder was trained on
 * @param width input image width
 * @param mean per-channel mean subtracted from pixels scaled to [0, 1]
 * @param std per-channel standard deviation divided by after that
 * @param method the SSL method that trained it (e.g. "simclr"), or "random" for an untrained encoder
 * @param seed the seed of the pretraining run
 * @param epochs epochs trained
 * @param nlbVersion the nlb version that wrote it
 */
public record EncoderSpec(BackboneConfig backbone, int height, int width, float[] mean, float[] std,
                          String method, long seed, int epochs, String nlbVersion) {
    public EncoderSpec {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive");
        }
        if (mean.length != backbone.inputChannels() || std.length != backbone.inputChannels()) {
            throw new IllegalArgumentException("mean and std need one value per input channel ("
                    + backbone.inputChannels() + ")");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncoderSpec e && e.backbone.equals(backbone) && e.height == height && e.width == width
                && Arrays.equals(e.mean, mean) && Arrays.equals(e.std, std) && e.method.equals(method)
                && e.seed == seed && e.epochs == epochs && e.nlbVersion.equals(nlbVersion);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {backbone, height, width, Arrays.hashCode(mean), Arrays.hashCode(std),
            method, seed, epochs, nlbVersion});
    }
}
