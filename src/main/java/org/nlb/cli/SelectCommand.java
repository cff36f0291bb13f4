package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nlb.data.DatasetSpec;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;
import org.nlb.poison.select.Budget;
import org.nlb.poison.select.FeatureMatrix;
import org.nlb.poison.select.LabelSource;
import org.nlb.poison.select.SelectionFile;
import org.nlb.poison.select.Selection;
import org.nlb.poison.select.SelectionMetrics;
import org.nlb.poison.select.SelectionOptions;
import org.nlb.poison.select.SelectionStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nlb select}: picks the poison set from a feature matrix (DESIGN §2, §7). */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = {"Select the poison set from a feature matrix (N x d .npy, one row per pretrain image).",
            "Strategies: random, kmeans, contrastive, contrastive-mean, contrastive-neg (label-free) and label-aware"
                + " (oracle; needs --labels). Writes poison.json; --labels adds the CCR and target class."})
final class SelectCommand implements Callable<Integer> {
    @Option(names = "--features", required = true, paramLabel = "F.npy", description = "Feature matrix, float32 or float64.")
    Path features;

    @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Selection strategy (see above).")
    String strategy;

    @Option(names = "--budget", paramLabel = "M", description = "Number of images to poison.")
    Integer budget;

    @Option(names = "--rate", paramLabel = "R", description = "Poison rate relative to one class: M = floor(R * N / C).")
    Double rate;

    @Option(names = "--classes", paramLabel = "C", description = "Classes the attacker assumes (for --rate; default K of kmeans).")
    Integer classes;

    @Option(names = "--labels", paramLabel = "SPEC|FILE.npy",
            description = "True labels (evaluation only): a dataset spec (its train labels) or an integer .npy.")
    String labels;

    @Option(names = "--subset", paramLabel = "pretrain.npy",
            description = "Index file mapping feature rows to label items (e.g. from 'nlb datasets split').")
    Path subset;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--anchor-sample", paramLabel = "K",
            description = "Contrastive family: score only K seeded candidate anchors (approximate anchor, exact poison set).")
    Integer anchorSample;

    @Option(names = "--clusters", paramLabel = "K", description = "kmeans: number of clusters (default: --classes).")
    Integer clusters;

    @Option(names = "--target", paramLabel = "T", description = "label-aware: the class to poison (default: drawn with the seed).")
    Integer target;

    @Option(names = "--out", required = true, paramLabel = "poison.json", description = "Output file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SelectionStrategy s = SelectionStrategy.parse(strategy);
        checkOptions(s);
        FeatureMatrix f = FeatureMatrix.read(features);
        if (s.usesFeatureGeometry()) {
            f = f.normalised(); // the selectors would anyway; doing it here frees the raw copy early
        }
        int n = f.rows();
        Budget b = budget != null ? Budget.of(budget, n) : Budget.fromRate(rate, classes, n);
        Optional<Labels> truth = Optional.ofNullable(labels)
                .map(l -> LabelSource.load(l, Optional.ofNullable(subset), n));
        SelectionOptions options = SelectionOptions.seeded(seed);
        if (anchorSample != null) {
            options = options.withAnchorSample(anchorSample);
        }
        if (clusters != null || classes != null) {
            options = options.withClusters(clusters != null ? clusters : classes);
        }
        if (target != null) {
            options = options.withTarget(target);
        }
        if (truth.isPresent()) {
            options = options.withLabels(truth.get());
        }
        Selection selection = s.select(f, b, options);
        Optional<SelectionMetrics> metrics = truth.map(t -> SelectionMetrics.of(selection.indices(), t));
        SelectionFile.write(out, selection, metrics,
                new SelectionFile.Provenance(features, Optional.ofNullable(labels), Optional.ofNullable(subset)));
        var console = spec.commandLine().getOut();
        console.println(b.describe());
        console.println(SelectionMetrics.summary(selection, metrics) + " -> " + out);
        return ExitCodes.OK;
    }

    private void checkOptions(SelectionStrategy s) {
        if ((budget == null) == (rate == null)) {
            throw new BadInputException("--budget", "give either --budget M or --rate R with --classes C");
        }
        if (rate != null && classes == null) {
            throw new BadInputException("--rate", "needs --classes C (M = floor(R * N / C))");
        }
        if (anchorSample != null && !s.contrastive()) {
            throw new BadInputException("--anchor-sample", "applies to the contrastive strategies only, not " + s.cliName());
        }
        if (clusters != null && s != SelectionStrategy.KMEANS) {
            throw new BadInputException("--clusters", "applies to kmeans only, not " + s.cliName());
        }
        if (target != null && s != SelectionStrategy.LABEL_AWARE) {
            throw new BadInputException("--target", "applies to label-aware only, not " + s.cliName());
        }
        if (subset != null && labels == null) {
            throw new BadInputException("--subset", "maps --labels onto the feature rows; give --labels too");
        }
        OutputGuard guard = OutputGuard.output(out).file("--features", features).file("--subset", subset);
        if (labels != null) {
            guard.inputs(labelInputs(labels));
        }
        guard.check();
    }

    /** A label file, or the data set a spec names; a spec that does not parse is reported when the labels are read. */
    private static java.util.List<OutputGuard.Input> labelInputs(String labels) {
        if (LabelSource.isFile(labels)) {
            return java.util.List.of(OutputGuard.Input.file("--labels", Path.of(labels)));
        }
        try {
            return DatasetSpec.parse(labels).inputs();
        } catch (BadInputException e) {
            return java.util.List.of();
        }
    }
}
