package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    static ConfigLoader.Loaded load(String preset, Path file, String data, Integer seeds) {
        return ConfigLoader.load(new ConfigLoader.Request(Optional.ofNullable(preset), Optional.ofNullable(file),
                Optional.ofNullable(data), Optional.ofNullable(seeds)));
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void everyPresetResolvesWithEveryValueFilledIn() {
        for (String preset : List.of("quick", "default")) {
            RunConfig c = load(preset, null, null, null).config();
            assertThat(c.data().spec()).isEqualTo("fashion-mnist");
            assertThat(c.pretrain().widths()).isNotNull();
            assertThat(c.pretrain().stemStride()).isNotNull();
            assertThat(c.pretrain().lr()).isNotNull();
            assertThat(c.pretrain().warmupEpochs()).isNotNull();
            assertThat(c.attack().kmeansClusters()).isEqualTo(10);
            assertThat(c.attack().trigger().alpha()).isEqualTo(1.0);
            assertThat(c.attack().trigger().size()).isPositive();
            assertThat(c.threads()).isPositive();
            assertThat(c.attack().selectors()).contains("contrastive", "random");
        }
        assertThat(load("quick", null, null, null).config().attack().selectors()).contains("kmeans", "label-aware");
        RunConfig standard = load("default", null, null, null).config();
        assertThat(standard.pretrain().method()).isEqualTo("mocov2");
        assertThat(standard.lanes()).isEqualTo(2);
        assertThat(standard.attack().trigger().config().kind().id()).isEqualTo("checkerboard-4corner");
        assertThat(standard.attack().trigger().size()).isEqualTo(7);
        assertThat(standard.attack().featureSpace()).isEqualTo("centred");
        assertThat(standard.attack().rate()).isEqualTo(0.5);
        assertThat(standard.pretrain().victimEpochs()).isEqualTo(15);
        assertThat(standard.pretrain().attackerEpochs()).isEqualTo(15);
        assertThat(standard.seeds()).isEqualTo(3);
        RunConfig quick = load("quick", null, null, null).config();
        assertThat(quick.pretrain().attackerEpochs()).isEqualTo(1);
        assertThat(quick.data().pretrainSubset()).isPositive();
    }

    @Test
    void theDefaultPresetIsUsedWhenNoneIsNamed() {
        assertThat(load(null, null, null, null).config()).isEqualTo(load("default", null, null, null).config());
        assertThat(load(null, null, null, null).preset()).isEqualTo("default");
    }

    @Test
    void thePaperPresetNeedsDataAndResolvesWithIt() {
        assertBadInput(() -> load("paper", null, null, null), "--data", "cifar10:DIR");
        RunConfig paper = load("paper", null, "cifar10:/data/cifar", null).config();
        assertThat(paper.data().spec()).isEqualTo("cifar10:/data/cifar");
        assertThat(paper.pretrain().backbone()).isEqualTo("resnet18");
        assertThat(paper.pretrain().victimEpochs()).isEqualTo(500);
        assertThat(paper.pretrain().batchSize()).isEqualTo(256);
        assertThat(paper.pretrain().recipe()).isEqualTo("reference");
        assertThat(paper.pretrain().config(3, 500, 0, 2).augmentPreset().name()).isEqualTo("reference");
    }

    @Test
    void aConfigFileOverridesThePresetKeyByKeyAndTheCommandLineOverridesBoth() throws Exception {
        Path f = file("run.yaml", """
                pretrain:
                  victim_epochs: 3
                attack:
                  selectors: [random]
                  trigger: {kind: blend-noise, alpha: 0.2}
                seeds: 5
                """);
        RunConfig c = load("quick", f, "idx:/somewhere", 2).config();
        assertThat(c.pretrain().victimEpochs()).isEqualTo(3);
        assertThat(c.pretrain().attackerEpochs()).as("kept from the preset").isEqualTo(1);
        assertThat(c.pretrain().widths()).containsExactly(16, 32, 64);
        assertThat(c.attack().selectors()).containsExactly("random");
        assertThat(c.attack().trigger().kind()).isEqualTo("blend-noise");
        assertThat(c.attack().trigger().alpha()).isEqualTo(0.2);
        assertThat(c.attack().trigger().size()).as("blend-noise takes no size").isNull();
        assertThat(c.attack().trigger().seed()).isEqualTo(0L);
        assertThat(c.data().spec()).isEqualTo("idx:/somewhere");
        assertThat(c.seeds()).isEqualTo(2);
    }

    @Test
    void aTriggerOfAnotherKindReplacesThePresetsTriggerWhileTheSameKindMergesKeyByKey() throws Exception {
        // the default preset sets size: 7 for its corner checkerboards; a blend takes no size
        Path blend = file("blend.yaml", "attack:\n  trigger: {kind: blend-noise, alpha: 0.15}\n");
        TriggerSettings t = load("default", blend, null, null).config().attack().trigger();
        assertThat(t.kind()).isEqualTo("blend-noise");
        assertThat(t.alpha()).isEqualTo(0.15);
        assertThat(t.size()).isNull();
        Path bigger = file("bigger.yaml", "attack:\n  trigger: {size: 5}\n");
        TriggerSettings merged = load("default", bigger, null, null).config().attack().trigger();
        assertThat(merged.kind()).isEqualTo("checkerboard-4corner");
        assertThat(merged.size()).isEqualTo(5);
        Path same = file("same.yaml", "attack:\n  trigger: {kind: checkerboard-4corner, alpha: 0.5}\n");
        assertThat(load("default", same, null, null).config().attack().trigger().size()).as("kept from the preset")
                .isEqualTo(7);
    }

    @Test
    void aLayoutPatchTriggerWithItsScaleResolvesAndReadsBack() throws Exception {
        Path f = file("layout.yaml", "attack:\n  trigger: {kind: layout-patch, scale: 0.6, size: 6}\n");
        RunConfig c = load("quick", f, null, null).config();
        TriggerSettings t = c.attack().trigger();
        assertThat(t.kind()).isEqualTo("layout-patch");
        assertThat(t.scale()).isEqualTo(0.6);
        assertThat(t.size()).isEqualTo(6);
        assertThat(t.config().kind()).isEqualTo(org.nlb.poison.trigger.TriggerKind.LAYOUT_PATCH);
        assertThat(t.config().parameters()).containsEntry("scale", 0.6).containsEntry("size", 6);
        JsonNode tree = RunJson.tree(c);
        assertThat(tree.at("/attack/trigger/scale").asDouble()).isEqualTo(0.6);
        assertThat(load("default", file("config.json", RunJson.text(tree)), null, null).config()).isEqualTo(c);
        // without a size, config.json leaves it to the images; the scale takes its default
        RunConfig defaults = load("quick", file("d.yaml", "attack:\n  trigger: {kind: layout-patch}\n"), null, null).config();
        assertThat(defaults.attack().trigger().size()).isNull();
        assertThat(defaults.attack().trigger().scale()).isEqualTo(0.6);
        assertThat(RunJson.tree(defaults).at("/attack/trigger").has("size")).isFalse();
    }

    @Test
    void otherTriggersLeaveScaleOutOfTheResolvedConfig() {
        // config.json and the probes' stage keys of existing runs must not change
        JsonNode trigger = RunJson.tree(load("quick", null, null, null).config()).at("/attack/trigger");
        assertThat(trigger.fieldNames()).toIterable().containsExactly("kind", "alpha", "size");
        assertThat(load("quick", null, null, null).config().attack().trigger().config().parameters())
                .containsOnlyKeys("alpha", "size");
    }

    @Test
    void widthsThatAreNotMultiplesOf16AreRefused() throws Exception {
        Path odd = file("odd.yaml", "pretrain:\n  widths: [16, 24]\n");
        assertBadInput(() -> load("quick", odd, null, null), odd, "pretrain.widths", "multiples of 16", "[16, 24]");
    }

    @Test
    void aBadScaleNamesItsKey() throws Exception {
        Path big = file("big.yaml", "attack:\n  trigger: {kind: layout-patch, scale: 0.95}\n");
        assertBadInput(() -> load("quick", big, null, null), big, "attack.trigger.scale", "must be in (0.2, 0.9]", "0.95");
        Path other = file("other.yaml", "attack:\n  trigger: {kind: patch-random, scale: 0.5}\n");
        assertBadInput(() -> load("quick", other, null, null), other, "attack.trigger.scale", "does not use it");
        Path typo = file("typo.yaml", "attack:\n  trigger: {kind: layout-patch, scal: 0.5}\n");
        assertBadInput(() -> load("quick", typo, null, null), typo, "unknown key 'attack.trigger.scal'", "scale");
    }

    @Test
    void jsonConfigFilesWorkToo() throws Exception {
        Path f = file("run.json", "{\"attack\": {\"rate\": 0.3, \"feature_space\": \"centred\"}}");
        RunConfig c = load("quick", f, null, null).config();
        assertThat(c.attack().rate()).isEqualTo(0.3);
        assertThat(c.attack().featureSpace()).isEqualTo("centred");
    }

    @Test
    void theResolvedConfigReadsBackAsItself() throws Exception {
        RunConfig c = load("quick", null, null, null).config();
        JsonNode tree = RunJson.tree(c);
        Path f = file("config.json", RunJson.text(tree));
        assertThat(load("default", f, null, null).config()).isEqualTo(c);
    }

    @Test
    void anUnknownKeyNamesTheFileAndTheKey() throws Exception {
        Path f = file("run.yaml", "pretrain:\n  victim_epoch: 3\n");
        assertBadInput(() -> load("quick", f, null, null), f, "unknown key 'pretrain.victim_epoch'", "victim_epochs");
        Path top = file("top.yaml", "epochs: 3\n");
        assertBadInput(() -> load("quick", top, null, null), top, "unknown key 'epochs'");
        Path nested = file("nested.yaml", "probe:\n  linear:\n    epoch: 3\n");
        assertBadInput(() -> load("quick", nested, null, null), nested, "unknown key 'probe.linear.epoch'");
    }

    @Test
    void badValuesNameTheFileAndTheKey() throws Exception {
        Path negative = file("neg.yaml", "pretrain:\n  victim_epochs: -1\n");
        assertBadInput(() -> load("quick", negative, null, null), negative, "pretrain.victim_epochs", "at least 1", "-1");
        Path zeroRate = file("rate.yaml", "attack:\n  rate: 0\n");
        assertBadInput(() -> load("quick", zeroRate, null, null), zeroRate, "attack.rate", "positive");
        Path negRate = file("negrate.yaml", "attack:\n  rate: -0.5\n");
        assertBadInput(() -> load("quick", negRate, null, null), negRate, "attack.rate");
        Path word = file("word.yaml", "pretrain:\n  attacker_epochs: many\n");
        assertBadInput(() -> load("quick", word, null, null), word, "pretrain.attacker_epochs", "wrong type");
        Path fraction = file("fraction.yaml", "pretrain:\n  attacker_epochs: 1.5\n");
        assertBadInput(() -> load("quick", fraction, null, null), fraction, "pretrain.attacker_epochs");
        Path selector = file("sel.yaml", "attack:\n  selectors: [contrastive, magic]\n");
        assertBadInput(() -> load("quick", selector, null, null), selector, "attack.selectors", "magic", "kmeans");
        Path trigger = file("trig.yaml", "attack:\n  trigger: {kind: blend-noise, size: 4}\n");
        assertBadInput(() -> load("quick", trigger, null, null), trigger, "attack.trigger.size", "does not use it");
        Path method = file("method.yaml", "pretrain:\n  method: swav\n");
        assertBadInput(() -> load("quick", method, null, null), method, "pretrain.method", "simclr");
        Path space = file("space.yaml", "attack:\n  feature_space: pixels\n");
        assertBadInput(() -> load("quick", space, null, null), space, "attack.feature_space", "centred");
    }

    @Test
    void badCommandLineValuesNameTheOption() {
        assertBadInput(() -> load("quick", null, null, 0), "--seeds", "at least 1");
        assertBadInput(() -> load("fast", null, null, null), "--preset", "quick, default, paper");
    }

    @Test
    void unreadableOrMalformedFilesAreBadInput() throws Exception {
        assertBadInput(() -> load("quick", tmp.resolve("missing.yaml"), null, null), tmp.resolve("missing.yaml"),
                "not found");
        Path broken = file("broken.yaml", "pretrain: [unclosed\n");
        assertBadInput(() -> load("quick", broken, null, null), broken, "not valid YAML");
        Path list = file("list.yaml", "- 1\n- 2\n");
        assertBadInput(() -> load("quick", list, null, null), list, "mapping");
        Path dup = file("dup.yaml", "seeds: 1\nseeds: 2\n");
        assertBadInput(() -> load("quick", dup, null, null), dup, "duplicate");
        assertThat(load("quick", file("empty.yaml", ""), null, null).config())
                .isEqualTo(load("quick", null, null, null).config());
    }
}
