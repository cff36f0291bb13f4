package org.nlb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nlb.augment.AugmentPreset;
import org.nlb.augment.AugmentPreview;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;
import org.nlb.render.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb augment preview --data SPEC --out grid.png}: originals and their two views. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write a PNG grid of train images (top row) and their two augmented views (rows below).")
final class AugmentPreviewCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "Dataset: fashion-mnist, idx:DIR, cifar10:DIR, cifar100:DIR, cifar100-coarse:DIR or folder:DIR.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "Where to write the grid.")
    Path out;

    @Option(names = "--count", defaultValue = "8", paramLabel = "K",
            description = "Images shown (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the sample and the views (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--preset", defaultValue = "cpu", paramLabel = "NAME",
            description = "Augmentation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AugmentPreset preset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 1 || count > 64) {
            throw new BadInputException("--count", "must be between 1 and 64, got " + count);
        }
        DatasetSpec dataSpec = DatasetSpec.parse(data);
        OutputGuard.output(out).inputs(dataSpec.inputs()).check();
        ImageSet train = DatasetFormat.readDataset(dataSpec, ReadOptions.DEFAULT).train();
        if (train.size() == 0) {
            throw new BadInputException(data, "has no train images");
        }
        ImageGrid.writePng(AugmentPreview.render(train, preset.config(), count, seed), out);
        spec.commandLine().getOut().printf("wrote %s (%d images, preset %s, seed %d)%n",
                out, Math.min(count, train.size()), preset, seed);
        return ExitCodes.OK;
    }
}
