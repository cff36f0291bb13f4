package org.nlb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nlb.augment.AugmentPreset;
import org.nlb.data.ReadOptions;
import org.nlb.io.BadInputException;
import org.nlb.model.BackboneConfig;
import org.nlb.model.BackboneKind;
import org.nlb.ssl.SslMethodKind;
import org.nlb.train.PretrainConfig;
import org.nlb.train.PretrainData;
import org.nlb.train.PretrainResult;
import org.nlb.train.Pretrainer;
import org.nlb.train.ProgressDisplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb pretrain}: SSL pretraining of an encoder on the pretrain images (DESIGN §5, §7). */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrain an SSL encoder on the pretrain part of the train set (labels are never used).",
            "Writes DIR/config.json, DIR/log.csv and DIR/checkpoint.nlb after every epoch, then the encoder"
                + " (DIR/encoder.json, DIR/backbone.params). --resume continues an interrupted run."})
final class PretrainCommand implements Callable<Integer> {
    enum Recipe { cpu, reference }

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "SPEC", description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--subset", paramLabel = "NPY", description = "Index file of the pretrain images (pretrain.npy of 'nlb datasets split');"
            + " default: the 90 %% pretrain split drawn with --split-seed.")
    Path subset;

    @Option(names = "--split-seed", defaultValue = "0", paramLabel = "S", description = "Seed of the default pretrain split (default: ${DEFAULT-VALUE}).")
    long splitSeed;

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

    @Option(names = "--untrained", description = "Write the encoder as initialised, without training (method 'random'):"
            + " the baseline a pretrained encoder must beat.")
    boolean untrained;

    @Option(names = "--batch-size", paramLabel = "B", description = "Images per step (default: 256).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "LR", description = "Base learning rate, scaled by B/256 (default: the method's recipe).")
    Double lr;

    @Option(names = "--warmup-epochs", paramLabel = "E", description = "Epochs of linear warm-up (default: the recipe's).")
    Double warmupEpochs;

    @Option(names = "--augment", paramLabel = "NAME", description = "Augmentation preset: cpu or reference (default: the recipe's).")
    AugmentPreset augment;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of weights, shuffles, augmentations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for training and augmentation (default: all cores).")
    Integer threads;

    @Option(names = "--max-steps", defaultValue = "0", paramLabel = "N", description = "At most N steps per epoch, for smoke tests (default: all).")
    int maxSteps;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in DIR from its last finished epoch.")
    boolean resume;

    @Option(names = "--force", description = "Start over in a non-empty DIR, replacing it.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (resume && (force || untrained)) {
            throw new BadInputException("--resume", "cannot be combined with " + (force ? "--force" : "--untrained"));
        }
        if (epochs == null && !untrained) {
            throw new BadInputException("--epochs", "is required: how many epochs to train");
        }
        SslMethodKind kind = SslMethodKind.parse(method);
        BackboneKind backboneKind = BackboneKind.parse(backbone);
        PretrainData pretrain = PretrainData.load(data, ReadOptions.DEFAULT, subset, splitSeed);
        PretrainConfig config = config(kind, backboneKind, pretrain.images().channels());
        Pretrainer.Job job = new Pretrainer.Job(config, pretrain.images(), pretrain.description(), out, resume, force);
        if (untrained) {
            Pretrainer.writeUntrained(job);
            spec.commandLine().getOut().printf("untrained %s encoder (seed %d) -> %s%n", config.backbone(), seed, out);
            return ExitCodes.OK;
        }
        ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr());
        PretrainResult result = Pretrainer.run(job, List.of(progress));
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d epochs on %,d images, final loss %.4f, %.0f images/s -> %s%n",
                kind, result.epochs().size(), pretrain.images().size(), result.last().loss(), result.imagesPerSecond(), out);
        return ExitCodes.OK;
    }

    private PretrainConfig config(SslMethodKind kind, BackboneKind backboneKind, int channels) {
        PretrainConfig c = recipe == Recipe.cpu ? PretrainConfig.cpu(kind, channels) : PretrainConfig.reference(kind, channels);
        BackboneConfig b = BackboneConfig.of(backboneKind, channels);
        if (widths != null) {
            BackboneConfig base = b;
            b = parse("--widths", () -> base.withWidths(widths));
        }
        if (stemStride != null) {
            BackboneConfig base = b;
            b = parse("--stem-stride", () -> base.withStemStride(stemStride));
        }
        PretrainConfig r = c.withBackbone(b).withEpochs(epochs == null ? 1 : epochs).withSeed(seed)
                .withMaxStepsPerEpoch(maxSteps);
        if (batchSize != null) {
            r = r.withBatchSize(batchSize);
        }
        if (lr != null) {
            r = r.withOptimizer(r.optimizer().withBaseLr(lr));
        }
        if (warmupEpochs != null) {
            r = r.withOptimizer(r.optimizer().withWarmupEpochs(warmupEpochs));
        }
        if (augment != null) {
            r = r.withAugment(augment, augment.config());
        }
        return threads == null ? r : r.withThreads(threads);
    }

    private static <T> T parse(String option, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option, e.getMessage());
        }
    }
}
