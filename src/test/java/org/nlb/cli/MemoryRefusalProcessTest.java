package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.ChildProcess;
import org.nlb.testing.ChildProcess.Outcome;
import org.nlb.testing.HostileFiles;

/**
 * Memory refusal, measured: inputs whose headers promise more memory than they hold are
 * refused by a real {@code nlb} process with a 256 MB heap (exit 2, one {@code error:} line, no
 * trace, nothing written) while its peak resident memory stays under 300 MB. Before, four 29-byte
 * gzip files took 4.3 GB of RSS with an 8 GB heap, and three 190 KB PNGs of 8000×8000 ended in an
 * OutOfMemoryError trace with a 256 MB heap.
 */
class MemoryRefusalProcessTest {
    private static final String HEAP = "256m";
    private static final long MAX_RSS_KB = 300 * 1024;

    @TempDir
    static Path tmp;

    private static Path gzipBombs;
    private static Path pngBombs;

    @BeforeAll
    static void writeInputs() throws IOException {
        gzipBombs = Files.createDirectories(tmp.resolve("idx"));
        byte[] bomb = HostileFiles.forgedGzipTrailer(0x7FFF_FFF0);
        for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.write(gzipBombs.resolve(name), bomb);
        }
        pngBombs = tmp.resolve("folder");
        Path first = HostileFiles.blankPng(pngBombs.resolve("train/a/0.png"), 8000, 8000, false);
        for (String copy : List.of("train/a/1.png", "test/a/0.png")) {
            Files.createDirectories(pngBombs.resolve(copy).getParent());
            Files.copy(first, pngBombs.resolve(copy));
        }
    }

    private static Outcome refused(List<String> args, String subject, String problem) {
        Outcome r = ChildProcess.run(tmp, HEAP, args);
        System.out.println("issue 16: nlb " + String.join(" ", args).replace(tmp.toString(), "TMP") + " with -Xmx" + HEAP
                + ": exit " + r.exitCode() + ", peak RSS " + r.peakRssKb().stream().mapToObj(k -> k / 1024 + " MB")
                .findFirst().orElse("not measurable") + "\n  " + r.err().strip());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: " + subject + ": ").contains(problem);
        r.peakRssKb().ifPresent(kb -> assertThat(kb).as("peak RSS in KiB").isLessThan(MAX_RSS_KB));
        return r;
    }

    @Test
    void fourTinyGzipFilesWithForgedTrailers() {
        refused(List.of("datasets", "info", "idx:" + gzipBombs),
                gzipBombs.resolve("train-images-idx3-ubyte.gz").toString(), "corrupt gzip data");
    }

    @Test
    void threePngsOf190KbThatDeclare8000x8000() throws IOException {
        assertThat(Files.size(pngBombs.resolve("train/a/0.png"))).isLessThan(250_000);
        refused(List.of("datasets", "info", "folder:" + pngBombs),
                pngBombs.resolve("train/a/0.png").toString(), "is 8000x8000 pixels: reading the image folder up to"
                        + " this image needs 793 MB (all 3 images: 1.7 GB), more than the 192 MB of Java heap");
    }

    @Test
    void aSplitOfThePngFolderWritesNothing() {
        Path out = tmp.resolve("split");
        refused(List.of("datasets", "split", "folder:" + pngBombs, "--out", out.toString()),
                pngBombs.resolve("train/a/0.png").toString(), "8000x8000");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSmallNpyFileWithAnAbsurdShape() {
        Path f = HostileFiles.npy(tmp.resolve("features.npy"),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000, 1000000000), }", 16);
        Path out = tmp.resolve("poison.json");
        refused(List.of("select", "--features", f.toString(), "--strategy", "random", "--budget", "1", "--out", out.toString()),
                f.toString(), "truncated");
        assertThat(out).doesNotExist();
    }
}
