package org.nlb.artefact;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every artefact record, built as its writer builds it, written and read back, is equal to itself. */
class ArtefactRoundTripTest {
    static <T> T roundTrip(T record) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        return Artefacts.read(Artefacts.write(record).getBytes(StandardCharsets.UTF_8), type);
    }

    static <T> T read(String json, Class<T> type) {
        return Artefacts.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void resultsJson() {
        RunResults results = Samples.results();
        RunResults back = roundTrip(results);
        assertThat(back).isEqualTo(results);
        assertThat(back.selectorList()).extracting(SelectorSummary::name).containsExactly("contrastive", "random");
        assertThat(back.seedRuns().get(0).selectorsByName().get("random").name()).isEqualTo("random");
    }

    @Test
    void sweepJson() {
        SweepResults sweep = Samples.sweep();
        assertThat(roundTrip(sweep)).isEqualTo(sweep);
        assertThat(Artefacts.tree(sweep).get("config_file").isNull()).as("written as null").isTrue();
    }

    @Test
    void metricsJson() {
        for (boolean triggered : new boolean[] {true, false}) {
            ProbeMetrics metrics = Samples.metrics(triggered);
            assertThat(roundTrip(metrics)).isEqualTo(metrics);
        }
        JsonNode plain = Artefacts.tree(Samples.metrics(false));
        assertThat(plain.get("trigger").isNull()).as("written as null").isTrue();
        assertThat(plain.get("target").isNull()).isTrue();
        assertThat(plain.get("trigger_geometry").isNull()).isTrue();
        assertThat(plain.at("/data/downstream").isNull()).isTrue();
        assertThat(plain.at("/encoder/nlb_version").isNull()).isTrue();
        assertThat(plain.at("/probes").has("knn")).as("not run: left out").isFalse();
        assertThat(plain.at("/probes/linear").has("asr")).as("no trigger: left out").isFalse();
        JsonNode triggered = Artefacts.tree(Samples.metrics(true));
        assertThat(triggered.at("/probes/linear/asr").isNull()).as("undefined: null").isTrue();
        assertThat(triggered.at("/trigger_geometry/target_pull").isNull()).isTrue();
        assertThat(triggered.at("/trigger_geometry/features").asText()).isEqualTo("backbone");
        assertThat(read("{\"probes\": {\"linear\": {\"asr\": 0.5}}}", ProbeMetrics.class).geometry())
                .isEqualTo(GeometryValues.UNDEFINED);
    }

    @Test
    void manifestJson() {
        Manifest manifest = new Manifest("0.1.0", "idx:data", "idx", "idx:out", 90, 30, "/p/poison.json", null,
                "/p/pretrain.npy", 2, List.of(31, 32), List.of(1, 2),
                new Manifest.Trigger("blend-noise", Map.of("alpha", 0.1, "seed", 7L)), new Manifest.Seeds(4L, null),
                List.of(new Manifest.FileHash("/p/poison.json", 40, "ab")), null)
                .withOutputs(List.of(new Manifest.FileHash("train-images-idx3-ubyte", 9016, "cd")));
        assertThat(roundTrip(manifest)).isEqualTo(manifest);
        JsonNode tree = Artefacts.tree(manifest);
        assertThat(tree.get("strategy").isNull()).as("written as null").isTrue();
        assertThat(tree.at("/seeds/trigger").isNull()).isTrue();
        assertThat(tree.at("/trigger/name").asText()).isEqualTo("blend-noise");
        assertThat(tree.at("/trigger/seed").asLong()).isEqualTo(7);
        Manifest withoutSubset = new Manifest("0.1.0", "idx:data", "idx", "idx:out", 90, 30, "/p/poison.json", "random",
                null, 1, List.of(3), null, new Manifest.Trigger("checkerboard-center", Map.of()),
                new Manifest.Seeds(null, null), List.of(), List.of());
        assertThat(roundTrip(withoutSubset)).isEqualTo(withoutSubset);
        assertThat(Artefacts.tree(withoutSubset).has("subset_indices")).isFalse();
        assertThat(Artefacts.tree(withoutSubset).get("subset").isNull()).isTrue();
    }

    @Test
    void stageJson() {
        StageRecord record = new StageRecord("victim-kmeans-s0", "0123456789ab", Samples.config(),
                Map.of("split", "aaaaaaaaaaaa"), 12.5, "2025-01-01T00:00:00Z", "0.1.0");
        assertThat(roundTrip(record)).isEqualTo(record);
        assertThat(Artefacts.tree(record).fieldNames()).toIterable().containsExactly("stage", "key", "settings",
                "upstream", "seconds", "finished", "nlb_version");
    }

    @Test
    void undefinedFiguresAreNullInTheFileAndNaNInTheRecord() {
        JsonNode tree = Artefacts.tree(Samples.results());
        JsonNode asr = tree.at("/selectors/random/linear/asr");
        assertThat(asr.get("values").get(0).isNull()).isTrue();
        assertThat(asr.get("mean").asDouble()).isEqualTo(0.05);
        assertThat(tree.at("/runs/0/selectors/random/linear/asr").isNull()).isTrue();
        assertThat(tree.at("/runs/0/selectors/random").has("name")).as("the key is the name").isFalse();
        assertThat(tree.at("/runs/0/selectors/random").has("by_epoch")).isFalse();
        assertThat(tree.at("/selectors/contrastive/linear/by_epoch/1/epoch").asInt()).isEqualTo(5);
        assertThat(tree.at("/trigger/kind").asText()).isEqualTo("checkerboard-center");
        assertThat(tree.at("/trigger/position/1").asInt()).isEqualTo(3);
        assertThat(Stat.of(Double.NaN, Double.NaN).std()).isNaN();
    }

    @Test
    void aStatReadsFromAPlainNumberOrAnObjectWithoutValues() {
        StatPair pair = read("{\"a\": 0.25, \"b\": {\"mean\": 0.5}, \"c\": {\"mean\": null, \"values\": [null]}}",
                StatPair.class);
        assertThat(pair.a()).isEqualTo(Stat.single(0.25));
        assertThat(pair.b().mean()).isEqualTo(0.5);
        assertThat(pair.b().std()).isZero();
        assertThat(pair.b().n()).isEqualTo(1);
        assertThat(pair.c().defined()).isFalse();
        assertThat(pair.c().values()).hasSize(1);
    }

    /** Three stats, for reading their forms. */
    record StatPair(Stat a, Stat b, Stat c) {}

    @Test
    void aMalformedFileNamesTheField() {
        String good = Artefacts.write(Samples.results());
        assertThatThrownBy(() -> read(good.replace("\"budget\" : 600", "\"budget\" : 1.5"), RunResults.class))
                .isInstanceOf(MalformedArtefactException.class).hasMessage("\"budget\" is 1.5, expected a whole number");
        assertThatThrownBy(() -> read(good.replace("\"seeds\" : [ 0, 1 ]", "\"seeds\" : \"zero\""), RunResults.class))
                .hasMessage("\"seeds\" is \"zero\", expected a list of whole numbers");
        assertThatThrownBy(() -> read(good.replaceFirst("\"epoch\" : 2,", ""), RunResults.class))
                .hasMessage("\"selectors.contrastive.linear.by_epoch[0].epoch\" is missing");
        assertThatThrownBy(() -> read(good.replaceFirst("\"mean\" : 0.85", "\"average\" : 0.85"), RunResults.class))
                .hasMessage("\"clean.linear.clean_acc.mean\" is missing");
        assertThatThrownBy(() -> read(good.replaceFirst("\"values\" : \\[ 0.9, 0.8 \\]", "\"values\" : [ \"x\" ]"),
                RunResults.class)).hasMessage("\"selectors.contrastive.ccr.values[0]\" is \"x\", expected a number");
        assertThatThrownBy(() -> read("{\"config\": {}, \"seeds\": [0]}", RunResults.class))
                .hasMessage("\"selectors\" is missing");
        assertThatThrownBy(() -> read("{\"config\": {}, \"seeds\": [0], \"selectors\": {\"x\": {}}, \"dataset\": {"
                + "\"spec\": \"s\"}}", RunResults.class)).hasMessage("\"dataset.class_names\" is missing");
        assertThatThrownBy(() -> read("{\"points\": []}", SweepResults.class)).hasMessage("\"dataset\" is missing");
        assertThatThrownBy(() -> read("[1]", SweepResults.class)).hasMessage("expected a JSON object, found a list");
        assertThatThrownBy(() -> read("{\"a\": 1, \"a\": 2}", SweepResults.class)).hasMessageStartingWith(
                "not valid JSON: Duplicate field 'a'");
        assertThatThrownBy(() -> read("", SweepResults.class)).hasMessage("is empty, expected a JSON object");
    }
}
