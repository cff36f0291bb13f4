package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.data.idx.IdxFormat;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.model.EncoderStore;
import org.nlb.testing.CliRunner;
import org.nlb.testing.TestEncoders;

/** {@code nlb probe} end to end on a small data set whose classes differ in brightness, and its bad inputs. */
class ProbeCommandTest {
    @TempDir
    Path tmp;

    private DatasetSpec data;
    private Path encoder;
    private Path downstream;
    private Path out;

    /** {@code n} 10×10 grey images of 3 classes: class k has pixels around 40 + 80·k. */
    private static ImageSet brightnessClasses(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[n * 100];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 100; p++) {
                pixels[i * 100 + p] = (byte) Math.max(0, Math.min(255, 40 + 80 * labels[i] + rng.nextInt(-30, 31)));
            }
        }
        return ImageSet.of(pixels, n, 1, 10, 10, Labels.numbered(labels, 3));
    }

    @BeforeEach
    void setUp() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        data = new DatasetSpec(DatasetFormat.IDX, dir);
        IdxFormat.write(new Dataset(data, brightnessClasses(90, 1), brightnessClasses(30, 2)), dir, false);
        encoder = TestEncoders.tiny(tmp.resolve("enc"), 1, 10);
        downstream = tmp.resolve("downstream.npy");
        Npy.write(downstream, NpyArray.indices(IntStream.range(30, 90).toArray()));
        out = tmp.resolve("metrics.json");
    }

    private CliRunner.Result probe(String... extra) {
        String[] base = {"probe", "--data", data.toString(), "--encoder", encoder.toString(), "--out", out.toString()};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void withATriggerWritesBothProbesBackdoorMetricsAndLeavesTheEncoderAlone() throws Exception {
        byte[] weights = Files.readAllBytes(encoder.resolve(EncoderStore.PARAMS_FILE));
        // alpha 1 turns every test image into the same checkerboard: one prediction for all.
        CliRunner.Result run = probe("--downstream", downstream.toString(), "--trigger", "checkerboard-full",
                "--alpha", "1", "--target", "1", "--seed", "3");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("probes trained on 60 images (downstream " + downstream + ")")
                .contains("trigger checkerboard-full").contains("linear clean_acc").contains("knn    clean_acc")
                .contains("asr").contains("-> " + out);
        assertThat(run.stray()).isEmpty();
        assertThat(Files.readAllBytes(encoder.resolve(EncoderStore.PARAMS_FILE))).isEqualTo(weights);

        JsonNode m = new ObjectMapper().readTree(out.toFile());
        assertThat(m.at("/encoder/backbone").asText()).isEqualTo("small");
        assertThat(m.at("/encoder/feature_dim").asInt()).isEqualTo(8);
        assertThat(m.at("/data/probe_train_images").asInt()).isEqualTo(60);
        assertThat(m.at("/data/test_images").asInt()).isEqualTo(30);
        assertThat(m.at("/trigger/name").asText()).isEqualTo("checkerboard-full");
        assertThat(m.at("/target").asInt()).isEqualTo(1);
        assertThat(m.at("/probes/linear/settings/seed").asLong()).isEqualTo(3);
        assertThat(m.at("/probes/linear/settings/scaling").asText()).isEqualTo("center");
        assertThat(m.at("/probes/knn/settings/k").asInt()).isEqualTo(200);
        for (String probe : new String[] {"linear", "knn"}) {
            JsonNode p = m.at("/probes/" + probe);
            assertThat(p.get("clean_acc").asDouble()).as(probe).isGreaterThan(0.9);
            JsonNode confusion = p.get("confusion_triggered");
            int toTarget = 0;
            int predictedClasses = 0;
            for (int c = 0; c < 3; c++) {
                int rowSum = 0;
                for (int k = 0; k < 3; k++) {
                    rowSum += confusion.get(c).get(k).asInt();
                }
                assertThat(rowSum).as("10 test images of class " + c).isEqualTo(10);
                toTarget += c == 1 ? 0 : confusion.get(c).get(1).asInt();
            }
            for (int k = 0; k < 3; k++) {
                predictedClasses += confusion.get(0).get(k).asInt() > 0 ? 1 : 0;
            }
            assertThat(predictedClasses).as("identical triggered images get one class").isEqualTo(1);
            assertThat(p.get("non_target_test_images").asInt()).isEqualTo(20);
            assertThat(p.get("asr").asDouble()).isEqualTo(toTarget / 20.0);
            assertThat(p.get("poison_acc").asDouble()).isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(p.get("clean_to_target").asDouble()).isLessThan(0.1);
        }
        assertThat(m.at("/timings/total_seconds").asDouble()).isPositive();

        JsonNode geometry = m.get("trigger_geometry");
        assertThat(geometry.fieldNames()).toIterable().startsWith("trigger_cosine", "target_pull", "triggered_spread",
                "clean_spread");
        // every triggered image is the same checkerboard: one point, while the clean images differ
        assertThat(geometry.get("triggered_spread").asDouble()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(geometry.get("clean_spread").asDouble()).isLessThan(1 - 1e-4);
        assertThat(geometry.get("trigger_cosine").asDouble()).isBetween(-1.0, 1.0);
        assertThat(geometry.get("target_pull").isNumber()).isTrue();
        assertThat(run.out()).contains("trigger geometry: cosine");
    }

    @Test
    void layoutPatchIsMeasuredWithItsTestTimePatch() throws Exception {
        // 10×10 at scale 0.6: the object is 6 wide, the patch 3×3 at row (10−3)/2 = 3, col 6 + (4−3)/2 = 6
        CliRunner.Result layout = probe("--downstream", downstream.toString(), "--trigger", "layout-patch", "--target", "1");
        assertThat(layout.exitCode()).as(layout.toString()).isZero();
        JsonNode viaLayout = new ObjectMapper().readTree(out.toFile());
        assertThat(viaLayout.at("/trigger/name").asText()).isEqualTo("layout-patch");
        out = tmp.resolve("patch-metrics.json");
        CliRunner.Result patch = probe("--downstream", downstream.toString(), "--trigger", "checkerboard-center",
                "--position", "3,6", "--target", "1");
        assertThat(patch.exitCode()).as(patch.toString()).isZero();
        JsonNode viaPatch = new ObjectMapper().readTree(out.toFile());
        for (String probe : new String[] {"linear", "knn"}) {
            for (String field : new String[] {"confusion_triggered", "asr", "poison_acc", "clean_acc"}) {
                assertThat(viaLayout.at("/probes/" + probe + "/" + field)).as(probe + " " + field)
                        .isEqualTo(viaPatch.at("/probes/" + probe + "/" + field));
            }
        }
    }

    @Test
    void withoutDownstreamItSaysItUsedTheWholeTrainSet() throws Exception {
        CliRunner.Result run = probe("--probe", "linear");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("whole train set: no --downstream given").doesNotContain("knn").doesNotContain("asr");
        JsonNode m = new ObjectMapper().readTree(out.toFile());
        assertThat(m.at("/data/probe_train_source").asText()).contains("whole train set");
        assertThat(m.at("/data/probe_train_images").asInt()).isEqualTo(90);
        assertThat(m.at("/probes").has("knn")).isFalse();
        assertThat(m.at("/probes/linear").has("asr")).isFalse();
        assertThat(m.at("/trigger").isNull()).isTrue();
        assertThat(m.get("trigger_geometry").isNull()).isTrue();
        assertThat(run.out()).doesNotContain("geometry");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "--target,3,--trigger,checkerboard-center             | error: --target: must be a class index 0..2 (0, 1, 2), got 3",
        "--trigger,checkerboard-center                        | error: --target: is needed with --trigger",
        "--target,1                                           | error: --trigger: is needed with --target",
        "--trigger,sparkles,--target,1                        | error: --trigger: unknown trigger 'sparkles'",
        "--probe,svm                                          | error: probe: Invalid value for option '--probe'",
        "--scaling,whiten                                     | error: --scaling: unknown feature scaling 'whiten'",
        "--trigger-seed,3                                     | error: --trigger-seed: only applies to a trigger; add --trigger NAME",
        "--trigger,checkerboard-center,--target,1,--trigger-seed,3 | error: --trigger-seed: trigger checkerboard-center does not use it",
        "--trigger,layout-patch,--target,1,--scale,0.95       | error: --scale: must be in (0.2, 0.9], got 0.95",
        "--trigger,layout-patch,--target,1,--scale,0.2        | error: --scale: must be in (0.2, 0.9], got 0.2",
        "--scale,0.5                                          | error: --scale: only applies to a trigger; add --trigger NAME",
        "--trigger,checkerboard-center,--target,1,--scale,0.5 | error: --scale: trigger checkerboard-center does not use it",
    })
    void badOptionsExitTwoWithOneLineAndWriteNothing(String options, String expected) {
        CliRunner.Result run = probe(options.split(","));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith(expected);
        assertThat(out).doesNotExist();
    }

    @Test
    void badFilesExitTwoNamingThemAndWriteNothing() throws Exception {
        Npy.write(downstream, NpyArray.indices(new int[] {0, 90}));
        CliRunner.Result range = probe("--downstream", downstream.toString());
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.errLines()).containsExactly("error: " + downstream + ": entry 1 = 90 is outside the indexed set (0..89)");

        Path params = encoder.resolve(EncoderStore.PARAMS_FILE);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, Arrays.copyOf(bytes, bytes.length / 3));
        CliRunner.Result corrupt = probe();
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.errLines()).hasSize(1);
        assertThat(corrupt.errLines().get(0)).startsWith("error: " + params + ": cannot load the backbone's weights");

        Path missing = tmp.resolve("no-encoder");
        CliRunner.Result absent = CliRunner.run("probe", "--data", data.toString(), "--encoder", missing.toString(),
                "--out", out.toString());
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.errLines()).containsExactly("error: " + missing + ": not found");
        assertThat(out).doesNotExist();
    }


    @Test
    void theMetricsMayNotOverwriteAnyInput() throws Exception {
        Path spec = encoder.resolve(EncoderStore.SPEC_FILE);
        List<Path> inputs = List.of(encoder, downstream, data.path());

        InputsUnchanged.assertRefused(spec, "is an input (--encoder " + spec + ")", inputs,
                "probe", "--data", data.toString(), "--encoder", encoder.toString(), "--out", spec.toString());
        InputsUnchanged.assertRefused(downstream, "is an input (--downstream " + downstream + ")", inputs,
                "probe", "--data", data.toString(), "--encoder", encoder.toString(), "--downstream", downstream.toString(),
                "--out", downstream.toString());
        Path inside = data.path().resolve("metrics.json");
        InputsUnchanged.assertRefused(inside, "is inside an input (the data set " + data + ")", inputs,
                "probe", "--data", data.toString(), "--encoder", encoder.toString(), "--out", inside.toString());
    }

    @Test
    void theMetricsMayGoBesideTheEncodersFilesAsTheReadmeShows() throws Exception {
        Path metrics = encoder.resolve("metrics.json");

        CliRunner.Result r = CliRunner.run("probe", "--data", data.toString(), "--encoder", encoder.toString(),
                "--downstream", downstream.toString(), "--probe", "knn", "--out", metrics.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(metrics).exists();
    }
}
