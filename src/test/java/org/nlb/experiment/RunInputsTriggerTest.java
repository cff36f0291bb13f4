package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/** The run's trigger as built for its images: what results.json and the probes' stage keys record. */
class RunInputsTriggerTest {
    @TempDir
    Path tmp;

    private Path data;

    @BeforeEach
    void writeData() throws Exception {
        data = IdxFiles.writeSet(Files.createDirectories(tmp.resolve("data")), TestImages.patterns(200, 12, 1),
                TestImages.patterns(20, 12, 2), false);
    }

    private RunConfig config(String trigger) throws Exception {
        Path f = Files.writeString(tmp.resolve("run.yaml"), """
                data: {spec: "idx:%s", pretrain_subset: 0}
                attack: {assumed_classes: 4, kmeans_clusters: 4, trigger: %s}
                """.formatted(data, trigger));
        return ConfigLoader.load(new ConfigLoader.Request(Optional.of("quick"), Optional.of(f), Optional.empty(),
                Optional.empty())).config();
    }

    @Test
    void aLayoutPatchGetsTheSideChosenForTheImages() throws Exception {
        TriggerConfig trigger = RunInputs.load(config("{kind: layout-patch}")).trigger();
        // 12 wide: max(3, round(2.4)) = 3
        assertThat(trigger.size()).isEqualTo(3);
        assertThat(trigger.parameters()).containsEntry("size", 3).containsEntry("scale", 0.6);
    }

    @Test
    void otherTriggersAreRecordedAsGivenSoTheirKeysDoNotChange() throws Exception {
        RunConfig config = config("{kind: checkerboard-corner, size: 4}");
        assertThat(RunInputs.load(config).trigger()).isEqualTo(config.attack().trigger().config());
    }

    @Test
    void aLayoutPatchThatDoesNotFitTheImagesNamesTheTriggerKey() throws Exception {
        RunConfig config = config("{kind: layout-patch, scale: 0.6, size: 6}");
        assertBadInput(() -> RunInputs.load(config), "attack.trigger", "a 6x6 patch does not fit the 5 column(s)");
    }
}
