package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.ImageSet;
import org.nlb.model.EncoderStore;
import org.nlb.ssl.SslMethodKind;

/** Encoder snapshots at chosen epochs (for ASR against epoch): complete, and kept across a resume. */
class SnapshotWriterTest {
    @TempDir
    Path tmp;

    private final ImageSet images = TinyRuns.images(64);
    private final PretrainConfig config = TinyRuns.config(SslMethodKind.SIMCLR, 3);

    private PretrainResult run(Path out, boolean resume, TrainingListener... more) {
        List<TrainingListener> listeners = new java.util.ArrayList<>();
        listeners.add(new SnapshotWriter(out, List.of(2, 1), images));
        listeners.addAll(List.of(more));
        return Pretrainer.run(TinyRuns.job(config, images, out, resume), listeners);
    }

    @Test
    void writesAWholeEncoderAtEachChosenEpochAndNothingElse() throws Exception {
        Path out = tmp.resolve("run");
        run(out, false);
        try (Stream<Path> entries = Files.list(out.resolve(SnapshotWriter.DIR))) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no temporary leftovers")
                    .containsExactlyInAnyOrder("epoch-1", "epoch-2");
        }
        for (int epoch : new int[] {1, 2}) {
            Path dir = SnapshotWriter.dir(out, epoch);
            var spec = EncoderStore.readSpec(dir.resolve(EncoderStore.SPEC_FILE));
            assertThat(spec.epochs()).isEqualTo(epoch);
            assertThat(spec.method()).isEqualTo("simclr");
            assertThat(spec.mean()).isEqualTo(EncoderStore.readSpec(out.resolve(EncoderStore.SPEC_FILE)).mean());
            assertThat(dir.resolve(EncoderStore.PROJECTOR_FILE)).exists();
        }
        assertThat(Files.readAllBytes(SnapshotWriter.dir(out, 2).resolve(EncoderStore.PARAMS_FILE)))
                .as("a snapshot is the encoder mid-run, not the final one")
                .isNotEqualTo(Files.readAllBytes(out.resolve(EncoderStore.PARAMS_FILE)))
                .isNotEqualTo(Files.readAllBytes(SnapshotWriter.dir(out, 1).resolve(EncoderStore.PARAMS_FILE)));
    }

    @Test
    void aResumedRunKeepsItsSnapshotsAndEndsWithTheSameOnesAsAStraightRun() throws Exception {
        Path straight = tmp.resolve("straight");
        run(straight, false);

        // killed after epoch 2's snapshot, before its checkpoint: the run resumes after epoch 1
        Path resumed = tmp.resolve("resumed");
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats epoch, PretrainSession session) {
                if (epoch.epoch() == 2) {
                    throw new ResumeEquivalenceTest.Crash();
                }
            }
        };
        assertThatThrownBy(() -> run(resumed, false, crash)).isInstanceOf(ResumeEquivalenceTest.Crash.class);
        assertThat(Checkpoint.readHeader(resumed.resolve(Checkpoint.FILE)).epoch()).isEqualTo(1);
        Path params1 = SnapshotWriter.dir(resumed, 1).resolve(EncoderStore.PARAMS_FILE);
        Path params2 = SnapshotWriter.dir(resumed, 2).resolve(EncoderStore.PARAMS_FILE);
        assertThat(params2).exists();
        FileTime written1 = Files.getLastModifiedTime(params1);
        FileTime written2 = Files.getLastModifiedTime(params2);
        Object inode2 = Files.readAttributes(params2, "unix:ino").get("ino");
        Thread.sleep(20);

        run(resumed, true);
        assertThat(Files.getLastModifiedTime(params1)).as("not rewritten").isEqualTo(written1);
        assertThat(Files.getLastModifiedTime(params2)).as("not rewritten").isEqualTo(written2);
        assertThat(Files.readAttributes(params2, "unix:ino").get("ino")).isEqualTo(inode2);
        for (int epoch : new int[] {1, 2}) {
            assertThat(Files.readAllBytes(SnapshotWriter.dir(resumed, epoch).resolve(EncoderStore.PARAMS_FILE)))
                    .as("epoch " + epoch).isEqualTo(Files.readAllBytes(
                            SnapshotWriter.dir(straight, epoch).resolve(EncoderStore.PARAMS_FILE)));
        }
        assertThat(Files.readAllBytes(resumed.resolve(EncoderStore.PARAMS_FILE)))
                .isEqualTo(Files.readAllBytes(straight.resolve(EncoderStore.PARAMS_FILE)));
    }
}
