package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.ssl.SslMethodKind;

/** Checkpoint files: foreign or damaged ones are bad input; configuration differences are named. */
class CheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void aForeignOrTruncatedFileIsBadInputNamingIt() throws Exception {
        Path run = tmp.resolve("run");
        Pretrainer.run(TinyRuns.job(TinyRuns.config(SslMethodKind.SIMCLR, 1), TinyRuns.images(32), run, false), List.of());
        Path file = run.resolve(Checkpoint.FILE);
        assertThat(Checkpoint.readHeader(file).epoch()).isEqualTo(1);

        Path foreign = Files.writeString(tmp.resolve("foreign.nlb"), "hello, world");
        assertBadInput(() -> Checkpoint.readHeader(foreign), foreign, "not an nlb checkpoint");

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(tmp.resolve("truncated.nlb"), Arrays.copyOf(bytes, bytes.length / 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertBadInput(() -> Checkpoint.readArrays(truncated, manager), truncated, "damaged checkpoint");
        }
        Path headerCut = Files.write(tmp.resolve("cut.nlb"), Arrays.copyOf(bytes, 20));
        assertBadInput(() -> Checkpoint.readHeader(headerCut), headerCut, "damaged checkpoint");
    }

    @Test
    void theFirstDifferenceIsNamedByItsPath() {
        PretrainConfig a = TinyRuns.config(SslMethodKind.MOCOV2, 2);
        ObjectNode base = RunRecord.identity(RunRecord.of(a, TinyRuns.data()));
        assertThat(RunRecord.firstDifference(base, RunRecord.identity(RunRecord.of(a.withThreads(7), TinyRuns.data()))))
                .as("threads do not change results").isEmpty();
        assertThat(RunRecord.firstDifference(base, RunRecord.identity(RunRecord.of(a.withEpochs(3), TinyRuns.data()))))
                .contains("config.epochs: 2 in the checkpoint, 3 now");
        assertThat(RunRecord.firstDifference(base, RunRecord.identity(RunRecord.of(
                a.withHead(a.head().withQueueSize(128)), TinyRuns.data()))))
                .contains("config.head.queue_size: 64 in the checkpoint, 128 now");
        ObjectNode otherData = TinyRuns.data().put("pixels_sha256", "abc");
        assertThat(RunRecord.firstDifference(base, RunRecord.identity(RunRecord.of(a, otherData))))
                .hasValueSatisfying(d -> assertThat(d).startsWith("data.pixels_sha256: absent in the checkpoint"));
    }
}
