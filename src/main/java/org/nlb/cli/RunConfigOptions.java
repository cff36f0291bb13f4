package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.nlb.experiment.ConfigLoader;
import picocli.CommandLine.Option;

/**
 * The options that choose an experiment's configuration (README, "nlb run"), shared by
 * {@code run} and {@code sweep} so both resolve a configuration the same way: preset, then the
 * config file, then {@code --data} and {@code --seeds}.
 */
final class RunConfigOptions {
    @Option(names = "--preset", paramLabel = "NAME",
            description = "quick (a 2-minute smoke run), default (Fashion-MNIST, MoCo v2+, 3 seeds, 38 min on 2 cores) or paper"
                    + " (CIFAR-10, needs --data cifar10:DIR); default: default.")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON settings overriding the preset's.")
    Path config;

    @Option(names = "--data", paramLabel = "SPEC", description = "Dataset spec, overriding the preset and config file.")
    String data;

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 0..N-1 (figures as mean ± std), overriding"
            + " the preset and config file.")
    Integer seeds;

    /** What {@link ConfigLoader} resolves. */
    ConfigLoader.Request request() {
        return new ConfigLoader.Request(Optional.ofNullable(preset), Optional.ofNullable(config),
                Optional.ofNullable(data), Optional.ofNullable(seeds));
    }

    /** The preset named on the command line, or the default one. */
    String presetName() {
        return preset != null ? preset : ConfigLoader.DEFAULT_PRESET;
    }
}
