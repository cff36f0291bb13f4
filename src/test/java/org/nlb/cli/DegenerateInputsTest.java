package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertCliRefused;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.CliRunner;
import org.nlb.testing.CliRunner.Result;
import org.nlb.testing.DirectorySnapshot;
import org.nlb.testing.HostileFiles;
import org.nlb.testing.IdxFiles;

/**
 * DESIGN §7: degenerate inputs are refused with exit 2 and one {@code error: <file>:}
 * line, and nothing is written: no invented class "0" for a set without images, no empty split,
 * no grid of nothing, no .npy header read differently from numpy.
 */
class DegenerateInputsTest {
    @TempDir
    Path tmp;

    /** An IDX set with {@code train} and {@code test} images of 1×4×4 (3 classes). */
    private Path idxSet(int train, int test) {
        Path dir = tmp.resolve("set");
        IdxFiles.write(dir.resolve(IdxFiles.TRAIN_IMAGES), IdxFiles.idx(new int[] {train, 4, 4}, new byte[train * 16]), false);
        IdxFiles.write(dir.resolve(IdxFiles.TRAIN_LABELS), IdxFiles.idx(new int[] {train}, labels(train)), false);
        IdxFiles.write(dir.resolve(IdxFiles.TEST_IMAGES), IdxFiles.idx(new int[] {test, 4, 4}, new byte[test * 16]), false);
        IdxFiles.write(dir.resolve(IdxFiles.TEST_LABELS), IdxFiles.idx(new int[] {test}, labels(test)), false);
        return dir;
    }

    private static byte[] labels(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i % 3);
        }
        return out;
    }

    /** Runs {@code args} and checks that {@code tmp} is exactly as before, apart from nothing. */
    private Result runWritingNothing(String... args) {
        Map<String, String> before = DirectorySnapshot.of(tmp);
        Result r = CliRunner.run(args);
        assertThat(DirectorySnapshot.of(tmp)).as("files under " + tmp).isEqualTo(before);
        return r;
    }

    @Test
    void infoOfASetWithoutImagesDoesNotInventAClass() {
        Path set = idxSet(0, 0);
        for (String[] args : new String[][] {{"datasets", "info", "idx:" + set}, {"datasets", "info", "idx:" + set, "--json"}}) {
            Result r = runWritingNothing(args);
            assertCliRefused(r, set.resolve(IdxFiles.TRAIN_IMAGES).toString(), "holds no images: a data set needs train images");
        }
    }

    @Test
    void aSetWithTestImagesButNoTrainImagesIsRefusedToo() {
        Path set = idxSet(0, 3);
        Result r = runWritingNothing("datasets", "info", "idx:" + set);
        assertCliRefused(r, set.resolve(IdxFiles.TRAIN_IMAGES).toString(), "holds no images");
    }

    @Test
    void splitOfASetWithoutTrainImagesWritesNothing() {
        Path set = idxSet(0, 0);
        Result r = runWritingNothing("datasets", "split", "idx:" + set, "--out", tmp.resolve("split").toString());
        assertCliRefused(r, set.resolve(IdxFiles.TRAIN_IMAGES).toString(), "holds no images");
    }

    @Test
    void splitThatWouldLeaveAPartEmptyWritesNothing() {
        Path set = idxSet(1, 1);
        Result r = runWritingNothing("datasets", "split", "idx:" + set, "--out", tmp.resolve("split").toString());
        assertCliRefused(r, "idx:" + set, "has 1 train images: a pretrain fraction of 0.9 leaves the pretrain part empty");
    }

    @Test
    void previewOfAnEmptyTestSetWritesNoImage() {
        Path set = idxSet(6, 0);
        Result r = runWritingNothing("datasets", "preview", "idx:" + set, "--split", "test",
                "--out", tmp.resolve("grid.png").toString());
        assertCliRefused(r, "idx:" + set, "has no test images to preview");
    }

    @Test
    void imageDimensionsWhoseProductOverflowsAnIntAreRefused() {
        // No test images, so 0 × 65536 × 65536 bytes of data is what the file holds, but one image
        // would be 4 GB and its size wraps around as an int.
        Path set = idxSet(6, 0);
        Path test = set.resolve(IdxFiles.TEST_IMAGES);
        IdxFiles.write(test, IdxFiles.idx(new int[] {0, 65536, 65536}, new byte[0]), false);
        Result r = runWritingNothing("datasets", "info", "idx:" + set);
        assertCliRefused(r, test.toString(), "declares images of 1x65536x65536");
    }

    @Test
    void channelsTimesHeightTimesWidthBeyondALongAreRefused() throws IOException {
        Path set = idxSet(6, 0);
        Files.delete(set.resolve(IdxFiles.TEST_IMAGES));
        Path test = set.resolve("t10k-images-idx4-ubyte");
        int big = Integer.MAX_VALUE;
        IdxFiles.write(test, IdxFiles.idx(new int[] {0, big, big, big}, new byte[0]), false);
        Result r = runWritingNothing("datasets", "info", "idx:" + set);
        assertCliRefused(r, test.toString(), "declares images of 2147483647x2147483647x2147483647");
    }

    @Test
    void aNpyHeaderWithARepeatedKeyIsRefusedBySelect() {
        Path f = HostileFiles.npy(tmp.resolve("f.npy"),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 2), 'shape': (2, 4), }", 32);
        Result r = runWritingNothing("select", "--features", f.toString(), "--strategy", "random", "--budget", "1",
                "--out", tmp.resolve("poison.json").toString());
        assertCliRefused(r, f.toString(), "corrupt header: key 'shape' appears twice");
    }

    @Test
    void featuresWhoseShapeOverflowsAnIntBesideAZeroAreRefused() {
        Path f = HostileFiles.npy(tmp.resolve("f.npy"),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 0), }", 0);
        Result r = runWritingNothing("select", "--features", f.toString(), "--strategy", "random", "--budget", "1",
                "--out", tmp.resolve("poison.json").toString());
        assertCliRefused(r, f.toString(), "have a dimension larger than 2147483647");
    }

    @Test
    void theSmallestSetThatSplitsStillSplits() {
        Path set = idxSet(2, 0);
        Result r = CliRunner.run("datasets", "split", "idx:" + set, "--out", tmp.resolve("split").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 pretrain + 1 downstream");
    }
}
