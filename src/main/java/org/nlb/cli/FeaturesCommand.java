package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.features.Pca;
import org.nlb.features.PixelFeatures;
import org.nlb.io.BadInputException;
import org.nlb.poison.select.LabelSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nlb features --pixels}: the no-training feature matrix of issue 4's baseline (DESIGN §7). */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Write a feature matrix (float32 .npy, one row per train image) for 'nlb select'.",
            "--pixels: each image flattened to [0,1] values and L2-normalised; with --pca K, its coordinates on the"
                + " top K principal components (exact, deterministic), L2-normalised."})
final class FeaturesCommand implements Callable<Integer> {
    @Option(names = "--pixels", description = "Raw-pixel features (no encoder).")
    boolean pixels;

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "Dataset spec; its train images are used.")
    String data;

    @Option(names = "--subset", paramLabel = "pretrain.npy", description = "Only these train images, in this order.")
    Path subset;

    @Option(names = "--pca", paramLabel = "K", description = "Project on the top K principal components.")
    Integer pca;

    @Option(names = "--resize", paramLabel = "HxW", description = "For folder:DIR, resize every image to HxW.")
    String resize;

    @Option(names = "--out", required = true, paramLabel = "F.npy", description = "Output .npy file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!pixels) {
            throw new BadInputException("--pixels", "is required: raw-pixel features are the kind this command makes"
                    + " (encoder features come with the encoders)");
        }
        ReadOptions options = resize == null ? ReadOptions.DEFAULT
                : ReadOptions.resizeTo(ReadOptions.ImageSize.parse(resize));
        Dataset dataset = DatasetFormat.readDataset(DatasetSpec.parse(data), options);
        ImageSet images = dataset.train();
        if (subset != null) {
            images = images.subset(LabelSource.readSubset(subset, images.size()));
        }
        int n = images.size();
        int d = images.imageBytes();
        if (n == 0) {
            throw new BadInputException(data, "has no train images" + Optional.ofNullable(subset).map(s -> " in " + s).orElse(""));
        }
        if (pca != null && (pca < 1 || pca > d)) {
            throw new BadInputException("--pca", "K must be between 1 and the " + d + " pixel values per image, got " + pca);
        }
        long start = System.nanoTime();
        float[] rows;
        int cols;
        if (pca == null) {
            rows = PixelFeatures.normalisedPixels(images);
            cols = d;
        } else {
            float[] x = PixelFeatures.scaled(images);
            rows = Pca.fit(x, n, d, pca).project(x, n);
            cols = pca;
            PixelFeatures.normaliseRows(rows, n, cols);
        }
        Npy.write(out, NpyArray.ofFloats(rows, n, cols));
        spec.commandLine().getOut().printf("%s: %d x %d %s features in %.1f s -> %s%n", data, n, cols,
                pca == null ? "pixel" : "PCA-" + pca, (System.nanoTime() - start) / 1e9, out);
        return ExitCodes.OK;
    }
}
