package org.nlb.augment;

import java.util.function.Supplier;

/** Named augmentation presets for the command line; each is a factory of {@link AugmentConfig}. */
public enum AugmentPreset {
    /** {@link AugmentConfig#cpuScale()}: the reference with a milder crop (scale 0.2–1). */
    cpu(AugmentConfig::cpuScale),
    /** {@link AugmentConfig#cifarReference()}: solo-learn's CIFAR recipe. */
    reference(AugmentConfig::cifarReference);

    private final Supplier<AugmentConfig> factory;

    AugmentPreset(Supplier<AugmentConfig> factory) {
        this.factory = factory;
    }

    public AugmentConfig config() {
        return factory.get();
    }
}
