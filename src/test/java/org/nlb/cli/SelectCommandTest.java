package org.nlb.cli;

import org.nlb.testing.InputsUnchanged;
import org.nlb.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.data.idx.IdxFormat;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;

/** {@code nlb select} end to end, and its error contract (DESIGN §7). */
class SelectCommandTest {
    @TempDir
    Path dir;

    /** 40 rows in 4 tight groups (row i in group i % 4) so the contrastive selection is one group. */
    private Path features(String name) {
        SplittableRandom random = new SplittableRandom(1);
        float[] data = new float[40 * 4];
        for (int i = 0; i < 40; i++) {
            for (int k = 0; k < 4; k++) {
                data[i * 4 + k] = (float) ((k == i % 4 ? 1 : 0) + 0.05 * random.nextGaussian());
            }
        }
        return write(name, NpyArray.ofFloats(data, 40, 4));
    }

    private Path write(String name, NpyArray array) {
        Path file = dir.resolve(name);
        Npy.write(file, array);
        return file;
    }

    private Path labels() {
        return write("labels.npy", NpyArray.ofLongs(IntStream.range(0, 40).asLongStream().map(i -> i % 4).toArray(), 40));
    }

    private JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void contrastiveWritesPoisonJsonAndASummary() throws IOException {
        Path out = dir.resolve("poison.json");
        CliRunner.Result run = CliRunner.run("select", "--features", features("f.npy").toString(), "--strategy", "contrastive",
                "--rate", "0.5", "--classes", "4", "--labels", labels().toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("budget M = floor(0.5 × 40 / 4) = 5 images = 12.5 % of N");
        assertThat(lines.get(1)).matches("contrastive: 5 of 40 \\(12\\.5 %\\), anchor \\d+, \\d+\\.\\d s, CCR 1\\.00 "
                + "\\(target \\d\\) -> .*poison\\.json");
        JsonNode j = json(out);
        assertThat(j.get("strategy").asText()).isEqualTo("contrastive");
        assertThat(j.get("n").asInt()).isEqualTo(40);
        assertThat(j.get("budget").asInt()).isEqualTo(5);
        assertThat(j.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(j.get("classes").asInt()).isEqualTo(4);
        assertThat(j.get("indices")).hasSize(5);
        int anchor = j.get("anchor").asInt();
        assertThat(j.get("indices").get(0).asInt()).isEqualTo(anchor);
        assertThat(j.get("ccr").asDouble()).isEqualTo(1.0);
        assertThat(j.get("target").asInt()).isEqualTo(anchor % 4);
        assertThat(j.get("histogram")).hasSize(4);
        assertThat(j.get("seed").asLong()).isZero();
        assertThat(j.has("seconds")).isTrue();
    }

    @Test
    void labelsFromADatasetSpecAreMappedThroughTheSubset() throws IOException {
        // A 50-image IDX set whose labels are i % 5; the subset keeps 40 of them, reversed.
        int[] all = IntStream.range(0, 50).map(i -> i % 5).toArray();
        ImageSet train = ImageSet.of(new byte[50 * 4], 50, 1, 2, 2, Labels.numbered(all, 5));
        ImageSet test = ImageSet.of(new byte[4], 1, 1, 2, 2, Labels.numbered(new int[] {0}, 5));
        Path data = Files.createDirectories(dir.resolve("idx"));
        IdxFormat.write(new Dataset(DatasetSpec.parse("idx:" + data), train, test), data, false);
        int[] subset = IntStream.range(0, 40).map(i -> 45 - i).toArray(); // 45, 44, …, 6
        Path subsetFile = write("pretrain.npy", NpyArray.indices(subset));
        Path out = dir.resolve("p.json");
        CliRunner.Result run = CliRunner.run("select", "--features", features("f.npy").toString(), "--strategy", "random",
                "--budget", "40", "--labels", "idx:" + data, "--subset", subsetFile.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out).get("histogram").toString()).isEqualTo("[8,8,8,8,8]");
        assertThat(json(out).get("subset").asText()).isEqualTo(subsetFile.toString());
    }

    @Test
    void kmeansTakesItsClusterCountFromClasses() throws IOException {
        Path out = dir.resolve("k.json");
        CliRunner.Result run = CliRunner.run("select", "--features", features("f.npy").toString(), "--strategy", "kmeans",
                "--budget", "6", "--classes", "4", "--seed", "3", "--labels", labels().toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = json(out);
        assertThat(j.get("clusters").asInt()).isEqualTo(4);
        assertThat(j.get("cluster_sizes").toString()).isEqualTo("[10,10,10,10]");
        assertThat(j.get("ccr").asDouble()).isEqualTo(1.0);
        assertThat(j.get("seed").asInt()).isEqualTo(3);
        assertThat(j.has("anchor")).isFalse();
    }

    private void assertBadInput(CliRunner.Result run, String... expected) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: ").contains(expected);
        assertThat(dir.resolve("poison.json")).doesNotExist();
    }

    private CliRunner.Result select(Path features, String strategy, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("select", "--features", features.toString(),
                "--strategy", strategy, "--out", dir.resolve("poison.json").toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void badFeaturesExitTwoWithOneErrorLine() {
        Path nan = write("nan.npy", NpyArray.ofFloats(new float[] {1, 0, 0, Float.NaN, 1, 1}, 3, 2));
        assertBadInput(select(nan, "random", "--budget", "1"), nan.toString(), "row 1", "NaN");
        Path inf = write("inf.npy", NpyArray.ofFloats(new float[] {1, 0, 0, 1, Float.POSITIVE_INFINITY, 1}, 3, 2));
        assertBadInput(select(inf, "random", "--budget", "1"), inf.toString(), "row 2", "Infinity");
        Path zero = write("zero.npy", NpyArray.ofFloats(new float[] {1, 0, 0, 0, 1, 1}, 3, 2));
        assertBadInput(select(zero, "contrastive", "--budget", "1"), zero.toString(), "row 1 is all zeros");
        Path empty = write("empty.npy", NpyArray.ofFloats(new float[0], 0, 2));
        assertBadInput(select(empty, "random", "--budget", "1"), empty.toString(), "N = 0");
        assertBadInput(select(dir.resolve("missing.npy"), "random", "--budget", "1"), "missing.npy", "not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "41"})
    void budgetOutOfRangeExitsTwo(String budget) {
        assertBadInput(select(features("f.npy"), "random", "--budget", budget), "--budget");
    }

    @Test
    void badSettingsExitTwo() {
        Path f = features("f.npy");
        assertBadInput(select(f, "contrastive", "--budget", "21"), "needs 2M ≤ N; M = 21, N = 40");
        assertBadInput(select(f, "contrastive-mean", "--rate", "6", "--classes", "10"), "2M ≤ N");
        assertBadInput(select(f, "con", "--budget", "2"), "unknown strategy 'con'", "random, kmeans, contrastive,");
        assertBadInput(select(f, "random", "--rate", "0.01", "--classes", "10"), "floor(0.01 × 40 / 10) = 0");
        assertBadInput(select(f, "random"), "give either --budget M or --rate R");
        assertBadInput(select(f, "random", "--rate", "0.5"), "needs --classes");
        assertBadInput(select(f, "kmeans", "--budget", "2"), "--clusters");
        assertBadInput(select(f, "label-aware", "--budget", "2"), "needs the true labels");
        assertBadInput(select(f, "random", "--budget", "2", "--anchor-sample", "5"), "contrastive strategies only");
        assertBadInput(select(f, "contrastive", "--budget", "2", "--anchor-sample", "0"), "--anchor-sample");
    }

    @Test
    void labelCountMismatchNamesTheLabelFile() {
        Path short30 = write("short.npy", NpyArray.ofLongs(new long[30], 30));
        assertBadInput(select(features("f.npy"), "random", "--budget", "2", "--labels", short30.toString()),
                short30.toString(), "has 30 labels but the features have 40 rows");
        Path negative = write("neg.npy", NpyArray.ofLongs(IntStream.range(0, 40).asLongStream().map(i -> -i).toArray(), 40));
        assertBadInput(select(features("f.npy"), "random", "--budget", "2", "--labels", negative.toString()),
                "is negative");
    }

    @Test
    void neverOverwritesTheFeatures() {
        Path f = features("f.npy");
        CliRunner.Result run = CliRunner.run("select", "--features", f.toString(), "--strategy", "random", "--budget", "2",
                "--out", f.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Npy.read(f).shape()).containsExactly(40, 4);
    }


    @Test
    void thePoisonFileMayNotOverwriteAnyInput() throws Exception {
        Path f = features("f.npy");
        Path labels = labels();
        Path subset = write("subset.npy", NpyArray.indices(IntStream.range(0, 40).toArray()));
        List<Path> inputs = List.of(f, labels, subset);
        String[] base = {"select", "--features", f.toString(), "--strategy", "random", "--budget", "4"};

        for (Path out : List.of(f, labels, subset)) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.stream.Stream.of(
                    "--labels", labels.toString(), "--subset", subset.toString(), "--out", out.toString())).toArray(String[]::new);
            InputsUnchanged.assertRefused(out, "is an input (--", inputs, args);
        }
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), f);
        InputsUnchanged.assertRefused(link, "is an input (--features " + f + ")", inputs,
                "select", "--features", f.toString(), "--strategy", "random", "--budget", "4", "--out", link.toString());
    }

    @Test
    void thePoisonFileMayNotGoInsideTheDataSetTheLabelsComeFrom() throws Exception {
        Path f = features("f.npy");
        ImageSet train = ImageSet.of(new byte[40], 40, 1, 1, 1, Labels.numbered(new int[40], 1));
        Path data = Files.createDirectories(dir.resolve("set"));
        IdxFormat.write(new Dataset(DatasetSpec.parse("idx:" + data), train, train), data, false);
        Path inside = data.resolve("poison.json");

        InputsUnchanged.assertRefused(inside, "is inside an input (the data set idx:" + data + ")", List.of(f, data),
                "select", "--features", f.toString(), "--strategy", "random", "--budget", "4", "--labels", "idx:" + data,
                "--out", inside.toString());
    }
}
