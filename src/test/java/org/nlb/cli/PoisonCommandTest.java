package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import org.nlb.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlb.data.DatasetSpec;
import org.nlb.poison.SyntheticImages;
import org.nlb.poison.trigger.TriggerKind;

/** {@code nlb poison} on the command line: the happy path and every bad input exits 2 with one line. */
class PoisonCommandTest {
    @TempDir
    Path tmp;

    private DatasetSpec source;
    private Path out;

    @BeforeEach
    void dataset() throws Exception {
        source = SyntheticImages.writeIdx(tmp.resolve("src"), 30, 6, 1, 10, true);
        out = tmp.resolve("out");
    }

    private Path poison(String json) throws Exception {
        return Files.writeString(tmp.resolve("poison.json"), json);
    }

    private CliRunner.Result poisonWith(Path poisonFile, String... extra) {
        String[] base = {"poison", "--data", source.toString(), "--poison", poisonFile.toString(), "--out", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void writesThePoisonedCopyAndSaysWhatItDid() throws Exception {
        CliRunner.Result run = poisonWith(poison("{\"n\": 30, \"indices\": [2, 4, 6]}"), "--trigger", "checkerboard-full", "--alpha", "0.2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("poisoned 3 of 30 train images").contains("checkerboard-full").contains("alpha=0.2")
                .contains("-> idx:" + out);
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(out.resolve("train-images-idx3-ubyte.gz")).exists();
    }

    @Test
    void theTriggerSeedIsTriggerSeedAndTheManifestRecordsIt() throws Exception {
        CliRunner.Result run = poisonWith(poison("{\"n\": 30, \"indices\": [2, 4]}"), "--trigger", "blend-noise", "--trigger-seed", "7");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.at("/seeds/trigger").asLong()).isEqualTo(7);
        assertThat(manifest.at("/trigger/seed").asLong()).isEqualTo(7);

        CliRunner.Result old = poisonWith(poison("{\"n\": 30, \"indices\": [2]}"), "--trigger", "blend-noise", "--seed", "7");
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.err()).contains("--seed");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"n\": 30, \"indices\": [2, 30]}    | indices[1] = 30 is outside 0..29 (n = 30)",
        "{\"n\": 30, \"indices\": [2, 2]}     | index 2 is listed twice",
        "{\"n\": 31, \"indices\": [2]}        | n is 31 but the train set of idx:",
        "{\"n\": 30, \"indices\": [2,}        | not valid JSON",
    })
    void aBadPoisonFileExitsTwoWithOneLineNamingItAndWritesNothing(String json, String problem) throws Exception {
        Path file = poison(json);
        CliRunner.Result run = poisonWith(file, "--trigger", "checkerboard-center");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: " + file + ": ").contains(problem);
        assertThat(out).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingPoisonFileExitsTwo() {
        Path missing = tmp.resolve("missing.json");
        CliRunner.Result run = poisonWith(missing, "--trigger", "checkerboard-center");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("error: " + missing + ": not found");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownTriggerExitsTwoListingTheValidNames() throws Exception {
        CliRunner.Result run = poisonWith(poison("{\"n\": 30, \"indices\": [1]}"), "--trigger", "sparkles");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: --trigger: unknown trigger 'sparkles'")
                .contains(TriggerKind.validNames());
        assertThat(out).doesNotExist();
    }

    @Test
    void anOptionTheTriggerDoesNotTakeExitsTwo() throws Exception {
        CliRunner.Result run = poisonWith(poison("{\"n\": 30, \"indices\": [1]}"), "--trigger", "checkerboard-center", "--trigger-seed", "4");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "error: --trigger-seed: trigger checkerboard-center does not use it (it takes --alpha, --size, --position)");
    }

    @Test
    void aNonEmptyOutputIsRefusedUnlessForced() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        Path file = poison("{\"n\": 30, \"indices\": [1]}");
        CliRunner.Result refused = poisonWith(file, "--trigger", "checkerboard-center");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.errLines().get(0)).contains("not empty").contains("--force");
        assertThat(out.resolve("keep.txt")).exists();

        CliRunner.Result forced = poisonWith(file, "--trigger", "checkerboard-center", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(out.resolve("manifest.json")).exists();
    }


    @Test
    void forceNeverReplacesAnInput() throws Exception {
        Path file = poison("{\"n\": 30, \"indices\": [1]}");
        Path subsetDir = Files.createDirectories(tmp.resolve("split"));
        Path subset = subsetDir.resolve("pretrain.npy");
        org.nlb.data.npy.Npy.write(subset, org.nlb.data.npy.NpyArray.indices(java.util.stream.IntStream.range(0, 30).toArray()));
        List<Path> inputs = List.of(source.path(), file, subset);
        String[] base = {"poison", "--data", source.toString(), "--poison", file.toString(), "--subset", subset.toString(),
            "--trigger", "checkerboard-center", "--force", "--out"};

        InputsUnchanged.assertRefused(source.path(), "is an input (the data set " + source + ")", inputs,
                with(base, source.path().toString()));
        InputsUnchanged.assertRefused(source.path().resolve("poisoned"), "is inside an input (the data set " + source + ")",
                inputs, with(base, source.path().resolve("poisoned").toString()));
        InputsUnchanged.assertRefused(subsetDir, "contains an input (--subset " + subset + ")", inputs,
                with(base, subsetDir.toString()));
        InputsUnchanged.assertRefused(file, "is an input (--poison " + file + ")", inputs, with(base, file.toString()));
    }

    private static String[] with(String[] base, String last) {
        String[] args = java.util.Arrays.copyOf(base, base.length + 1);
        args[base.length] = last;
        return args;
    }
}
