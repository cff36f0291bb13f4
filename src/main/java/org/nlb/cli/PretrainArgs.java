package org.nlb.cli;

import java.util.function.Supplier;
import org.nlb.augment.AugmentConfig;
import org.nlb.augment.AugmentPreset;
import org.nlb.io.BadInputException;
import org.nlb.model.BackboneConfig;
import org.nlb.model.BackboneKind;
import org.nlb.ssl.SslMethodKind;
import org.nlb.train.PretrainConfig;
import picocli.CommandLine.Option;

/**
 * The options of {@code nlb pretrain} that shape its {@link PretrainConfig}: a recipe to start
 * from, then single fields overridden. Parsed once here, at the command-line edge.
 */
final class PretrainArgs {
    enum Recipe { cpu, reference }

    @Option(names = "--method", required = true, paramLabel = "NAME", description = "simclr, mocov2, byol or barlow.")
    String method;

    @Option(names = "--backbone", defaultValue = "small", paramLabel = "NAME", description = "resnet18 or small (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--widths", split = ",", paramLabel = "W", description = "Channel widths of the stages, e.g. 32,64,128.")
    int[] widths;

    @Option(names = "--stem-stride", paramLabel = "1|2", description = "Stride of the stem convolution (small: 2, resnet18: 1).")
    Integer stemStride;

    @Option(names = "--recipe", defaultValue = "cpu", paramLabel = "NAME",
            description = "Defaults to start from: cpu (CPU-scale, BENCHMARKS.md) or reference (solo-learn's CIFAR recipe).")
    Recipe recipe;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs to train (required unless --untrained).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "B", description = "Images per step (default: 256).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "LR", description = "Base learning rate, scaled by B/256 (default: the method's recipe).")
    Double lr;

    @Option(names = "--warmup-epochs", paramLabel = "E", description = "Epochs of linear warm-up (default: the recipe's).")
    Double warmupEpochs;

    @Option(names = "--augment", paramLabel = "NAME", description = "Augmentation preset: cpu or reference (default: the recipe's).")
    AugmentPreset augment;

    @Option(names = "--crop-min-scale", paramLabel = "S", description = "Smallest area fraction of the random resized crop,"
            + " in (0, 1] (default: the augmentation's; cpu 0.2, reference 0.08).")
    Double cropMinScale;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of weights, shuffles, augmentations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for training and augmentation (default: all cores).")
    Integer threads;

    @Option(names = "--max-steps", defaultValue = "0", paramLabel = "N", description = "At most N steps per epoch, for smoke tests (default: all).")
    int maxSteps;

    SslMethodKind methodKind() {
        return SslMethodKind.parse(method);
    }

    /** Checks the names (method, backbone) before anything slow happens. */
    void checkNames() {
        methodKind();
        BackboneKind.parse(backbone);
    }

    /** The configuration for images of {@code channels} channels; {@code epochs} may be absent only when untrained. */
    PretrainConfig config(int channels, boolean untrained) {
        if (epochs == null && !untrained) {
            throw new BadInputException("--epochs", "is required: how many epochs to train");
        }
        SslMethodKind kind = methodKind();
        PretrainConfig c = recipe == Recipe.cpu ? PretrainConfig.cpu(kind, channels) : PretrainConfig.reference(kind, channels);
        BackboneConfig b = BackboneConfig.of(BackboneKind.parse(backbone), channels);
        if (widths != null) {
            BackboneConfig base = b;
            b = checked("--widths", () -> base.withWidths(widths));
        }
        if (!untrained) {
            b.untrainableReason().ifPresent(reason -> {
                throw new BadInputException("--widths", reason);
            });
        }
        if (stemStride != null) {
            BackboneConfig base = b;
            b = checked("--stem-stride", () -> base.withStemStride(stemStride));
        }
        c = c.withBackbone(b).withEpochs(epochs == null ? 1 : epochs).withSeed(seed).withMaxStepsPerEpoch(maxSteps);
        if (batchSize != null) {
            c = c.withBatchSize(batchSize);
        }
        if (lr != null) {
            c = c.withOptimizer(c.optimizer().withBaseLr(lr));
        }
        if (warmupEpochs != null) {
            c = c.withOptimizer(c.optimizer().withWarmupEpochs(warmupEpochs));
        }
        if (augment != null) {
            c = c.withAugment(augment, augment.config());
        }
        if (cropMinScale != null) {
            AugmentConfig a = c.augment();
            c = c.withAugment(c.augmentPreset(), checked("--crop-min-scale", () -> a.withViews(
                    a.view1().withCrop(minScale(a.view1().crop())), a.view2().withCrop(minScale(a.view2().crop())))));
        }
        return threads == null ? c : c.withThreads(threads);
    }

    private AugmentConfig.Crop minScale(AugmentConfig.Crop c) {
        return new AugmentConfig.Crop(cropMinScale, c.maxScale(), c.minRatio(), c.maxRatio());
    }

    private static <T> T checked(String option, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option, e.getMessage());
        }
    }
}
