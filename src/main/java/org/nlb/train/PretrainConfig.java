package org.nlb.train;

import java.util.Objects;
import org.nlb.augment.AugmentConfig;
import org.nlb.augment.AugmentPreset;
import org.nlb.io.BadInputException;
import org.nlb.model.BackboneConfig;
import org.nlb.ssl.MethodParams;
import org.nlb.ssl.SslMethodKind;

/**
 * Everything that decides an SSL pretraining run (DESIGN §5), validated on construction and
 * written whole into the run's {@code config.json}. Defaults live here and nowhere else:
 * {@link #reference} (solo-learn's CIFAR recipe of each method) and {@link #cpu} (the CPU-scale
 * default measured in BENCHMARKS.md). The command line starts from one of them and overrides
 * single fields.
 *
 * @param method the SSL method
 * @param backbone the encoder architecture and its input channels
 * @param head projector/predictor sizes and loss constants
 * @param optimizer optimiser and learning-rate schedule
 * @param augmentPreset the preset {@code augment} came from, for the record
 * @param augment the two-view augmentation; its normalisation is filled in from the data before training
 * @param epochs passes over the pretrain images, ≥ 1
 * @param batchSize images per step, ≥ 2 (BatchNorm and Barlow Twins need batch statistics)
 * @param seed seeds the initial weights, the shuffles, every augmentation and MoCo's queues
 * @param threads threads for the tensor library and for augmentation, ≥ 1 (does not change results)
 * @param maxStepsPerEpoch at most this many steps per epoch, 0 for all (for smoke tests)
 */
public record PretrainConfig(SslMethodKind method, BackboneConfig backbone, MethodParams head,
                             OptimizerParams optimizer, AugmentPreset augmentPreset, AugmentConfig augment,
                             int epochs, int batchSize, long seed, int threads, int maxStepsPerEpoch) {
    /** solo-learn's CIFAR warm-up (10 of 1000 epochs). */
    static final double REFERENCE_WARMUP_EPOCHS = 10;
    /** The paper's CIFAR schedule (DESIGN §1). */
    static final int REFERENCE_EPOCHS = 500;
    static final int REFERENCE_BATCH_SIZE = 256;

    /** SimCLR: 86 % linear-probe accuracy on Fashion-MNIST in about 10 minutes on 2 cores (BENCHMARKS.md). */
    static final int CPU_EPOCHS = 10;
    static final int CPU_BATCH_SIZE = 256;
    static final double CPU_WARMUP_EPOCHS = 0.5;

    public PretrainConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(augmentPreset, "augmentPreset");
        Objects.requireNonNull(augment, "augment");
        if (epochs < 1) {
            throw new BadInputException("--epochs", "must be at least 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new BadInputException("--batch-size", "must be at least 2 (BatchNorm needs batch statistics), got "
                    + batchSize);
        }
        if (threads < 1) {
            throw new BadInputException("--threads", "must be at least 1, got " + threads);
        }
        if (maxStepsPerEpoch < 0) {
            throw new BadInputException("--max-steps", "must be at least 1 (or 0 for whole epochs), got "
                    + maxStepsPerEpoch);
        }
        if (augment.normalization() != null && augment.normalization().channels() != backbone.inputChannels()) {
            throw new BadInputException("augment", "normalisation has " + augment.normalization().channels()
                    + " channels, the backbone takes " + backbone.inputChannels());
        }
        if (method == SslMethodKind.MOCOV2 && head.queueSize() < 1) {
            throw new BadInputException("queue size", "MoCo v2+ needs a queue of at least 1 key");
        }
        if (method == SslMethodKind.BYOL && head.predictorHidden() < 1) {
            throw new BadInputException("predictor size", "BYOL needs a predictor with at least 1 hidden unit");
        }
        if ((method == SslMethodKind.SIMCLR || method == SslMethodKind.MOCOV2) && !(head.temperature() > 0)) {
            throw new BadInputException("temperature", "must be positive for " + method + ", got " + head.temperature());
        }
    }

    /**
     * solo-learn's CIFAR recipe (DESIGN §5): ResNet-18 with the CIFAR stem, the method's heads
     * ({@link MethodParams#reference}), batch 256, 500 epochs with 10 warm-up epochs, the reference
     * augmentation, and per method: SimCLR LARS lr 0.4 wd 1e-5; MoCo v2+ SGD lr 0.3 wd 1e-4;
     * BYOL LARS lr 1.0 wd 1e-5; Barlow Twins LARS lr 0.3 wd 1e-4 (all scaled by B/256).
     */
    public static PretrainConfig reference(SslMethodKind method, int inputChannels) {
        return new PretrainConfig(method, BackboneConfig.resnet18(inputChannels), MethodParams.reference(method),
                referenceOptimizer(method, REFERENCE_WARMUP_EPOCHS), AugmentPreset.reference,
                AugmentPreset.reference.config(), REFERENCE_EPOCHS, REFERENCE_BATCH_SIZE, 0,
                Runtime.getRuntime().availableProcessors(), 0);
    }

    /**
     * The CPU-scale default (BENCHMARKS.md): the small backbone (stride-2 stem, widths 32/64/128),
     * the CPU augmentation (crop scale 0.2–1), batch 256, 10 epochs with half an epoch of
     * warm-up, the reference optimiser and heads of each method, except MoCo's queue shortened to
     * 4 096 keys and Barlow Twins' projector to 1 024 units, whose reference sizes cost more than
     * the small backbone itself. SimCLR with it reaches 86 % linear-probe accuracy on
     * Fashion-MNIST in about 10 minutes on 2 cores; the stride-1 stem was 5× slower, and
     * τ = 0.5, lr 1.0 or widths 16/32/64 at full resolution did worse per minute.
     */
    public static PretrainConfig cpu(SslMethodKind method, int inputChannels) {
        MethodParams head = MethodParams.reference(method);
        if (method == SslMethodKind.MOCOV2) {
            head = head.withQueueSize(4096);
        } else if (method == SslMethodKind.BARLOW) {
            head = head.withProjector(1024, 1024);
        }
        return new PretrainConfig(method, BackboneConfig.small(inputChannels), head,
                referenceOptimizer(method, CPU_WARMUP_EPOCHS), AugmentPreset.cpu, AugmentPreset.cpu.config(),
                CPU_EPOCHS, CPU_BATCH_SIZE, 0, Runtime.getRuntime().availableProcessors(), 0);
    }

    private static OptimizerParams referenceOptimizer(SslMethodKind method, double warmupEpochs) {
        return switch (method) {
            case SIMCLR -> OptimizerParams.lars(0.4, 1e-5, warmupEpochs);
            case MOCOV2 -> OptimizerParams.sgd(0.3, 1e-4, warmupEpochs);
            case BYOL -> OptimizerParams.lars(1.0, 1e-5, warmupEpochs);
            case BARLOW -> OptimizerParams.lars(0.3, 1e-4, warmupEpochs);
        };
    }

    /** The learning rate at the top of the schedule: {@link OptimizerParams#peakLr} at this batch size. */
    public double peakLr() {
        return optimizer.peakLr(batchSize);
    }

    public PretrainConfig withBackbone(BackboneConfig b) {
        return new PretrainConfig(method, b, head, optimizer, augmentPreset, augment, epochs, batchSize, seed, threads,
                maxStepsPerEpoch);
    }

    public PretrainConfig withHead(MethodParams h) {
        return new PretrainConfig(method, backbone, h, optimizer, augmentPreset, augment, epochs, batchSize, seed,
                threads, maxStepsPerEpoch);
    }

    public PretrainConfig withOptimizer(OptimizerParams o) {
        return new PretrainConfig(method, backbone, head, o, augmentPreset, augment, epochs, batchSize, seed, threads,
                maxStepsPerEpoch);
    }

    public PretrainConfig withAugment(AugmentPreset preset, AugmentConfig a) {
        return new PretrainConfig(method, backbone, head, optimizer, preset, a, epochs, batchSize, seed, threads,
                maxStepsPerEpoch);
    }

    public PretrainConfig withEpochs(int e) {
        return new PretrainConfig(method, backbone, head, optimizer, augmentPreset, augment, e, batchSize, seed,
                threads, maxStepsPerEpoch);
    }

    public PretrainConfig withBatchSize(int b) {
        return new PretrainConfig(method, backbone, head, optimizer, augmentPreset, augment, epochs, b, seed, threads,
                maxStepsPerEpoch);
    }

    public PretrainConfig withSeed(long s) {
        return new PretrainConfig(method, backbone, head, optimizer, augmentPreset, augment, epochs, batchSize, s,
                threads, maxStepsPerEpoch);
    }

    public PretrainConfig withThreads(int t) {
        return new PretrainConfig(method, backbone, head, optimizer, augmentPreset, augment, epochs, batchSize, seed, t,
                maxStepsPerEpoch);
    }

    public PretrainConfig withMaxStepsPerEpoch(int n) {
        return new PretrainConfig(method, backbone, head, optimizer, augmentPreset, augment, epochs, batchSize, seed,
                threads, n);
    }
}
