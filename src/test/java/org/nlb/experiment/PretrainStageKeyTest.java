package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nlb.data.ImageSet;

/**
 * The pretrain stage's key of the presets, hard-coded from main before {@code pretrain.augment}
 * and {@code probe.at_epochs} existed: a config that uses neither must keep every existing stage
 * directory (and so every cached encoder) of earlier runs.
 */
class PretrainStageKeyTest {
    static String key(String preset) {
        RunConfig c = ConfigLoader.load(new ConfigLoader.Request(Optional.of(preset), Optional.empty(), Optional.empty(),
                Optional.empty())).config();
        PretrainSettings p = c.pretrain();
        ObjectNode data = RunJson.JSON.createObjectNode();
        data.put("spec", "fashion-mnist");
        data.put("images", 20000);
        ImageSet images = ImageSet.of(new byte[4], 1, 1, 2, 2);
        PretrainStage stage = new PretrainStage("pretrain-clean-s0", p.config(1, p.victimEpochs(), 0, 2), images, data,
                Map.of(SplitStage.NAME, new StageKey("0123456789ab")), new PrintWriter(new StringWriter()), null);
        return StageKey.of(stage.settings(), stage.upstream()).value();
    }

    @Test
    void thePresetsKeepTheirPretrainStageKeys() {
        assertThat(key("default")).isEqualTo("6732d619f7ea");
        assertThat(key("quick")).isEqualTo("1ab40f17586e");
    }
}
