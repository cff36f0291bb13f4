package org.nlb.experiment;

import java.util.Arrays;
import java.util.Locale;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.data.PretrainSplit;
import org.nlb.data.ReadOptions;
import org.nlb.io.BadInputException;
import org.nlb.poison.select.Budget;
import org.nlb.poison.select.SelectionStrategy;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.TriggerConfig;

/**
 * What a run reads, loaded and checked against its configuration before anything is written:
 * labels on both parts of the data set, a pretrain subset no larger than the pretrain split, a
 * budget that fits (DESIGN §1 step 4; 2M ≤ N for the contrastive family, a class with M images
 * for the oracle) and a trigger that fits the images.
 *
 * @param config the resolved configuration
 * @param spec the data set's spec
 * @param dataset the data set
 * @param trainSha256 SHA-256 of the train pixels and labels, part of the split's key
 * @param trigger the trigger, as built for the data's images (every option filled in)
 * @param budget M and how it was reached
 */
record RunInputs(RunConfig config, DatasetSpec spec, Dataset dataset, String trainSha256, TriggerConfig trigger,
                 Budget budget) {
    static RunInputs load(RunConfig config) {
        return load(config, readDataset(config));
    }

    /** The data set {@code config} names, read once for the points of a sweep that all use it. */
    static Dataset readDataset(RunConfig config) {
        return DatasetFormat.readDataset(DatasetSpec.parse(config.data().spec()), ReadOptions.DEFAULT);
    }

    /** The inputs of {@code config} with its data set {@code dataset} already read. */
    static RunInputs load(RunConfig config, Dataset dataset) {
        DatasetSpec spec = DatasetSpec.parse(config.data().spec());
        Labels train = requireLabels(dataset.train(), spec, "train");
        Labels test = requireLabels(dataset.test(), spec, "test");
        if (train.classCount() != test.classCount()) {
            throw new BadInputException(spec.toString(), "train labels have " + train.classCount()
                    + " classes but test labels " + test.classCount());
        }
        if (dataset.test().size() == 0) {
            throw new BadInputException(spec.toString(), "has no test images");
        }
        TriggerConfig given = config.attack().trigger().config();
        // the built trigger's config: a layout-patch's side is chosen for the images here, and
        // results.json and the probes' keys record the side used (other kinds come back unchanged)
        TriggerConfig trigger = ConfigKeys.parse("attack.trigger", () -> given.buildFor(ImageShape.of(dataset.test())))
                .config();

        PretrainSplit split = PretrainSplit.draw(dataset.train().size(), PretrainSplit.DEFAULT_PRETRAIN_FRACTION,
                config.data().splitSeed());
        int subset = config.data().pretrainSubset();
        if (subset > split.pretrain().length) {
            throw new BadInputException("data.pretrain_subset", subset + " is more than the "
                    + split.pretrain().length + " pretrain images of " + spec);
        }
        int[] pretrain = SplitStage.subset(split.pretrain(), subset, config.data().splitSeed());
        if (pretrain.length < 2 || split.downstream().length == 0) {
            throw new BadInputException(spec.toString(), "has too few train images (" + dataset.train().size()
                    + ") to split into pretrain and downstream images");
        }
        Budget budget = ConfigKeys.parse("attack.rate", () -> Budget.fromRate(config.attack().rate(),
                config.attack().assumedClasses(), pretrain.length));
        for (SelectionStrategy s : config.attack().strategies()) {
            checkBudget(s, budget, train.subset(pretrain));
        }
        return new RunInputs(config, spec, dataset, hash(dataset.train(), train), trigger, budget);
    }

    ImageSet train() {
        return dataset.train();
    }

    private static void checkBudget(SelectionStrategy s, Budget budget, Labels pretrainLabels) {
        int m = budget.images();
        if (s.contrastive() && 2L * m > budget.n()) {
            throw new BadInputException("attack.rate", s.cliName() + " needs 2M ≤ N, but M = " + m + " and N = "
                    + budget.n() + "; lower the rate");
        }
        if (s == SelectionStrategy.LABEL_AWARE && Arrays.stream(pretrainLabels.classCounts()).noneMatch(c -> c >= m)) {
            throw new BadInputException("attack.rate", "label-aware needs a class with M = " + m
                    + " pretrain images; the largest has " + Arrays.stream(pretrainLabels.classCounts()).max().orElse(0));
        }
    }

    private static Labels requireLabels(ImageSet set, DatasetSpec spec, String part) {
        return set.labels().orElseThrow(() -> new BadInputException(spec.toString(),
                "has no " + part + " labels; nlb run needs labeled train and test images (labels are used only to"
                        + " evaluate)"));
    }

    private static String hash(ImageSet train, Labels labels) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(train.shapeText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(train.pixels());
            for (int v : labels.values()) {
                md.update((byte) v);
                md.update((byte) (v >>> 8));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "4,000" */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
