package org.nlb.experiment;

import java.util.List;
import java.util.stream.LongStream;

/**
 * Everything that decides an {@code nlb run} (DESIGN §1), validated on construction. The code
 * defaults ({@link #defaults()}) come from the library's own canonical records
 * ({@code PretrainConfig.cpu}, {@code LinearProbe.DEFAULT}, …); presets and config files override
 * them ({@link ConfigLoader}); {@link #resolved()} fills in every value left to a recipe, and that
 * is what {@code config.json} holds.
 *
 * @param data the data set and its split
 * @param pretrain how every encoder is pretrained
 * @param attack trigger, budget, selectors and feature space
 * @param probe linear probe and kNN monitor
 * @param seeds run seeds 0 … seeds−1; seed s seeds the encoders, the selectors and the probes
 *     (the split stays fixed)
 * @param threads threads for training and selection, 0 for every core; part of the pretraining
 *     stages' keys, as PyTorch sums in another order with another count (same count, same bits)
 * @param lanes encoders trained at once by {@code nlb run}, each in its own process with
 *     {@code threads / lanes} threads ({@link LaneScheduler}); the results are those of one lane
 *     with that many threads
 */
public record RunConfig(DataSettings data, PretrainSettings pretrain, AttackSettings attack, ProbeSettings probe,
                        int seeds, int threads, int lanes) {
    public RunConfig {
        ConfigKeys.notNull("data", data);
        ConfigKeys.notNull("pretrain", pretrain);
        ConfigKeys.notNull("attack", attack);
        ConfigKeys.notNull("probe", probe);
        ConfigKeys.atLeast("seeds", seeds, 1);
        ConfigKeys.atLeast("threads", threads, 0);
        ConfigKeys.atLeast("lanes", lanes, 1);
        for (int e : probe.atEpochs()) {
            ConfigKeys.require(e < pretrain.victimEpochs(), "probe.at_epochs", "epoch " + e
                    + " is not before the last one (pretrain.victim_epochs = " + pretrain.victimEpochs()
                    + "); the final encoder is always probed");
        }
    }

    static RunConfig defaults() {
        return new RunConfig(new DataSettings("fashion-mnist", 0, 0), PretrainSettings.defaults(),
                AttackSettings.defaults(), ProbeSettings.defaults(), 1, 0, 1);
    }

    /** Every value left to a recipe or a default filled in, the thread count included. */
    RunConfig resolved() {
        return new RunConfig(data, pretrain.resolved(), attack.resolved(), probe, seeds, threadCount(), lanes);
    }

    /** The run seeds, 0 … seeds−1. */
    public List<Long> seedList() {
        return LongStream.range(0, seeds).boxed().toList();
    }

    /** The thread count actually used. */
    public int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The threads of each lane: the run's threads shared out, at least one. */
    int laneThreads() {
        return Math.max(1, threadCount() / lanes);
    }

    /** The same configuration run with {@code count} threads (a lane's share; part of the stage keys). */
    RunConfig withThreads(int count) {
        return new RunConfig(data, pretrain, attack, probe, seeds, count, lanes);
    }
}
