package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.augment.AugmentConfig;
import org.nlb.ssl.SslMethodKind;
import org.nlb.testing.BadInputAssert;
import org.nlb.testing.CliRunner;
import org.nlb.train.PretrainConfig;

/** {@code pretrain.augment}: the recipe's augmentation with single values replaced. */
class AugmentSettingsTest {
    @TempDir
    Path tmp;

    private RunConfig load(String yaml) throws Exception {
        Path f = Files.writeString(tmp.resolve("run.yaml"), yaml);
        return ConfigLoader.load(new ConfigLoader.Request(Optional.of("default"), Optional.of(f), Optional.empty(),
                Optional.empty())).config();
    }

    @Test
    void setValuesReachEveryEncodersAugmentationAndTheRestStaysTheRecipes() throws Exception {
        RunConfig c = load("""
                pretrain:
                  augment: {crop_min_scale: 0.08, flip: 0.25, brightness: 0.6, solarize: 0.1}
                """);
        AugmentConfig recipe = PretrainConfig.cpu(SslMethodKind.SIMCLR, 1).augment();
        for (int epochs : new int[] {c.pretrain().attackerEpochs(), c.pretrain().victimEpochs()}) {
            AugmentConfig a = c.pretrain().config(1, epochs, 3, 2).augment();
            for (AugmentConfig.View v : new AugmentConfig.View[] {a.view1(), a.view2()}) {
                assertThat(v.crop().minScale()).isEqualTo(0.08);
                assertThat(v.crop().maxScale()).isEqualTo(1.0);
                assertThat(v.crop().minRatio()).isEqualTo(recipe.view1().crop().minRatio());
                assertThat(v.flip()).isEqualTo(0.25);
                assertThat(v.jitter().brightness()).isEqualTo(0.6);
                assertThat(v.jitter().contrast()).isEqualTo(recipe.view1().jitter().contrast());
                assertThat(v.jitter().probability()).isEqualTo(recipe.view1().jitter().probability());
                assertThat(v.grayscale()).isEqualTo(recipe.view1().grayscale());
            }
            assertThat(a.view1().solarize()).as("the first view never solarises").isZero();
            assertThat(a.view2().solarize()).isEqualTo(0.1);
        }
        AugmentSettings resolved = c.pretrain().augment();
        assertThat(resolved).as("config.json shows every value")
                .isEqualTo(new AugmentSettings(0.08, 1.0, 0.25, 0.8, 0.6, 0.4, 0.1));
        assertThat(PretrainStageKeyTest.key(c)).isNotEqualTo(PretrainStageKeyTest.key(load("")));
    }

    @Test
    void theRecipesOwnValuesWrittenOutKeepTheStageKey() throws Exception {
        RunConfig explicit = PretrainStageKeyTest.onQuick(tmp, PretrainStageKeyTest.ISSUE6_DEFAULT + """
                  augment: {crop_min_scale: 0.2, crop_max_scale: 1.0, flip: 0.5, jitter_probability: 0.8,
                            brightness: 0.4, contrast: 0.4, solarize: 0.2}
                """);
        assertThat(PretrainStageKeyTest.key(explicit))
                .isEqualTo(PretrainStageKeyTest.key(PretrainStageKeyTest.onQuick(tmp, PretrainStageKeyTest.ISSUE6_DEFAULT)))
                .isEqualTo(PretrainStageKeyTest.DEFAULT_KEY);
    }

    @Test
    void theReferenceRecipeAndACropAreOneConfigAway() throws Exception {
        RunConfig c = load("pretrain:\n  recipe: reference\n  augment: {crop_min_scale: 0.5}\n");
        assertThat(c.pretrain().config(1, 1, 0, 1).augment().view2().crop().minScale()).isEqualTo(0.5);
        assertThat(c.pretrain().augment().jitterProbability()).isEqualTo(0.8);
    }

    @Test
    void badValuesAreRefusedNamingTheKey() throws Exception {
        refused("{crop_min_scale: 0.6, crop_max_scale: 0.5}", "pretrain.augment",
                "crop_min_scale (0.6) must not exceed crop_max_scale (0.5)");
        refused("{crop_min_scale: 0}", "pretrain.augment.crop_min_scale", "must be in (0, 1], got 0");
        refused("{crop_max_scale: 1.5}", "pretrain.augment.crop_max_scale", "must be in (0, 1], got 1.5");
        // the default preset sets crop_min_scale 0.08; the file that set the maximum is named
        refused("{crop_max_scale: 0.05}", "pretrain.augment", "crop_min_scale (0.08) must not exceed crop_max_scale (0.05)");
        refused("{flip: 2}", "pretrain.augment.flip", "must be in [0, 1], got 2");
        refused("{solarize: -0.1}", "pretrain.augment.solarize", "must be in [0, 1]");
        refused("{brightness: -1}", "pretrain.augment.brightness", "must be a number ≥ 0");
        refused("{saturation: 0.2}", "", "unknown key 'pretrain.augment.saturation'");
    }

    private void refused(String block, String key, String problem) throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), "pretrain:\n  augment: " + block + "\n");
        CliRunner.Result r = CliRunner.run("run", "--config", f.toString(), "--out", tmp.resolve("out").toString());
        BadInputAssert.assertCliRefused(r, f.toString(), key.isEmpty() ? problem : key + ": " + problem);
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
