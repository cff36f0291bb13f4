package org.nlb.cli;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import org.nlb.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.data.idx.IdxFormat;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;

/** {@code nlb features --pixels}. */
class FeaturesCommandTest {
    @TempDir
    Path dir;

    /** Six 2×2 images; image i has pixels (i+1)·{10, 20, 30, 40}, except image 5 which is {0, 0, 0, 255}. */
    private String dataset() throws Exception {
        byte[] pixels = new byte[6 * 4];
        for (int i = 0; i < 5; i++) {
            for (int p = 0; p < 4; p++) {
                pixels[i * 4 + p] = (byte) ((i + 1) * 10 * (p + 1));
            }
        }
        pixels[5 * 4 + 3] = (byte) 255;
        ImageSet train = ImageSet.of(pixels, 6, 1, 2, 2, Labels.numbered(new int[6], 1));
        ImageSet test = ImageSet.of(new byte[4], 1, 1, 2, 2, Labels.numbered(new int[1], 1));
        Path data = Files.createDirectories(dir.resolve("idx"));
        IdxFormat.write(new Dataset(DatasetSpec.parse("idx:" + data), train, test), data, false);
        return "idx:" + data;
    }

    @Test
    void pixelRowsAreScaledAndNormalised() throws Exception {
        Path out = dir.resolve("f.npy");
        Path subset = dir.resolve("sub.npy");
        Npy.write(subset, NpyArray.indices(new int[] {5, 0}));
        CliRunner.Result run = CliRunner.run("features", "--pixels", "--data", dataset(), "--subset", subset.toString(),
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        NpyArray f = Npy.read(out);
        assertThat(f.shape()).containsExactly(2, 4);
        float[] v = (float[]) f.data();
        assertThat(v[0]).isZero();
        assertThat(v[3]).isEqualTo(1f);
        double norm = Math.sqrt(1 + 4 + 9 + 16);
        for (int p = 0; p < 4; p++) {
            assertThat((double) v[4 + p]).isCloseTo((p + 1) / norm, within(1e-6));
        }
    }

    @Test
    void pcaGivesUnitRowsOfKColumnsDeterministically() throws Exception {
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        String spec = dataset();
        assertThat(CliRunner.run("features", "--pixels", "--data", spec, "--pca", "2", "--out", a.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("features", "--pixels", "--data", spec, "--pca", "2", "--out", b.toString()).exitCode()).isZero();
        NpyArray f = Npy.read(a);
        assertThat(f.shape()).containsExactly(6, 2);
        assertThat((float[]) f.data()).containsExactly((float[]) Npy.read(b).data());
        float[] v = (float[]) f.data();
        for (int i = 0; i < 6; i++) {
            assertThat(Math.hypot(v[2 * i], v[2 * i + 1])).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void badRequestsExitTwo() throws Exception {
        String spec = dataset();
        CliRunner.Result noKind = CliRunner.run("features", "--data", spec, "--out", dir.resolve("x.npy").toString());
        assertThat(noKind.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noKind.errLines()).singleElement().asString().startsWith("error: ").contains("--encoder", "--pixels");
        CliRunner.Result badK = CliRunner.run("features", "--pixels", "--data", spec, "--pca", "5", "--out", dir.resolve("x.npy").toString());
        assertThat(badK.errLines()).singleElement().asString().contains("--pca", "between 1 and the 4");
        Path subset = dir.resolve("bad.npy");
        Npy.write(subset, NpyArray.indices(new int[] {0, 9}));
        CliRunner.Result badSubset = CliRunner.run("features", "--pixels", "--data", spec, "--subset", subset.toString(),
                "--out", dir.resolve("x.npy").toString());
        assertThat(badSubset.errLines()).singleElement().asString().contains("entry 1 = 9 is outside the indexed set (0..5)");
        assertThat(dir.resolve("x.npy")).doesNotExist();
    }


    @Test
    void theFeaturesMayNotOverwriteTheSubsetNorGoInsideTheData() throws Exception {
        String spec = dataset();
        Path data = dir.resolve("idx");
        Path subset = dir.resolve("sub.npy");
        Npy.write(subset, NpyArray.indices(new int[] {5, 0}));

        InputsUnchanged.assertRefused(subset, "is an input (--subset " + subset + ")", List.of(subset, data),
                "features", "--pixels", "--data", spec, "--subset", subset.toString(), "--out", subset.toString());
        Path inside = data.resolve("f.npy");
        InputsUnchanged.assertRefused(inside, "is inside an input (the data set " + spec + ")", List.of(subset, data),
                "features", "--pixels", "--data", spec, "--out", inside.toString());
    }
}
