package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;
import org.nlb.eval.FeatureExtractor;
import org.nlb.eval.FeatureScaling;
import org.nlb.eval.KnnProbe;
import org.nlb.eval.LinearProbe;
import org.nlb.eval.ProbeKind;
import org.nlb.eval.ProbeReport;
import org.nlb.eval.ProbeRun;
import org.nlb.eval.Progress;
import org.nlb.io.OutputGuard;
import org.nlb.model.EncoderStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb probe}: linear probe and kNN monitor of a frozen encoder, with the backdoor metrics (DESIGN §4, §7). */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Train a linear probe and a kNN monitor on a frozen encoder's features of the labeled downstream"
                + " images and test them on the test set; with --trigger and --target also on the triggered test set"
                + " (poison_acc, asr, clean_to_target, confusion). Writes metrics.json."})
final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "SPEC", description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--encoder", required = true, paramLabel = "DIR", description = "Encoder directory (from 'nlb pretrain').")
    Path encoder;

    @Option(names = "--downstream", paramLabel = "NPY",
            description = "downstream.npy from 'nlb datasets split': the labeled train images (default: the whole train set).")
    Path downstream;

    @Mixin
    OptionalTriggerArgs trigger;

    @Option(names = "--target", paramLabel = "T", description = "The attack's target class index (needed with --trigger).")
    Integer target;

    @Option(names = "--probe", defaultValue = "both", paramLabel = "linear|knn|both", description = "Probes to train (default: ${DEFAULT-VALUE}).")
    ProbeKind probe;

    @Option(names = "--scaling", paramLabel = "none|center|standardize",
            description = "What the linear probe does to features first (default: center, i.e. subtract the training"
                    + " mean; standardize was seen to inflate ASR).")
    String scaling;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the linear probe (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "B", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--resize", paramLabel = "HxW", description = "For folder:DIR, resize every image to HxW (the encoder's size).")
    String resize;

    @Option(names = "--progress", description = "Show progress bars on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--out", required = true, paramLabel = "JSON", description = "The metrics file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatasetSpec dataSpec = DatasetSpec.parse(data);
        OutputGuard.output(out).inputs(dataSpec.inputs()).inputs(EncoderStore.inputs("--encoder", encoder))
                .file("--downstream", downstream).file("--image", trigger.options.image).check();
        ReadOptions read = resize == null ? ReadOptions.DEFAULT : ReadOptions.resizeTo(ReadOptions.ImageSize.parse(resize));
        FeatureExtractor.Options extraction = FeatureExtractor.Options.DEFAULT.withBatchSize(batchSize)
                .withProgress(progress ? Progress.ALWAYS : Progress.AUTO);
        LinearProbe linear = (scaling == null ? LinearProbe.DEFAULT : LinearProbe.DEFAULT.withScaling(FeatureScaling.parse(scaling)))
                .withSeed(seed);
        ProbeRun.Result result = ProbeRun.run(new ProbeRun.Request(dataSpec, read, encoder,
                Optional.ofNullable(downstream), trigger.config(), target == null ? OptionalInt.empty() : OptionalInt.of(target),
                probe, linear, KnnProbe.DEFAULT, extraction, out));
        // printf, not print: the writer flushes itself only on println/printf/format.
        spec.commandLine().getOut().printf("%s", ProbeReport.summary(result));
        return ExitCodes.OK;
    }
}
