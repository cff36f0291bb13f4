package org.nlb.experiment;

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
 */
public record ProbeSettings(Linear linear, Knn knn, int batchSize) {
    public ProbeSettings {
        ConfigKeys.notNull("probe.linear", linear);
        ConfigKeys.notNull("probe.knn", knn);
        ConfigKeys.atLeast("probe.batch_size", batchSize, 1);
    }

    /** {@code nlb probe}'s defaults. */
    static ProbeSettings defaults() {
        LinearProbe l = LinearProbe.DEFAULT;
        return new ProbeSettings(new Linear(l.epochs(), l.batchSize(), l.learningRate(), l.weightDecay(),
                l.scaling().cliName()), new Knn(KnnProbe.DEFAULT.k(), KnnProbe.DEFAULT.temperature()), 256);
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
