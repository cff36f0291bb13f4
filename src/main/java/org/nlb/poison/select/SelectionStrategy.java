package org.nlb.poison.select;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;

/**
 * The registry of poison selectors (DESIGN §2) under their command-line names. The reference
 * (PKU-ML/nlb {@code main_poison.py}) calls them {@code rand}, {@code kmean}, {@code con},
 * {@code conp}, {@code conn} and {@code target}.
 */
public enum SelectionStrategy {
    RANDOM("random", false),
    KMEANS("kmeans", false),
    CONTRASTIVE("contrastive", false),
    CONTRASTIVE_MEAN("contrastive-mean", false),
    CONTRASTIVE_NEG("contrastive-neg", false),
    LABEL_AWARE("label-aware", true);

    private final String cliName;
    private final boolean needsLabels;

    SelectionStrategy(String cliName, boolean needsLabels) {
        this.cliName = cliName;
        this.needsLabels = needsLabels;
    }

    /** The name on the command line and in {@code poison.json}. */
    public String cliName() {
        return cliName;
    }

    /** Whether the strategy reads true labels (the label-aware oracle does; the rest are label-free). */
    public boolean needsLabels() {
        return needsLabels;
    }

    /** Whether it is one of the contrastive family, which needs 2M ≤ N and reports an anchor. */
    public boolean contrastive() {
        return this == CONTRASTIVE || this == CONTRASTIVE_MEAN || this == CONTRASTIVE_NEG;
    }

    /** Whether it compares feature directions (and so works on L2-normalised rows): contrastive and kmeans. */
    public boolean usesFeatureGeometry() {
        return contrastive() || this == KMEANS;
    }

    /** The strategy named {@code name}; an unknown name lists the valid ones. */
    public static SelectionStrategy parse(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("--strategy", "unknown strategy '" + name
                        + "'; valid strategies: " + validNames()));
    }

    /** "random, kmeans, …" for help texts and error messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(SelectionStrategy::cliName).collect(Collectors.joining(", "));
    }

    /** The selector of this strategy configured by {@code options}. */
    public PoisonSelector selector(SelectionOptions options) {
        return switch (this) {
            case RANDOM -> new RandomSelector(options.seed());
            case KMEANS -> new KMeansSelector(options.clusters().orElseThrow(() -> new BadInputException(
                    "--clusters", "kmeans needs the number of clusters: give --clusters K or --classes C")),
                    options.seed());
            case CONTRASTIVE -> new ContrastiveSelector(ContrastiveScore.CONTRASTIVE, options);
            case CONTRASTIVE_MEAN -> new ContrastiveSelector(ContrastiveScore.MEAN, options);
            case CONTRASTIVE_NEG -> new ContrastiveSelector(ContrastiveScore.NEGATIVE, options);
            case LABEL_AWARE -> new LabelAwareSelector(options.labels().orElseThrow(() -> new BadInputException(
                    "--labels", "label-aware selection needs the true labels: give --labels")),
                    options.target(), options.seed());
        };
    }

    /** Selects {@code budget} rows of {@code features} and records how long it took. */
    public Selection select(FeatureMatrix features, Budget budget, SelectionOptions options) {
        if (contrastive() && 2L * budget.images() > features.rows()) {
            throw new BadInputException(budget.rate().isPresent() ? "--rate" : "--budget", cliName
                    + " compares each row's top M with its next M similarities, so it needs 2M ≤ N; M = "
                    + budget.images() + ", N = " + features.rows());
        }
        PoisonSelector selector = selector(options);
        long start = System.nanoTime();
        PoisonSelector.Choice choice = selector.select(features, budget);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Selection(this, features.rows(), budget, choice.indices(), choice.anchor(),
                choice.anchorScore(), choice.clusters(), options, seconds);
    }
}
