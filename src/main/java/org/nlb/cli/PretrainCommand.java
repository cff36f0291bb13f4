package org.nlb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;
import org.nlb.io.OutputGuard;
import org.nlb.io.BadInputException;
import org.nlb.train.PretrainConfig;
import org.nlb.train.PretrainData;
import org.nlb.train.PretrainResult;
import org.nlb.train.Pretrainer;
import org.nlb.train.ProgressDisplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb pretrain}: SSL pretraining of an encoder on the pretrain images (DESIGN §5, §7). */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrain an SSL encoder on the pretrain part of the train set (labels are never used).",
            "Writes DIR/config.json, DIR/log.csv and DIR/checkpoint.nlb after every epoch, then the encoder"
                + " (DIR/encoder.json, DIR/backbone.params). --resume continues an interrupted run."})
final class PretrainCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "SPEC", description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--subset", paramLabel = "NPY", description = "Index file of the pretrain images (pretrain.npy of 'nlb datasets split');"
            + " default: the 90 %% pretrain split drawn with --split-seed.")
    Path subset;

    @Option(names = "--split-seed", defaultValue = "0", paramLabel = "S", description = "Seed of the default pretrain split (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--resize", paramLabel = "HxW", description = "For folder:DIR, resize every image to HxW (bilinear).")
    String resize;

    @Mixin
    PretrainArgs settings;

    @Option(names = "--untrained", description = "Write the encoder as initialised, without training (method 'random'):"
            + " the baseline a pretrained encoder must beat.")
    boolean untrained;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in DIR from its last finished epoch.")
    boolean resume;

    @Option(names = "--force", description = "Start over, replacing a non-empty DIR: the new run trains beside it and"
            + " takes its place when its encoder is written (--resume continues it after a kill).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (resume && (force || untrained)) {
            throw new BadInputException("--resume", "cannot be combined with " + (force ? "--force" : "--untrained"));
        }
        settings.checkNames(); // reported before the data set is read
        OutputGuard.output(out).inputs(DatasetSpec.parse(data).inputs()).file("--subset", subset).check();
        ReadOptions read = resize == null ? ReadOptions.DEFAULT : ReadOptions.resizeTo(ReadOptions.ImageSize.parse(resize));
        PretrainData pretrain = PretrainData.load(data, read, subset, splitSeed);
        PretrainConfig config = settings.config(pretrain.images().channels(), untrained);
        Pretrainer.Job job = new Pretrainer.Job(config, pretrain.images(), pretrain.description(), out, resume, force);
        var stdout = spec.commandLine().getOut();
        if (untrained) {
            Pretrainer.writeUntrained(job);
            stdout.printf("untrained %s encoder (seed %d) -> %s%n", config.backbone(), config.seed(), out);
            return ExitCodes.OK;
        }
        PretrainResult result = Pretrainer.run(job, List.of(new ProgressDisplay(spec.commandLine().getErr())));
        stdout.printf(Locale.ROOT, "%s: %d epochs on %,d images, final loss %.4f, %.0f images/s -> %s%n", config.method(),
                result.epochs().size(), pretrain.images().size(), result.last().loss(), result.imagesPerSecond(), out);
        return ExitCodes.OK;
    }
}
