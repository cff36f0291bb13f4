package org.nlb.poison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;

/** The poisoned copy: exact pixels, the input's format, the manifest, an untouched source (DESIGN §6). */
class PoisonWriterTest {
    private static final int TRAIN = 40;

    @TempDir
    Path tmp;

    private Path poisonJson(int n, String indices) throws Exception {
        return Files.writeString(tmp.resolve("poison.json"),
                "{\"strategy\": \"random\", \"n\": " + n + ", \"indices\": [" + indices + "], \"seed\": 5}");
    }

    /** SHA-256 of every file under {@code dir}, by relative path, computed here independently. */
    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(digest));
            }
        }
        return out;
    }

    private static Dataset read(DatasetSpec spec) {
        return DatasetFormat.readDataset(spec, ReadOptions.DEFAULT);
    }

    @ParameterizedTest(name = "{0} channel(s), gzip {1}, {2}")
    @CsvSource({"1, true, checkerboard-center", "3, false, patch-random", "3, true, checkerboard-full",
        "1, false, layout-patch"})
    void poisonedImagesAreTriggeredCopiesAndEverythingElseIsByteIdentical(int channels, boolean gzip, String name)
            throws Exception {
        DatasetSpec source = SyntheticImages.writeIdx(tmp.resolve("src"), TRAIN, 8, channels, 12, gzip);
        Map<String, String> before = hashes(source.path());
        TriggerConfig config = TriggerConfig.of(TriggerKind.fromName(name));
        Path out = tmp.resolve("out");
        PoisonWriter.Result result = PoisonWriter.write(new PoisonWriter.Request(
                source, poisonJson(TRAIN, "5, 0, 33, 17"), Optional.empty(), config, out, false));

        assertThat(result.trainIndices()).containsExactly(5, 0, 33, 17);
        assertThat(result.output()).isEqualTo(new DatasetSpec(DatasetFormat.IDX, out));
        assertThat(hashes(source.path())).isEqualTo(before);
        Set<String> expectedFiles = new HashSet<>(before.keySet());
        expectedFiles.add("manifest.json");
        assertThat(hashes(out).keySet()).isEqualTo(expectedFiles);

        Dataset clean = read(source);
        Dataset poisoned = read(new DatasetSpec(DatasetFormat.IDX, out));
        Trigger trigger = config.buildFor(ImageShape.of(clean.train()));
        Set<Integer> chosen = Set.of(5, 0, 33, 17);
        for (int i = 0; i < TRAIN; i++) {
            byte[] expected = chosen.contains(i) ? trigger.applied(clean.train().image(i), i) : clean.train().image(i);
            assertThat(poisoned.train().image(i)).as("train image %d", i).isEqualTo(expected);
        }
        assertThat(poisoned.train().labels()).isEqualTo(clean.train().labels());
        assertThat(poisoned.test().pixels()).isEqualTo(clean.test().pixels());
        assertThat(poisoned.test().labels()).isEqualTo(clean.test().labels());
        for (int i : chosen) {
            assertThat(poisoned.train().image(i)).isNotEqualTo(clean.train().image(i));
        }
    }

    @Test
    void manifestRecordsIndicesTriggerSeedsAndTheHashesOfEveryInputAndOutput() throws Exception {
        DatasetSpec source = SyntheticImages.writeIdx(tmp.resolve("src"), TRAIN, 8, 1, 10, true);
        Path poison = poisonJson(TRAIN, "9, 3");
        Path out = tmp.resolve("out");
        TriggerConfig config = TriggerConfig.of(TriggerKind.BLEND_NOISE, 0.2, null, null, null, 77L, null);
        PoisonWriter.write(new PoisonWriter.Request(source, poison, Optional.empty(), config, out, false));

        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(m.get("dataset").asText()).isEqualTo(source.toString());
        assertThat(m.get("format").asText()).isEqualTo("idx");
        assertThat(m.get("output").asText()).isEqualTo("idx:" + out);
        assertThat(m.get("train_size").asInt()).isEqualTo(TRAIN);
        assertThat(m.get("strategy").asText()).isEqualTo("random");
        assertThat(m.get("indices").toString()).isEqualTo("[9,3]");
        assertThat(m.get("trigger").toString()).isEqualTo("{\"name\":\"blend-noise\",\"alpha\":0.2,\"seed\":77}");
        assertThat(m.get("seeds").toString()).isEqualTo("{\"selection\":5,\"trigger\":77}");
        assertThat(m.get("nlb_version").asText()).isNotBlank();

        Map<String, String> inputs = new TreeMap<>();
        m.get("inputs").forEach(f -> inputs.put(f.get("path").asText(), f.get("sha256").asText()));
        Map<String, String> expectedInputs = new TreeMap<>();
        hashes(source.path()).forEach((k, v) -> expectedInputs.put(source.path().resolve(k).toAbsolutePath().toString(), v));
        expectedInputs.put(poison.toAbsolutePath().toString(), hashes(tmp).get("poison.json"));
        assertThat(inputs).isEqualTo(expectedInputs);

        Map<String, String> outputs = new TreeMap<>();
        m.get("outputs").forEach(f -> outputs.put(f.get("path").asText(), f.get("sha256").asText()));
        Map<String, String> actual = hashes(out);
        actual.remove("manifest.json");
        assertThat(outputs).isEqualTo(actual).hasSize(4);
        m.get("outputs").forEach(f -> assertThat(f.get("bytes").asLong()).isEqualTo(out.resolve(f.get("path").asText()).toFile().length()));
    }

    @Test
    void aLayoutPatchManifestRecordsTheSideChosenForTheImagesAndTheScale() throws Exception {
        DatasetSpec source = SyntheticImages.writeIdx(tmp.resolve("src"), TRAIN, 8, 1, 20, false);
        Path out = tmp.resolve("out");
        TriggerConfig config = TriggerConfig.of(TriggerKind.LAYOUT_PATCH, null, null, null, null, 4L, 0.5);
        PoisonWriter.write(new PoisonWriter.Request(source, poisonJson(TRAIN, "9, 3"), Optional.empty(), config, out, false));
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        // 20 wide: side max(3, round(4.0)) = 4
        assertThat(m.get("trigger").toString())
                .isEqualTo("{\"name\":\"layout-patch\",\"alpha\":1.0,\"size\":4,\"seed\":4,\"scale\":0.5}");
        assertThat(m.get("seeds").get("trigger").asLong()).isEqualTo(4);
    }

    @Test
    void withASubsetTheIndicesArePositionsInIt() throws Exception {
        DatasetSpec source = SyntheticImages.writeIdx(tmp.resolve("src"), TRAIN, 8, 1, 10, false);
        Path subset = tmp.resolve("pretrain.npy");
        Npy.write(subset, NpyArray.indices(new int[] {3, 8, 10, 20, 39}));
        Path out = tmp.resolve("out");
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_CORNER);
        PoisonWriter.Result result = PoisonWriter.write(new PoisonWriter.Request(
                source, poisonJson(5, "4, 1"), Optional.of(subset), config, out, false));
        assertThat(result.trainIndices()).containsExactly(39, 8);
        Dataset clean = read(source);
        Dataset poisoned = read(new DatasetSpec(DatasetFormat.IDX, out));
        Trigger trigger = config.buildFor(ImageShape.of(clean.train()));
        for (int i = 0; i < TRAIN; i++) {
            byte[] expected = i == 39 || i == 8 ? trigger.applied(clean.train().image(i), i) : clean.train().image(i);
            assertThat(poisoned.train().image(i)).isEqualTo(expected);
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(m.get("indices").toString()).isEqualTo("[39,8]");
        assertThat(m.get("subset_indices").toString()).isEqualTo("[4,1]");
        assertThat(m.get("inputs").toString()).contains("pretrain.npy");

        Path wrongN = poisonJson(TRAIN, "1");
        assertThatThrownBy(() -> PoisonWriter.write(new PoisonWriter.Request(
                source, wrongN, Optional.of(subset), config, tmp.resolve("out2"), false)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(wrongN + ": n is 40 but the subset")
                .hasMessageContaining("lists 5 images");
        assertThat(tmp.resolve("out2")).doesNotExist();
    }

    @Test
    void aBadSubsetFileIsNamed() throws Exception {
        DatasetSpec source = SyntheticImages.writeIdx(tmp.resolve("src"), TRAIN, 8, 1, 10, false);
        Path subset = tmp.resolve("pretrain.npy");
        Npy.write(subset, NpyArray.indices(new int[] {3, 40}));
        assertThatThrownBy(() -> PoisonWriter.write(new PoisonWriter.Request(source, poisonJson(2, "0"),
                Optional.of(subset), TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER), tmp.resolve("out"), false)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(subset + ": entry 1 = 40 is outside the indexed set (0..39)");
        Npy.write(subset, NpyArray.ofFloats(new float[] {1, 2}, 2));
        assertThatThrownBy(() -> PoisonWriter.write(new PoisonWriter.Request(source, poisonJson(2, "0"),
                Optional.of(subset), TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER), tmp.resolve("out"), false)))
                .hasMessageStartingWith(subset + ": an index file must hold integers");
    }

    @Test
    void theCopyOfFashionMnistIsReadAsAnIdxDirectory() {
        Path out = Path.of("poisoned");
        assertThat(PoisonWriter.outputSpec(DatasetSpec.parse("fashion-mnist", "/x"), out).toString()).isEqualTo("idx:poisoned");
        assertThat(PoisonWriter.outputSpec(DatasetSpec.parse("cifar100-coarse:/x", null), out).toString())
                .isEqualTo("cifar100-coarse:poisoned");
    }

    @Test
    void anOutputThatOverlapsTheSourceIsRefusedEvenWithForce() throws Exception {
        DatasetSpec source = SyntheticImages.writeIdx(tmp.resolve("src"), TRAIN, 8, 1, 10, false);
        Map<String, String> before = hashes(source.path());
        Path poison = poisonJson(TRAIN, "1");
        TriggerConfig config = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER);
        for (Path out : new Path[] {source.path(), source.path().resolve("poisoned"), tmp}) {
            assertThatThrownBy(() -> PoisonWriter.write(new PoisonWriter.Request(source, poison, Optional.empty(), config, out, true)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(out + ": ")
                    .hasMessageContaining("an input (the data set idx:" + source.path() + ")");
        }
        assertThat(hashes(source.path())).isEqualTo(before);
        Path elsewhere = Files.createDirectories(tmp.resolve("inputs"));
        Path inside = Files.copy(poison, elsewhere.resolve("poison.json"));
        assertThatThrownBy(() -> PoisonWriter.write(new PoisonWriter.Request(source, inside, Optional.empty(), config, elsewhere, true)))
                .hasMessageContaining("contains an input (--poison " + inside + ")");
        assertThat(inside).exists();
    }
}
