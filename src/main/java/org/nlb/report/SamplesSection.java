package org.nlb.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SeedResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.data.Dataset;
import org.nlb.data.ImageSet;
import org.nlb.io.BadInputException;
import org.nlb.artefact.PoisonFile;
import org.nlb.io.JsonArtefacts;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggeredImages;
import org.nlb.render.ImageGrid;

/**
 * Section 6: a few test images, clean and with the run's test-time trigger (DESIGN §3), and — when
 * the pretrain split is at hand — the first images of each selector's poison set as the victim saw
 * them (poisoned with their index in the pretrain split, as the run did). Test images are drawn
 * with the first seed.
 */
final class SamplesSection implements ReportSection {
    static final int COUNT = 8;

    private final SectionInputs inputs;

    SamplesSection(SectionInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public String id() {
        return "samples";
    }

    @Override
    public String heading() {
        return "Clean and triggered images";
    }

    @Override
    public void writeBody(Html html) {
        RunResults results = inputs.results();
        if (results.trigger() == null) {
            html.note("Missing: results.json has no trigger block.");
            return;
        }
        Available<Dataset> data = inputs.dataset();
        if (!data.present()) {
            html.note("Missing: " + data.why() + ".");
            return;
        }
        TriggerConfig config;
        Trigger trigger;
        ImageSet test = data.get().test();
        try {
            config = RunTrigger.parse(results.trigger(), inputs.run().dir(), inputs.run().file());
            trigger = config.buildFor(ImageShape.of(test));
        } catch (BadInputException e) {
            html.note("Missing: the trigger could not be built: " + e.getMessage());
            return;
        }
        int k = Math.min(COUNT, test.size());
        int[] picked = new SplittableRandom(results.seeds().get(0)).ints(0, test.size()).distinct().limit(k).toArray();
        html.note("Trigger " + config.name() + " " + config.parameters() + ".");
        html.figure(grid(TriggeredImages.cleanThenTriggered(test, picked, trigger.testTime()),
                        List.of("clean test", "triggered"), k),
                k + " test images, clean (top) and with the " + (trigger.testTime() == trigger ? "" : "test-time ")
                        + "trigger (bottom).");
        poisonRows(html, trigger, data.get());
    }

    private void poisonRows(Html html, Trigger trigger, Dataset data) {
        RunResults results = inputs.results();
        Available<int[]> pretrain = inputs.pretrainIndices();
        if (!pretrain.present() || results.seedRuns().isEmpty()) {
            html.note("Poison images not shown: " + (results.seedRuns().isEmpty() ? "results.json lists no runs"
                    : pretrain.why()) + ".");
            return;
        }
        SeedResults run = results.seedRuns().get(0);
        List<String> captions = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        int[] train = new int[0];
        int[] items = new int[0]; // the poison indices: positions in the pretrain split the victim was poisoned in
        for (SelectorSummary s : results.selectorList()) {
            SeedResults.Selector sel = RunFile.selector(run, s.name());
            Optional<Path> poisonFile = sel == null ? Optional.empty() : inputs.run().resolve(sel.poison());
            if (poisonFile.isEmpty()) {
                continue;
            }
            try {
                int[] indices = JsonArtefacts.read(poisonFile.get(), PoisonFile.class).indexArray();
                int n = Math.min(COUNT, indices.length);
                int[] row = new int[n];
                for (int j = 0; j < n; j++) {
                    if (indices[j] >= pretrain.get().length) {
                        throw new BadInputException(poisonFile.get(), "index " + indices[j] + " is past the pretrain split");
                    }
                    row[j] = train.length + j;
                }
                int[] more = IntStream.range(0, n).map(j -> pretrain.get()[indices[j]]).toArray();
                train = IntStream.concat(IntStream.of(train), IntStream.of(more)).toArray();
                items = IntStream.concat(IntStream.of(items), IntStream.of(indices).limit(n)).toArray();
                captions.add(s.name());
                rows.add(row);
            } catch (BadInputException e) {
                html.note("Missing: " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        ImageSet picked = TriggeredImages.asPoisoned(data.train().subset(train), items, trigger);
        html.figure(new ImageGrid(picked, ImageGrid.scaleFor(picked, 56)).render(captions, rows),
                "The first poison images of each selector (seed " + inputs.run().seed(run) + "), triggered, as the victim pretrained on"
                        + " them.");
    }

    private static java.awt.image.BufferedImage grid(ImageSet both, List<String> captions, int k) {
        ImageGrid grid = new ImageGrid(both, ImageGrid.scaleFor(both, 56));
        return grid.render(captions, List.of(IntStream.range(0, k).toArray(), IntStream.range(k, 2 * k).toArray()));
    }
}
