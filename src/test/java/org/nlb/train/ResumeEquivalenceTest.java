package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nlb.data.ImageSet;
import org.nlb.model.EncoderStore;
import org.nlb.ssl.SslMethodKind;

/**
 * Two epochs straight and one epoch, an interruption in the middle of the second, then a resume,
 * end in the same state bit for bit: weights, BatchNorm statistics, optimiser momentum, EMA
 * targets and MoCo queues.
 */
class ResumeEquivalenceTest {
    @TempDir
    Path tmp;

    /** Stands in for a crash: thrown from inside epoch 2, after the epoch-1 checkpoint. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    @ParameterizedTest
    @EnumSource(SslMethodKind.class)
    void resumingAfterACrashEndsExactlyWhereAStraightRunEnds(SslMethodKind method) throws Exception {
        ImageSet images = TinyRuns.images(64);
        PretrainConfig config = TinyRuns.config(method, 2);
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");

        PretrainResult full = Pretrainer.run(TinyRuns.job(config, images, straight, false), List.of());
        assertThat(full.epochs()).hasSize(2);

        TrainingListener crashInEpochTwo = new TrainingListener() {
            @Override
            public void onStep(StepStats step) {
                if (step.epoch() == 2 && step.stepInEpoch() == 2) {
                    throw new Crash();
                }
            }
        };
        assertThatThrownBy(() -> Pretrainer.run(TinyRuns.job(config, images, resumed, false), List.of(crashInEpochTwo)))
                .isInstanceOf(Crash.class);
        assertThat(Checkpoint.readHeader(resumed.resolve(Checkpoint.FILE)).epoch()).isEqualTo(1);
        assertThat(Files.readAllLines(resumed.resolve(CsvLog.FILE))).hasSize(2); // header + epoch 1
        assertThat(resumed.resolve(EncoderStore.PARAMS_FILE)).doesNotExist();

        PretrainResult continued = Pretrainer.run(TinyRuns.job(config, images, resumed, true), List.of());
        assertThat(continued.epochs()).hasSize(2);
        for (int e = 0; e < 2; e++) {
            EpochStats x = full.epochs().get(e);
            EpochStats y = continued.epochs().get(e);
            assertThat(List.of(y.epoch(), y.step(), y.loss(), y.learningRate()))
                    .isEqualTo(List.of(x.epoch(), x.step(), x.loss(), x.learningRate()));
        }

        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> a = Checkpoint.readArrays(straight.resolve(Checkpoint.FILE), manager);
            Map<String, NDArray> b = Checkpoint.readArrays(resumed.resolve(Checkpoint.FILE), manager);
            assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
            assertThat(a.keySet()).anyMatch(k -> k.startsWith(PretrainSession.MOMENTUM));
            if (method == SslMethodKind.BYOL || method == SslMethodKind.MOCOV2) {
                assertThat(a.keySet()).anyMatch(k -> k.startsWith(PretrainSession.METHOD + "target/"));
            }
            for (String name : a.keySet()) {
                assertThat(b.get(name).toByteArray()).as(name).isEqualTo(a.get(name).toByteArray());
            }
        }
        assertThat(Files.readAllBytes(resumed.resolve(EncoderStore.PARAMS_FILE)))
                .isEqualTo(Files.readAllBytes(straight.resolve(EncoderStore.PARAMS_FILE)));
        assertThat(Files.readAllBytes(resumed.resolve(EncoderStore.PROJECTOR_FILE)))
                .isEqualTo(Files.readAllBytes(straight.resolve(EncoderStore.PROJECTOR_FILE)));
        assertThat(Files.readAllLines(resumed.resolve(CsvLog.FILE))).hasSize(3);
    }
}
