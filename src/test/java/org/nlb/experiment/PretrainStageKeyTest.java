package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.ImageSet;

/**
 * The pretrain stage's key of the presets, hard-coded: a setting added later that a config leaves
 * out ({@code pretrain.augment}, {@code probe.at_epochs}) must keep every existing stage directory
 * (and so every cached encoder) of earlier runs. The key is that of the clean encoder when it is
 * the attacker's (the presets' case), which takes the snapshots. The keys changed once on purpose,
 * when the thread count joined them (with lanes): training with another count gives other bits.
 */
class PretrainStageKeyTest {
    /** The key of an early default preset (restated in {@link #ISSUE6_DEFAULT}) with 2 threads. */
    static final String DEFAULT_KEY = "1131c8a8ff3a";
    /** The pretrain settings of an early default preset (SimCLR, 16 epochs; EXPERIMENTS.md section 0, r0). */
    static final String ISSUE6_DEFAULT = "pretrain:\n  recipe: cpu\n  widths: [32, 64, 128]\n  victim_epochs: 16\n"
            + "  attacker_epochs: 16\n";

    static String key(String preset) {
        return key(ConfigLoader.load(new ConfigLoader.Request(Optional.of(preset), Optional.empty(), Optional.empty(),
                Optional.empty())).config());
    }

    /** The key of seed 0's clean pretrain stage of {@code c}, with fixed data and upstream. */
    static String key(RunConfig c) {
        PretrainSettings p = c.pretrain();
        ObjectNode data = RunJson.JSON.createObjectNode();
        data.put("spec", "fashion-mnist");
        data.put("images", 20000);
        ImageSet images = ImageSet.of(new byte[4], 1, 1, 2, 2);
        PretrainStage stage = new PretrainStage("pretrain-clean-s0", p.config(1, p.victimEpochs(), 0, 2), images, data,
                c.probe().atEpochs(), Map.of(SplitStage.NAME, new StageKey("0123456789ab")),
                new PrintWriter(new StringWriter()), null);
        return StageKey.of(stage.settings(), stage.upstream()).value();
    }

    @TempDir
    Path tmp;

    @Test
    void snapshotEpochsChangeTheKeyOnlyWhenThereAreAny() throws Exception {
        assertThat(key(load(ISSUE6_DEFAULT + "probe:\n  at_epochs: []\n"))).isEqualTo(DEFAULT_KEY);
        assertThat(key(load(ISSUE6_DEFAULT + "probe:\n  at_epochs: [5, 10]\n"))).isNotEqualTo(DEFAULT_KEY)
                .isNotEqualTo(key(load(ISSUE6_DEFAULT + "probe:\n  at_epochs: [5]\n")));
    }

    private RunConfig load(String yaml) throws Exception {
        return onQuick(tmp, yaml);
    }

    /**
     * {@code yaml} over the quick preset, which holds still: SimCLR on the cpu recipe with the
     * recipe's augmentation, like that early default preset (the default preset has moved on).
     */
    static RunConfig onQuick(Path dir, String yaml) throws Exception {
        Path f = Files.writeString(dir.resolve("run.yaml"), yaml);
        return ConfigLoader.load(new ConfigLoader.Request(Optional.of("quick"), Optional.of(f), Optional.empty(),
                Optional.empty())).config();
    }

    @Test
    void thePresetsKeepTheirPretrainStageKeys() throws Exception {
        assertThat(key(load(ISSUE6_DEFAULT))).isEqualTo(DEFAULT_KEY);
        assertThat(key("quick")).isEqualTo("aa9925817c1d");
    }
}
