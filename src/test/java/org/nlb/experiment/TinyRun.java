package org.nlb.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/**
 * A whole {@code nlb run} at toy scale for tests: a learnable 4-class IDX set of 12×12 images
 * (400 train, 40 test) and a config that overrides the quick preset down to seconds.
 */
final class TinyRun {
    private TinyRun() {}

    /** Writes the data set under {@code dir}/data and the config {@code dir}/tiny.yaml (plus {@code extra} YAML lines). */
    static Path config(Path dir, String extra) {
        try {
            Path data = IdxFiles.writeSet(Files.createDirectories(dir.resolve("data")), TestImages.patterns(400, 12, 1),
                    TestImages.patterns(40, 12, 2), false);
            String yaml = """
                    data:
                      spec: idx:%s
                      pretrain_subset: 0
                    pretrain:
                      widths: [16, 16]
                      batch_size: 32
                    attack:
                      assumed_classes: 4
                      kmeans_clusters: 4
                    probe:
                      linear: {epochs: 5}
                      knn: {k: 10}
                    threads: 2
                    """.formatted(data);
            return Files.writeString(dir.resolve("tiny.yaml"), yaml + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of a tiny run with {@code config} into {@code out}. */
    static String[] args(Path config, Path out, String... more) {
        String[] base = {"run", "--preset", "quick", "--config", config.toString(), "--out", out.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
