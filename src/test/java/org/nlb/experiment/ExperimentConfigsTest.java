package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The experiment files EXPERIMENTS.md cites must stay runnable as the code changes: each is a
 * command a reader copies, and a key renamed in RunConfig would otherwise break them silently.
 */
class ExperimentConfigsTest {
    private static final Path EXPERIMENTS = Path.of("experiments");

    private static ConfigLoader.Loaded load(Path file) {
        return ConfigLoaderTest.load(null, file, null, null);
    }

    private static List<Path> configs() throws IOException {
        try (Stream<Path> files = Files.walk(EXPERIMENTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyExperimentConfigLoadsOnTheDefaultPreset() throws IOException {
        List<Path> files = configs();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            RunConfig config = load(file).config();
            assertThat(config.data().spec()).as(file.toString()).isEqualTo("fashion-mnist");
            assertThat(config.attack().selectors()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void theDefaultPresetsExperimentFileIsThePreset() {
        // EXPERIMENTS.md section 9 reports the preset's figures from this file's runs.
        RunConfig preset = load(null).config();
        RunConfig file = load(EXPERIMENTS.resolve("issue7/d5-default-mocov2-rate05-epochs15.yaml")).config();
        assertThat(RunJson.tree(file)).isEqualTo(RunJson.tree(preset));
    }
}
