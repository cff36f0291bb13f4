package org.nlb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.nlb.data.Dataset;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;
import org.nlb.render.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb datasets preview SPEC --out grid.png}: a labelled grid of samples per class. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write a PNG grid of random samples, one labelled row per class.")
final class DatasetsPreviewCommand implements Callable<Integer> {
    enum Part { train, test }

    @Mixin
    DatasetArgs dataset;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "Where to write the grid.")
    Path out;

    @Option(names = "--per-class", defaultValue = "8", paramLabel = "K",
            description = "Samples per class row (default: ${DEFAULT-VALUE}).")
    int perClass;

    @Option(names = "--split", defaultValue = "train", paramLabel = "PART",
            description = "Which part to sample: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Part part;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-classes", defaultValue = "20", paramLabel = "C",
            description = "Show at most this many classes (default: ${DEFAULT-VALUE}).")
    int maxClasses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (perClass < 1 || perClass > 64) {
            throw new BadInputException("--per-class", "must be between 1 and 64, got " + perClass);
        }
        OutputGuard.output(out).inputs(dataset.parsed().inputs()).check();
        Dataset data = dataset.read();
        ImageSet set = part == Part.train ? data.train() : data.test();
        if (set.size() == 0) {
            throw new BadInputException(data.spec().toString(), "has no " + part + " images to preview");
        }
        Labels labels = set.labels().orElseThrow(() -> new BadInputException(data.spec().toString(), "has no labels"));
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> captions = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        int classes = Math.min(labels.classCount(), maxClasses);
        for (int k = 0; k < classes; k++) {
            int[] members = members(labels, k);
            if (members.length == 0) {
                continue;
            }
            captions.add(k + " " + labels.classNames().get(k));
            rows.add(sample(members, perClass, rng));
        }
        ImageGrid grid = new ImageGrid(set, ImageGrid.scaleFor(set, 56));
        ImageGrid.writePng(grid.render(captions, rows), out);
        spec.commandLine().getOut().printf("wrote %s (%d classes, up to %d samples each, from %s)%n",
                out, rows.size(), perClass, part);
        return ExitCodes.OK;
    }

    private static int[] members(Labels labels, int k) {
        return java.util.stream.IntStream.range(0, labels.size()).filter(i -> labels.get(i) == k).toArray();
    }

    /** Up to {@code k} distinct members in random order (partial Fisher–Yates). */
    private static int[] sample(int[] members, int k, SplittableRandom rng) {
        int[] pool = members.clone();
        int take = Math.min(k, pool.length);
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, take);
    }
}
