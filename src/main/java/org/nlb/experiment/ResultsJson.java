package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.nlb.NlbVersion;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;

/**
 * Assembles results.json exactly as the run contract lays it out: the resolved config, the data
 * set, seeds, trigger, budget, the clean encoder's accuracy, the per-selector figures over the
 * seeds ({@link ResultsAggregator}), one entry per seed with the paths of its stages, and timings.
 */
final class ResultsJson {
    private ResultsJson() {}

    /** The split's index files, relative to the run directory (the report colours the features with them). */
    record SplitFiles(String pretrain, String downstream) {}

    /**
     * @param pretrainImages N, the images the encoders were pretrained on
     * @param downstreamImages the labeled images the probes train on
     * @param split the split's index files
     * @param stageSeconds seconds of each stage instance by name, in run order
     * @param wallSeconds wall time of this invocation
     */
    static ObjectNode of(RunInputs inputs, String preset, List<SeedRun> runs, int pretrainImages, int downstreamImages,
                         SplitFiles split, Map<String, Double> stageSeconds, double wallSeconds) {
        RunConfig config = inputs.config();
        ObjectNode root = RunJson.JSON.createObjectNode();
        root.put("nlb_version", NlbVersion.get());
        root.put("preset", preset);
        root.set("config", RunJson.tree(config));

        ImageSet train = inputs.train();
        Labels labels = train.labels().orElseThrow();
        ObjectNode data = root.putObject("dataset");
        data.put("spec", inputs.spec().toString());
        data.put("channels", train.channels());
        data.put("height", train.height());
        data.put("width", train.width());
        data.put("pretrain", pretrainImages);
        data.put("downstream", downstreamImages);
        data.put("test", inputs.dataset().test().size());
        data.put("classes", labels.classCount());
        data.set("class_names", RunJson.JSON.valueToTree(labels.classNames()));

        root.set("seeds", RunJson.JSON.valueToTree(config.seedList()));
        ObjectNode trigger = root.putObject("trigger");
        trigger.put("kind", inputs.trigger().name());
        trigger.setAll((ObjectNode) RunJson.JSON.valueToTree(inputs.trigger().parameters()));
        root.put("budget", inputs.budget().images());
        root.put("rate", config.attack().rate());
        root.put("assumed_classes", config.attack().assumedClasses());
        root.put("poison_share", (double) inputs.budget().images() / pretrainImages);
        root.put("feature_space", config.attack().featureSpace());
        ObjectNode splitJson = root.putObject("split");
        splitJson.put("pretrain", split.pretrain());
        splitJson.put("downstream", split.downstream());
        root.set("clean", ResultsAggregator.clean(runs));
        root.set("selectors", ResultsAggregator.selectors(runs, config.attack().selectors()));
        boolean byEpoch = !config.probe().atEpochs().isEmpty();
        if (byEpoch) {
            EpochResults.addTo((ObjectNode) root.get("selectors"), runs, config.pretrain().victimEpochs());
        }

        ArrayNode perSeed = root.putArray("runs");
        for (SeedRun run : runs) {
            perSeed.add(seedJson(run, byEpoch ? config.pretrain().victimEpochs() : 0));
        }
        ObjectNode timings = root.putObject("timings");
        timings.put("total_seconds", round(stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum()));
        timings.put("wall_seconds", round(wallSeconds));
        ObjectNode stages = timings.putObject("stages");
        stageSeconds.forEach((name, s) -> stages.put(name, round(s)));
        return root;
    }

    /** One entry of {@code runs}; with {@code finalEpoch} > 0, each selector's {@code by_epoch} too. */
    private static ObjectNode seedJson(SeedRun run, int finalEpoch) {
        ObjectNode o = RunJson.JSON.createObjectNode();
        o.put("seed", run.seed());
        ObjectNode attacker = o.putObject("attacker");
        attacker.put("encoder", run.attackerEncoder());
        attacker.put("features", run.features());
        attacker.put("pretrain_seconds", round(run.attackerSeconds()));
        o.putObject("clean").put("encoder", run.cleanEncoder());
        ObjectNode selectors = o.putObject("selectors");
        for (SeedRun.Selector s : run.selectors()) {
            ObjectNode j = selectors.putObject(s.name());
            j.put("poison", s.poison());
            j.put("victim", s.victim());
            j.put("metrics", s.metrics());
            j.put("clean_metrics", s.cleanMetrics());
            j.put("target", s.target());
            j.put("ccr", s.ccr());
            j.set("linear", ResultsAggregator.figuresJson(s.linear(), s.cleanLinear()));
            j.set("knn", ResultsAggregator.figuresJson(s.knn(), s.cleanKnn()));
            j.set(ResultsAggregator.GEOMETRY, ResultsAggregator.geometryJson(s.geometry()));
            j.set(ResultsAggregator.GEOMETRY_CLEAN, ResultsAggregator.geometryJson(s.cleanGeometry()));
            if (finalEpoch > 0) {
                j.set("by_epoch", EpochResults.perSeed(s, finalEpoch));
            }
        }
        return o;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
