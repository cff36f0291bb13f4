package org.nlb.experiment;

import java.util.List;
import java.util.Map;
import org.nlb.NlbVersion;
import org.nlb.artefact.DatasetInfo;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.TriggerBlock;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;

/**
 * Builds results.json ({@link RunResults}) as the run contract lays it out: the resolved config,
 * the data set, seeds, trigger, budget, the clean encoder's accuracy, the per-selector figures over
 * the seeds ({@link ResultsAggregator}), one entry per seed with the paths of its stages, and timings.
 */
final class ResultsJson {
    private ResultsJson() {}

    /**
     * @param pretrainImages N, the images the encoders were pretrained on
     * @param downstreamImages the labeled images the probes train on
     * @param split the split's index files, relative to the run directory
     * @param stageSeconds seconds of each stage instance by name, in run order
     * @param wallSeconds wall time of this invocation
     */
    static RunResults of(RunInputs inputs, String preset, List<SeedRun> runs, int pretrainImages, int downstreamImages,
                         RunResults.SplitFiles split, Map<String, Double> stageSeconds, double wallSeconds) {
        RunConfig config = inputs.config();
        ImageSet train = inputs.train();
        Labels labels = train.labels().orElseThrow();
        DatasetInfo dataset = new DatasetInfo(inputs.spec().toString(), train.channels(), train.height(), train.width(),
                pretrainImages, downstreamImages, inputs.dataset().test().size(), labels.classCount(),
                labels.classNames());
        Map<String, Double> stages = new java.util.LinkedHashMap<>();
        stageSeconds.forEach((name, s) -> stages.put(name, round(s)));
        return new RunResults(NlbVersion.get(), preset, RunJson.tree(config), dataset, config.seedList(),
                new TriggerBlock(inputs.trigger().name(), inputs.trigger().parameters()), inputs.budget().images(),
                config.attack().rate(), config.attack().assumedClasses(),
                (double) inputs.budget().images() / pretrainImages, config.attack().featureSpace(), split,
                ResultsAggregator.clean(runs), ResultsAggregator.selectors(runs, config.attack().selectors()),
                runs.stream().map(SeedRun::entry).toList(),
                new RunResults.Timings(round(stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum()),
                        round(wallSeconds), stages));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
