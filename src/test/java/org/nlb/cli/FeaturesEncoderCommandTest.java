package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.DatasetSpec;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.data.npy.NpyType;
import org.nlb.model.EncoderStore;
import org.nlb.poison.SyntheticImages;
import org.nlb.testing.CliRunner;
import org.nlb.testing.TestEncoders;

/** {@code nlb features --encoder}: the .npy it writes, and bad input exits 2 with one line and no output. */
class FeaturesEncoderCommandTest {
    @TempDir
    Path tmp;

    private DatasetSpec data;
    private Path encoder;
    private Path out;

    @BeforeEach
    void setUp() throws Exception {
        data = SyntheticImages.writeIdx(tmp.resolve("data"), 30, 12, 1, 10, true);
        encoder = TestEncoders.tiny(tmp.resolve("enc"), 1, 10);
        out = tmp.resolve("f.npy");
    }

    private CliRunner.Result features(String... extra) {
        String[] base = {"features", "--data", data.toString(), "--encoder", encoder.toString(), "--out", out.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void writesUnitNormFloat32RowsForEveryTrainImage() {
        CliRunner.Result run = features();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("30 x 8 encoder features").contains(out.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.stray()).isEmpty();
        NpyArray f = Npy.read(out);
        assertThat(f.type()).isEqualTo(NpyType.FLOAT32);
        assertThat(f.shape()).containsExactly(30, 8);
        float[] x = f.toFloats();
        for (int i = 0; i < 30; i++) {
            double s = 0;
            for (int j = 0; j < 8; j++) {
                s += x[i * 8 + j] * x[i * 8 + j];
            }
            assertThat(s).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void aSubsetOfTheTestSplitRawAndTriggered() throws Exception {
        Path subset = tmp.resolve("sub.npy");
        Npy.write(subset, NpyArray.indices(new int[] {11, 0, 5}));
        CliRunner.Result all = features("--split", "test", "--no-normalize");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        float[] full = Npy.read(out).toFloats();
        CliRunner.Result some = features("--split", "test", "--no-normalize", "--subset", subset.toString(), "--batch-size", "2");
        assertThat(some.exitCode()).as(some.toString()).isZero();
        NpyArray rows = Npy.read(out);
        assertThat(rows.shape()).containsExactly(3, 8);
        assertThat(java.util.Arrays.copyOfRange(rows.toFloats(), 0, 8))
                .containsExactly(java.util.Arrays.copyOfRange(full, 88, 96), org.assertj.core.api.Assertions.within(1e-5f));

        CliRunner.Result triggered = features("--split", "test", "--no-normalize", "--trigger", "checkerboard-full", "--alpha", "0.5");
        assertThat(triggered.exitCode()).as(triggered.toString()).isZero();
        assertThat(Npy.read(out).toFloats()).hasSize(full.length).isNotEqualTo(full);
    }

    @Test
    void aMissingOrCorruptEncoderExitsTwoWithOneLineAndWritesNothing() throws Exception {
        Path missing = tmp.resolve("nothing");
        CliRunner.Result run = CliRunner.run("features", "--data", data.toString(), "--encoder", missing.toString(),
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("error: " + missing + ": not found");

        Files.writeString(encoder.resolve(EncoderStore.SPEC_FILE), "{\"backbone\": \"small\"");
        CliRunner.Result corrupt = features();
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.errLines()).hasSize(1);
        assertThat(corrupt.errLines().get(0)).startsWith("error: " + encoder.resolve(EncoderStore.SPEC_FILE) + ": ");
        assertThat(out).doesNotExist();
    }

    @Test
    void imagesOfAnotherSizeExitTwoSayingWhatSizeTheEncoderWants() throws Exception {
        encoder = TestEncoders.tiny(tmp.resolve("enc12"), 1, 12);
        CliRunner.Result run = features();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: " + data + ": images are 10x10")
                .contains("trained on 12x12").contains("--resize 12x12");
        assertThat(out).doesNotExist();
    }

    @Test
    void anIndexOutOfRangeOrATriggerOptionWithoutATriggerExitsTwo() throws Exception {
        Path subset = tmp.resolve("sub.npy");
        Npy.write(subset, NpyArray.indices(new int[] {3, 30}));
        CliRunner.Result run = features("--subset", subset.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("error: " + subset + ": entry 1 = 30 is outside the indexed set (0..29)");

        CliRunner.Result test = features("--subset", subset.toString(), "--split", "test");
        assertThat(test.exitCode()).isEqualTo(2);
        assertThat(test.errLines()).containsExactly("error: " + subset + ": entry 1 = 30 is outside the indexed set (0..11)");

        CliRunner.Result alpha = features("--alpha", "0.3");
        assertThat(alpha.exitCode()).isEqualTo(2);
        assertThat(alpha.errLines()).containsExactly("error: --alpha: only applies to a trigger; add --trigger NAME");
        CliRunner.Result seed = features("--trigger-seed", "3");
        assertThat(seed.errLines()).containsExactly("error: --trigger-seed: only applies to a trigger; add --trigger NAME");
        assertThat(out).doesNotExist();
    }

    private static void assertUnitRows(float[] x, int dim) {
        for (int i = 0; i < x.length / dim; i++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += x[i * dim + j] * x[i * dim + j];
            }
            assertThat(s).as("row " + i).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void spaceProjectorWritesTheProjectorsUnitRowsAndCentredTheBackbonesCentred() {
        encoder = TestEncoders.withProjector(tmp.resolve("with-projector"), 1, 10);
        CliRunner.Result projector = features("--space", "projector");
        assertThat(projector.exitCode()).as(projector.toString()).isZero();
        int dim = TestEncoders.TINY_PROJECTOR.outputDim();
        assertThat(projector.out()).contains("30 x " + dim + " projector encoder features");
        NpyArray p = Npy.read(out);
        assertThat(p.shape()).containsExactly(30, dim);
        assertUnitRows(p.toFloats(), dim);

        assertThat(features().exitCode()).isZero();
        float[] backbone = Npy.read(out).toFloats();
        CliRunner.Result centred = features("--space", "centred");
        assertThat(centred.exitCode()).as(centred.toString()).isZero();
        assertThat(centred.out()).contains("30 x 8 centred encoder features");
        float[] c = Npy.read(out).toFloats();
        assertUnitRows(c, 8);
        assertThat(c).isNotEqualTo(backbone);
        CliRunner.Result explicit = features("--space", "backbone");
        assertThat(explicit.exitCode()).isZero();
        assertThat(Npy.read(out).toFloats()).containsExactly(backbone);
    }

    @Test
    void projectorFeaturesOfAnEncoderWithoutAProjectorOrAnUnknownSpaceExitTwoWithOneLine() throws Exception {
        CliRunner.Result old = features("--space", "projector");
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.errLines()).hasSize(1);
        assertThat(old.errLines().get(0)).startsWith("error: " + encoder + ": has no projector: trained before")
                .contains("retrain");
        assertThat(out).doesNotExist();

        CliRunner.Result unknown = features("--space", "logits");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).containsExactly(
                "error: --space: unknown feature space 'logits'; use one of backbone, centred, projector");

        CliRunner.Result pixels = CliRunner.run("features", "--pixels", "--data", data.toString(), "--space", "centred",
                "--out", out.toString());
        assertThat(pixels.exitCode()).isEqualTo(2);
        assertThat(pixels.errLines()).containsExactly("error: --space: goes with --encoder");
        assertThat(out).doesNotExist();
    }


    @Test
    void theFeaturesMayNotOverwriteTheEncoderOrTheSubset() throws Exception {
        Path params = encoder.resolve(EncoderStore.PARAMS_FILE);
        Path subset = tmp.resolve("sub.npy");
        Npy.write(subset, NpyArray.indices(new int[] {1, 2}));
        List<Path> inputs = List.of(encoder, subset, data.path());

        InputsUnchanged.assertRefused(params, "is an input (--encoder " + params + ")", inputs,
                "features", "--data", data.toString(), "--encoder", encoder.toString(), "--out", params.toString());
        InputsUnchanged.assertRefused(encoder, "is an input (--encoder " + encoder + ")", inputs,
                "features", "--data", data.toString(), "--encoder", encoder.toString(), "--out", encoder.toString());
        InputsUnchanged.assertRefused(subset, "is an input (--subset " + subset + ")", inputs,
                "features", "--data", data.toString(), "--encoder", encoder.toString(), "--subset", subset.toString(),
                "--out", subset.toString());
        InputsUnchanged.assertRefused(tmp, "contains an input", inputs,
                "features", "--data", data.toString(), "--encoder", encoder.toString(), "--out", tmp.toString());
    }
}
