package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nlb.artefact.PoisonFile;
import org.nlb.data.Labels;
import org.nlb.io.JsonArtefacts;
import org.nlb.poison.select.Budget;
import org.nlb.poison.select.FeatureMatrix;
import org.nlb.poison.select.Selection;
import org.nlb.poison.select.SelectionFile;
import org.nlb.poison.select.SelectionMetrics;
import org.nlb.poison.select.SelectionOptions;
import org.nlb.poison.select.SelectionStrategy;

/**
 * DESIGN §1 step 4, §2: one selector's poison set of M pretrain images, written as
 * {@code poison.json} with its CCR, target and class histogram. Labels reach the selector only for
 * the label-aware oracle; for the others they only measure the set. Selectors that ignore the
 * features (random, label-aware) do not depend on the attacker's encoder, so their key — and
 * their victim's — survives a change of encoder or feature space.
 */
final class SelectStage implements Stage<SelectStage.Output> {
    static final String FILE = PoisonFile.FILE;

    /**
     * The poison set and its measurements.
     *
     * @param file its poison.json
     * @param content what the file holds
     */
    record Output(Path file, PoisonFile content) {
        /** Positions in the pretrain images. */
        int[] indices() {
            return content.indexArray();
        }

        int target() {
            return content.target();
        }

        double ccr() {
            return content.ccr();
        }

        /** The selection's own time, features in memory. */
        double seconds() {
            return content.seconds();
        }
    }

    private final String name;
    private final SelectionStrategy strategy;
    private final Supplier<FeatureMatrix> features;
    private final Labels labels;
    private final Budget budget;
    private final SelectionOptions options;
    private final Map<String, StageKey> upstream;

    /**
     * @param features the attacker's features, loaded only if the selection runs
     * @param labels the true labels of the pretrain images (evaluation, and the oracle's choice)
     * @param options seed, clusters and threads; labels are added here for the oracle only
     */
    SelectStage(String name, SelectionStrategy strategy, Supplier<FeatureMatrix> features, Labels labels, Budget budget,
                SelectionOptions options, Map<String, StageKey> upstream) {
        this.name = name;
        this.strategy = strategy;
        this.features = features;
        this.labels = labels;
        this.budget = budget;
        this.options = options;
        this.upstream = upstream;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return strategy.cliName() + " selection, " + budget.describe();
    }

    @Override
    public ObjectNode settings() {
        ObjectNode s = RunJson.JSON.createObjectNode();
        s.put("stage", "select");
        s.put("strategy", strategy.cliName());
        s.put("n", budget.n());
        s.put("budget", budget.images());
        s.put("seed", options.seed());
        if (strategy == SelectionStrategy.KMEANS) {
            s.put("clusters", options.clusters().orElseThrow());
        }
        return s;
    }

    @Override
    public Map<String, StageKey> upstream() {
        return upstream;
    }

    @Override
    public double run(Path dir) {
        FeatureMatrix f = features.get();
        SelectionOptions o = strategy.needsLabels() ? options.withLabels(labels) : options;
        Selection selection = strategy.select(f, budget, o);
        SelectionMetrics metrics = SelectionMetrics.of(selection.indices(), labels);
        SelectionFile.write(dir.resolve(FILE), selection, Optional.of(metrics), new SelectionFile.Provenance(
                Path.of(FeaturesStage.FILE), Optional.of("the true labels of the pretrain images"),
                Optional.of(Path.of(SplitStage.PRETRAIN_FILE))));
        return Double.NaN;
    }

    @Override
    public Output read(Path dir) {
        Path file = dir.resolve(FILE);
        return new Output(file, JsonArtefacts.read(file, PoisonFile.class));
    }
}
