package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;
import org.nlb.eval.EncoderFeatures;
import org.nlb.eval.FeatureExtractor;
import org.nlb.eval.FeatureSpace;
import org.nlb.eval.Progress;
import org.nlb.eval.Split;
import org.nlb.features.PixelFeatureFile;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;
import org.nlb.model.EncoderStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb features}: a feature matrix from a frozen encoder or from raw pixels (DESIGN §7). */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Write a feature matrix (float32 N x d .npy, one row per image) for 'nlb select'.",
            "--encoder DIR: the frozen encoder's outputs (inference mode, no augmentation) in a feature space"
                + " (--space), rows L2-normalised unless --no-normalize.",
            "--pixels: each train image flattened to [0,1] values and L2-normalised; with --pca K its coordinates"
                + " on the top K principal components (exact, deterministic), L2-normalised."})
final class FeaturesCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--encoder", required = true, paramLabel = "DIR", description = "Encoder directory (from 'nlb pretrain').")
        Path encoder;

        @Option(names = "--pixels", required = true, description = "Raw-pixel features (no encoder).")
        boolean pixels;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "SPEC", description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--subset", paramLabel = "NPY", description = "Index file (e.g. pretrain.npy): only these images, in this order.")
    Path subset;

    @Option(names = "--resize", paramLabel = "HxW", description = "For folder:DIR, resize every image to HxW.")
    String resize;

    @Option(names = "--pca", paramLabel = "K", description = "--pixels: project on the top K principal components.")
    Integer pca;

    @Option(names = "--split", defaultValue = "train", paramLabel = "train|test", description = "--encoder: which images (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--space", defaultValue = "backbone", paramLabel = "backbone|centred|projector",
            description = {"--encoder: which features (default: ${DEFAULT-VALUE}). backbone: the backbone's outputs, rows"
                + " L2-normalised (the paper's); centred: those minus their column mean over the embedded images, rows"
                + " L2-normalised again; projector: the SSL projector head's outputs, rows L2-normalised (encoders"
                + " from 'nlb pretrain' since the projector is saved)."})
    String space;

    @Option(names = "--no-normalize", description = "--encoder: keep raw outputs (centred: raw outputs minus their column mean) instead of L2-normalised rows.")
    boolean noNormalize;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "B", description = "--encoder: images per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

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
        FeatureSpace featureSpace = FeatureSpace.parse(space);
        ReadOptions read = resize == null ? ReadOptions.DEFAULT : ReadOptions.resizeTo(ReadOptions.ImageSize.parse(resize));
        DatasetSpec dataSpec = DatasetSpec.parse(data);
        OutputGuard guard = OutputGuard.output(out).inputs(dataSpec.inputs()).file("--subset", subset)
                .file("--image", trigger.options.image);
        if (source.encoder != null) {
            guard.inputs(EncoderStore.inputs("--encoder", source.encoder));
        }
        guard.check();
        if (source.pixels) {
            if (trigger.config().isPresent() || split != Split.TRAIN) {
                throw new BadInputException("--pixels", "takes the clean train images; --trigger and --split go with --encoder");
            }
            if (featureSpace != FeatureSpace.BACKBONE) {
                throw new BadInputException("--space", "goes with --encoder");
            }
            PixelFeatureFile.Result r = PixelFeatureFile.write(dataSpec, read, Optional.ofNullable(subset), Optional.ofNullable(pca), out);
            spec.commandLine().getOut().printf("%s: %d x %d %s features in %.1f s -> %s%n", data, r.rows(), r.cols(),
                    pca == null ? "pixel" : "PCA-" + pca, r.seconds(), out);
            return ExitCodes.OK;
        }
        if (pca != null) {
            throw new BadInputException("--pca", "goes with --pixels");
        }
        FeatureExtractor.Options options = FeatureExtractor.Options.DEFAULT.withBatchSize(batchSize)
                .withNormalise(!noNormalize).withProgress(progress ? Progress.ALWAYS : Progress.AUTO);
        EncoderFeatures.Result r = EncoderFeatures.write(new EncoderFeatures.Request(dataSpec, read,
                source.encoder, split, Optional.ofNullable(subset), trigger.config(), options, out, featureSpace));
        String kind = (noNormalize ? "raw " : "") + (featureSpace == FeatureSpace.BACKBONE ? "" : featureSpace.cliName() + " ");
        spec.commandLine().getOut().printf("%s %s: %,d x %d %sencoder features in %.1f s -> %s%n", data, split.cliName(),
                r.rows(), r.dim(), kind, r.seconds(), r.out());
        return ExitCodes.OK;
    }
}
