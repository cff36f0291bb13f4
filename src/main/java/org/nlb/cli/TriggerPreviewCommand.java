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
import org.nlb.io.OutputGuard;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggeredImages;
import org.nlb.render.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nlb trigger preview}: clean test images above the same images triggered. For a trigger
 * whose poisoned form differs from its test-time form (layout-patch) there are two triggered rows:
 * the images as poisoning would change them, then with the test-time trigger.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Write a PNG with a row of random test images and below it the same images triggered.",
                "layout-patch shows two rows: the poisoned layout and the test-time patch."})
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
        DatasetSpec dataSpec = DatasetSpec.parse(data);
        OutputGuard.output(out).inputs(dataSpec.inputs()).file("--image", config.image()).check();
        Dataset dataset = DatasetFormat.readDataset(dataSpec, ReadOptions.DEFAULT);
        ImageSet test = dataset.test();
        if (test.size() == 0) {
            throw new BadInputException(dataset.spec().toString(), "has no test images to preview");
        }
        Trigger built = config.buildFor(ImageShape.of(test));
        int k = Math.min(count, test.size());
        int[] sample = new SplittableRandom(seed).ints(0, test.size()).distinct().limit(k).toArray();
        boolean twoForms = built.testTime() != built;
        List<Trigger> triggers = twoForms ? List.of(built, built.testTime()) : List.of(built);
        List<String> captions = twoForms ? List.of("clean", config.name() + " poisoned", "test time")
                : List.of("clean", config.name());
        ImageSet rows = TriggeredImages.cleanThenTriggered(test, sample, triggers);
        ImageGrid grid = new ImageGrid(rows, ImageGrid.scaleFor(rows, 56));
        ImageGrid.writePng(grid.render(captions, IntStream.rangeClosed(0, triggers.size())
                .mapToObj(r -> IntStream.range(r * k, (r + 1) * k).toArray()).toList()), out);
        spec.commandLine().getOut().printf("wrote %s (%d test images of %s, clean and with %s %s%s)%n",
                out, k, dataset.spec(), config.name(), built.config().parameters(),
                twoForms ? ", poisoned and at test time" : "");
        return ExitCodes.OK;
    }
}
