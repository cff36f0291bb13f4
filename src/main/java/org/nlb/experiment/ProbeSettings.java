package org.nlb.experiment;

import java.util.List;
import org.nlb.eval.FeatureScaling;
import org.nlb.eval.KnnProbe;
import org.nlb.eval.LinearProbe;

/**
 * How every encoder of a run is measured (DESIGN §1 step 7, §4): the linear probe and the kNN
 * monitor of {@code nlb probe}. The linear probe's seed is the run seed.
 *
 * @param linear the linear probe
 * @param knn the kNN monitor
 * @param batchSize images per forward pass when embedding (speed only)
 * @param atEpochs epochs before the last at which the victims and the clean encoder are also
 *     probed, from snapshots taken in the same run (ASR against epoch): ascending, without repeats; empty
 *     for none. {@link RunConfig} checks that each is below {@code pretrain.victim_epochs}.
 */
public record ProbeSettings(Linear linear, Knn knn, int batchSize, List<Integer> atEpochs) {
    public ProbeSettings {
        ConfigKeys.notNull("probe.linear", linear);
        ConfigKeys.notNull("probe.knn", knn);
        ConfigKeys.atLeast("probe.batch_size", batchSize, 1);
        ConfigKeys.require(atEpochs == null || atEpochs.stream().noneMatch(java.util.Objects::isNull),
                "probe.at_epochs", "must be a list of epochs");
        atEpochs = atEpochs == null ? List.of() : List.copyOf(atEpochs);
        for (int e : atEpochs) {
            ConfigKeys.require(e >= 1, "probe.at_epochs", "epochs count from 1, got " + e);
        }
        ConfigKeys.require(atEpochs.stream().distinct().sorted().toList().equals(atEpochs), "probe.at_epochs",
                "must be ascending without repeats, got " + atEpochs);
    }

    /** {@code nlb probe}'s defaults. */
    static ProbeSettings defaults() {
        LinearProbe l = LinearProbe.DEFAULT;
        return new ProbeSettings(new Linear(l.epochs(), l.batchSize(), l.learningRate(), l.weightDecay(),
                l.scaling().cliName()), new Knn(KnnProbe.DEFAULT.k(), KnnProbe.DEFAULT.temperature()), 256, List.of());
    }

    /**
     * The linear probe's settings ({@link LinearProbe}).
     *
     * @param scaling none, center or standardize
     */
    public record Linear(int epochs, int batchSize, double lr, double weightDecay, String scaling) {
        public Linear {
            ConfigKeys.atLeast("probe.linear.epochs", epochs, 1);
            ConfigKeys.atLeast("probe.linear.batch_size", batchSize, 1);
            ConfigKeys.positive("probe.linear.lr", lr);
            ConfigKeys.nonNegative("probe.linear.weight_decay", weightDecay);
            ConfigKeys.parse("probe.linear.scaling", () -> FeatureScaling.parse(ConfigKeys.notNull("probe.linear.scaling",
                    scaling)));
        }

        LinearProbe probe(long seed) {
            return new LinearProbe(epochs, batchSize, lr, weightDecay, FeatureScaling.parse(scaling), seed);
        }
    }

    /** The kNN monitor's settings ({@link KnnProbe}). */
    public record Knn(int k, double temperature) {
        public Knn {
            ConfigKeys.atLeast("probe.knn.k", k, 1);
            ConfigKeys.positive("probe.knn.temperature", temperature);
        }

        KnnProbe probe() {
            return new KnnProbe(k, temperature, KnnProbe.DEFAULT.blockRows());
        }
    }
}
