package org.nlb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggeredImages;
import org.nlb.report.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb trigger preview}: clean test images above the same images triggered. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write a PNG with a row of random test images and below it the same images triggered.")
final class TriggerPreviewCommand implements Callable<Integer> {
    @Mixin
    TriggerArgs trigger;

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "SPEC",
            description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "Where to write the grid.")
    Path out;

    @Option(names = "--count", defaultValue = "8", paramLabel = "K",
            description = "Test images to show (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed that picks the test images (default: ${DEFAULT-VALUE}); the trigger's own is --trigger-seed.")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 1 || count > 64) {
            throw new BadInputException("--count", "must be between 1 and 64, got " + count);
        }
        TriggerConfig config = trigger.config();
        Dataset dataset = DatasetFormat.readDataset(DatasetSpec.parse(data), ReadOptions.DEFAULT);
        ImageSet test = dataset.test();
        if (test.size() == 0) {
            throw new BadInputException(dataset.spec().toString(), "has no test images to preview");
        }
        Trigger built = config.buildFor(ImageShape.of(test));
        int k = Math.min(count, test.size());
        int[] sample = new SplittableRandom(seed).ints(0, test.size()).distinct().limit(k).toArray();
        ImageSet both = TriggeredImages.cleanThenTriggered(test, sample, built);
        ImageGrid grid = new ImageGrid(both, ImageGrid.scaleFor(both, 56));
        ImageGrid.writePng(grid.render(List.of("clean", config.name()),
                List.of(IntStream.range(0, k).toArray(), IntStream.range(k, 2 * k).toArray())), out);
        spec.commandLine().getOut().printf("wrote %s (%d test images of %s, clean and with %s %s)%n",
                out, k, dataset.spec(), config.name(), config.parameters());
        return ExitCodes.OK;
    }
}
