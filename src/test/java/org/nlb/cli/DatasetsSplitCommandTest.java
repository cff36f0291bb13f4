package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.PretrainSplit;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.data.npy.NpyType;
import org.nlb.testing.CliRunner;
import org.nlb.testing.CliRunner.Result;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/** {@code nlb datasets split}: the pretrain/downstream index files, reproducible and never overwriting by accident. */
class DatasetsSplitCommandTest {
    @TempDir
    Path tmp;

    private String spec;

    @BeforeEach
    void writeSet() {
        Path data = IdxFiles.writeSet(tmp.resolve("set"), TestImages.labeled(50, 1, 3, 3, 5, 1),
                TestImages.labeled(10, 1, 3, 3, 5, 2), false);
        spec = "idx:" + data;
    }

    @Test
    void writesIndexFilesAndMetadata() throws IOException {
        Path out = tmp.resolve("split");

        Result r = CliRunner.run("datasets", "split", spec, "--seed", "3", "--out", out.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("45 pretrain", "5 downstream");
        NpyArray pretrain = Npy.read(out.resolve("pretrain.npy"));
        NpyArray downstream = Npy.read(out.resolve("downstream.npy"));
        assertThat(pretrain.type()).isEqualTo(NpyType.INT64);
        assertThat(pretrain.shape()).containsExactly(45);
        assertThat(downstream.shape()).containsExactly(5);
        long[] both = LongStream.concat(Arrays.stream((long[]) pretrain.data()), Arrays.stream((long[]) downstream.data()))
                .sorted().toArray();
        assertThat(both).isEqualTo(LongStream.range(0, 50).toArray());
        // The files hold exactly the library's split for that seed.
        PretrainSplit expected = PretrainSplit.draw(50, 0.9, 3);
        assertThat((long[]) downstream.data()).isEqualTo(Arrays.stream(expected.downstream()).asLongStream().toArray());

        JsonNode json = new ObjectMapper().readTree(out.resolve("split.json").toFile());
        assertThat(json.get("dataset").asText()).isEqualTo(spec);
        assertThat(json.get("seed").asLong()).isEqualTo(3);
        assertThat(json.get("train_size").asInt()).isEqualTo(50);
        assertThat(json.get("pretrain").asInt()).isEqualTo(45);
        assertThat(json.get("downstream").asInt()).isEqualTo(5);
        assertThat(json.get("pretrain_fraction").asDouble()).isEqualTo(0.9);
        assertThat(json.has("nlb_version")).isTrue();
        assertThat(entries(out)).containsExactly("downstream.npy", "pretrain.npy", "split.json");
    }

    @Test
    void theSameSeedWritesIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");

        CliRunner.run("datasets", "split", spec, "--seed", "11", "--out", a.toString());
        CliRunner.run("datasets", "split", spec, "--seed", "11", "--out", b.toString());
        CliRunner.run("datasets", "split", spec, "--seed", "12", "--out", c.toString());

        for (String name : new String[] {"pretrain.npy", "downstream.npy", "split.json"}) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
        assertThat(Files.readAllBytes(c.resolve("downstream.npy"))).isNotEqualTo(Files.readAllBytes(a.resolve("downstream.npy")));
    }

    @Test
    void refusesANonEmptyOutputWithoutForce() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("split"));
        Files.writeString(out.resolve("precious.txt"), "keep me");

        Result r = CliRunner.run("datasets", "split", spec, "--out", out.toString());

        DatasetsInfoCommandTest.assertOneErrorLine(r);
        assertThat(r.err()).startsWith("error: " + out + ": ").contains("not empty", "--force");
        assertThat(entries(out)).containsExactly("precious.txt");
        assertThat(Files.readString(out.resolve("precious.txt"))).isEqualTo("keep me");
        assertThat(entries(tmp)).containsExactly("set", "split");
    }

    @Test
    void forceReplacesTheOutput() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("split"));
        Files.writeString(out.resolve("old.txt"), "old");

        Result r = CliRunner.run("datasets", "split", spec, "--out", out.toString(), "--force");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(entries(out)).containsExactly("downstream.npy", "pretrain.npy", "split.json");
    }

    @Test
    void aFractionOutsideZeroToOneIsBadInput() {
        Path out = tmp.resolve("split");

        Result r = CliRunner.run("datasets", "split", spec, "--out", out.toString(), "--pretrain-fraction", "1");

        DatasetsInfoCommandTest.assertOneErrorLine(r);
        assertThat(r.err()).startsWith("error: --pretrain-fraction: ");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputUnderARegularFileIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");

        Result r = CliRunner.run("datasets", "split", spec, "--out", file.resolve("split").toString());

        DatasetsInfoCommandTest.assertOneErrorLine(r);
        assertThat(r.err()).startsWith("error: " + file + ": ").contains("not a directory");
    }

    private static java.util.List<String> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }


    @Test
    void forceNeverReplacesTheDataSetItself() throws IOException {
        Path set = tmp.resolve("set");
        Path again = Files.createSymbolicLink(tmp.resolve("again"), set);

        // before the output guard, this deleted the data set's files and wrote the split in their place
        InputsUnchanged.assertRefused(set, "is an input (the data set " + spec + ")", List.of(set),
                "datasets", "split", spec, "--out", set.toString(), "--force");
        InputsUnchanged.assertRefused(again, "is an input (the data set " + spec + ")", List.of(set),
                "datasets", "split", spec, "--out", again.toString(), "--force");
        InputsUnchanged.assertRefused(set.resolve("../set"), "is an input", List.of(set),
                "datasets", "split", spec, "--out", set.resolve("../set").toString(), "--force");
    }

    @Test
    void anOutputInsideOrHoldingTheDataSetIsRefused() throws IOException {
        Path set = tmp.resolve("set");
        Path inside = set.resolve("split");

        InputsUnchanged.assertRefused(inside, "is inside an input (the data set " + spec + "); nlb never writes into its inputs",
                List.of(set), "datasets", "split", spec, "--out", inside.toString());
        assertThat(inside).doesNotExist();
        InputsUnchanged.assertRefused(tmp, "contains an input (the data set " + spec + ")", List.of(set),
                "datasets", "split", spec, "--out", tmp.toString(), "--force");
    }

    @Test
    void forceReplacesAnEarlierSplitWholeAndLeavesNothingBeside() throws IOException {
        Path out = tmp.resolve("split");
        assertThat(CliRunner.run("datasets", "split", spec, "--seed", "1", "--out", out.toString()).exitCode()).isZero();
        java.util.Map<String, String> first = org.nlb.testing.DirectorySnapshot.of(out);

        // an invalid fraction fails before anything is written: the old split stays whole
        Result bad = CliRunner.run("datasets", "split", spec, "--out", out.toString(), "--force", "--pretrain-fraction", "2");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(org.nlb.testing.DirectorySnapshot.of(out)).isEqualTo(first);

        Result forced = CliRunner.run("datasets", "split", spec, "--seed", "2", "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(org.nlb.testing.DirectorySnapshot.of(out)).isNotEqualTo(first);
        assertThat(entries(tmp)).as("no temporary or set-aside directory left").containsExactly("set", "split");
    }
}
