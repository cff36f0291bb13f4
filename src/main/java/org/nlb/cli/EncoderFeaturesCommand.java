package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;
import org.nlb.eval.EncoderFeatures;
import org.nlb.eval.FeatureExtractor;
import org.nlb.eval.Progress;
import org.nlb.eval.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nlb features --encoder DIR}: an encoder's features of a data set (DESIGN §7). The raw-pixel
 * path ({@code --pixels}) lives on another branch; the two become one {@code features} verb on merging.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Write a frozen encoder's backbone features of a data set as a float32 N x d .npy file"
                + " (inference mode, no augmentation, rows L2-normalised unless --no-normalize)."})
final class EncoderFeaturesCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "SPEC", description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--encoder", required = true, paramLabel = "DIR", description = "Encoder directory (from 'nlb pretrain').")
    Path encoder;

    @Option(names = "--split", defaultValue = "train", paramLabel = "train|test", description = "Which images (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--subset", paramLabel = "NPY", description = "Index file (e.g. pretrain.npy): only these images, in this order.")
    Path subset;

    @Option(names = "--no-normalize", description = "Keep the raw backbone outputs instead of L2-normalised rows.")
    boolean noNormalize;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "B", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--resize", paramLabel = "HxW", description = "For folder:DIR, resize every image to HxW (the encoder's size).")
    String resize;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    @Mixin
    OptionalTriggerArgs trigger;

    @Option(names = "--out", required = true, paramLabel = "F.npy", description = "Output .npy file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FeatureExtractor.Options options = FeatureExtractor.Options.DEFAULT.withBatchSize(batchSize)
                .withNormalise(!noNormalize).withProgress(progress ? Progress.ALWAYS : Progress.AUTO);
        ReadOptions read = resize == null ? ReadOptions.DEFAULT : ReadOptions.resizeTo(ReadOptions.ImageSize.parse(resize));
        EncoderFeatures.Result r = EncoderFeatures.write(new EncoderFeatures.Request(DatasetSpec.parse(data), read,
                encoder, split, Optional.ofNullable(subset), trigger.config(), options, out));
        spec.commandLine().getOut().printf("%s %s: %,d x %d %sencoder features in %.1f s -> %s%n", data, split.cliName(),
                r.rows(), r.dim(), noNormalize ? "raw " : "", r.seconds(), r.out());
        return ExitCodes.OK;
    }
}
