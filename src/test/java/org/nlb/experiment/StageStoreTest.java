package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.artefact.StageRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caching rules of a run directory, on stages that only write a file. */
class StageStoreTest {
    @TempDir
    Path tmp;

    private final StringWriter log = new StringWriter();
    private final RunProgress progress = new RunProgress(new PrintWriter(log, true), 10, 0);

    /** Writes out.txt = its setting; counts its runs; can be told to fail half-way. */
    private static class FileStage implements Stage<String> {
        final String name;
        final String value;
        final Map<String, StageKey> upstream;
        final AtomicInteger runs = new AtomicInteger();
        boolean resumable;
        boolean fail;

        FileStage(String name, String value, Map<String, StageKey> upstream) {
            this.name = name;
            this.value = value;
            this.upstream = upstream;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String describe() {
            return "writes " + value;
        }

        @Override
        public ObjectNode settings() {
            ObjectNode s = RunJson.JSON.createObjectNode();
            s.put("stage", "file");
            s.put("value", value);
            return s;
        }

        @Override
        public Map<String, StageKey> upstream() {
            return upstream;
        }

        @Override
        public boolean resumable() {
            return resumable;
        }

        @Override
        public boolean resumesFrom(Path dir) {
            return Files.exists(dir.resolve("checkpoint"));
        }

        @Override
        public double run(Path dir) {
            runs.incrementAndGet();
            try {
                Files.writeString(dir.resolve("partial.txt"), "x");
                if (fail) {
                    throw new IllegalStateException("killed");
                }
                Files.writeString(dir.resolve("out.txt"), value);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 1.25;
        }

        @Override
        public String read(Path dir) {
            try {
                return Files.readString(dir.resolve("out.txt"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void keysDependOnSettingsAndUpstreamKeysOnlyAndIgnoreKeyOrder() {
        ObjectNode a = RunJson.JSON.createObjectNode().put("x", 1).put("y", "z");
        ObjectNode b = RunJson.JSON.createObjectNode().put("y", "z").put("x", 1);
        StageKey up = new StageKey("0123456789ab");
        assertThat(StageKey.of(a, Map.of())).isEqualTo(StageKey.of(b, Map.of()));
        assertThat(StageKey.of(a, Map.of("u", up))).isNotEqualTo(StageKey.of(a, Map.of()));
        assertThat(StageKey.of(a, Map.of("u", up))).isNotEqualTo(StageKey.of(a, Map.of("u", new StageKey("ba9876543210"))));
        assertThat(StageKey.of(a.deepCopy().put("x", 2), Map.of())).isNotEqualTo(StageKey.of(a, Map.of()));
        assertThat(StageKey.of(a, Map.of()).value()).matches("[0-9a-f]{12}");
    }

    @Test
    void aFinishedStageIsReusedAndItsMarkerWrittenLast() throws Exception {
        StageStore store = new StageStore(tmp);
        FileStage stage = new FileStage("one", "hello", Map.of());
        StageStore.Done<String> first = store.run(stage, progress);
        assertThat(first.cached()).isFalse();
        assertThat(first.output()).isEqualTo("hello");
        assertThat(first.dir().getFileName().toString()).isEqualTo("one-" + first.key().value());
        assertThat(first.dir().getParent()).isEqualTo(tmp.resolve("stages"));
        StageRecord record = StageStore.readRecord(first.dir()).orElseThrow();
        assertThat(record.seconds()).isEqualTo(1.25);
        assertThat(record.key()).isEqualTo(first.key().value());
        assertThat(record.settings().get("value").asText()).isEqualTo("hello");

        StageStore.Done<String> again = store.run(new FileStage("one", "hello", Map.of()), progress);
        assertThat(again.cached()).isTrue();
        assertThat(again.output()).isEqualTo("hello");
        assertThat(log.toString()).contains("one cached");

        StageStore.Done<String> changed = store.run(new FileStage("one", "bye", Map.of()), progress);
        assertThat(changed.cached()).isFalse();
        assertThat(changed.dir()).isNotEqualTo(first.dir());
    }

    @Test
    void anUnfinishedStageIsEmptiedAndRedone() throws Exception {
        StageStore store = new StageStore(tmp);
        FileStage broken = new FileStage("two", "v", Map.of());
        broken.fail = true;
        assertThatThrownBy(() -> store.run(broken, progress)).hasMessageContaining("killed");
        Path dir = store.dirOf("two", StageKey.of(broken.settings(), Map.of()));
        assertThat(dir.resolve("partial.txt")).exists();
        assertThat(dir.resolve(StageRecord.FILE)).as("no marker: unfinished").doesNotExist();
        Files.writeString(dir.resolve("stale.txt"), "left by a killed run");

        FileStage fixed = new FileStage("two", "v", Map.of());
        StageStore.Done<String> done = store.run(fixed, progress);
        assertThat(done.cached()).isFalse();
        assertThat(fixed.runs).hasValue(1);
        assertThat(dir.resolve("stale.txt")).as("redone from an empty directory").doesNotExist();
        assertThat(dir.resolve(StageRecord.FILE)).exists();
    }

    @Test
    void aResumableStageKeepsWhatItsUnfinishedDirectoryHolds() throws Exception {
        StageStore store = new StageStore(tmp);
        FileStage stage = new FileStage("three", "v", Map.of());
        stage.resumable = true;
        Path dir = store.dirOf("three", StageKey.of(stage.settings(), Map.of()));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("checkpoint"), "epoch 3");
        store.run(stage, progress);
        assertThat(dir.resolve("checkpoint")).hasContent("epoch 3");
        assertThat(log.toString()).contains("three (writes v, resuming)");
    }

    @Test
    void aTwinWithTheSameKeyIsCopiedInsteadOfRun() throws Exception {
        StageStore store = new StageStore(tmp);
        FileStage first = new FileStage("probe-clean-a-s0", "same", Map.of());
        store.run(first, progress);
        FileStage twin = new FileStage("probe-clean-b-s0", "same", Map.of());
        StageStore.Done<String> done = store.run(twin, progress);
        assertThat(twin.runs).hasValue(0);
        assertThat(done.output()).isEqualTo("same");
        assertThat(done.dir().getFileName().toString()).startsWith("probe-clean-b-s0-");
        assertThat(done.dir().resolve(StageRecord.FILE)).exists();
    }

    @Test
    void theProgressLineCountsStagesAndGivesAnEtaOnceTrainingWasMeasured() {
        RunProgress p = new RunProgress(new PrintWriter(log, true), 3, 3000);
        FileStage a = new FileStage("a", "1", Map.of()) {
            @Override
            public long imageEpochs() {
                return 1000;
            }
        };
        p.starting(a, false);
        assertThat(log.toString()).contains("[1/3] a (writes 1), run ETA unknown");
        p.trained(1000, 10);
        p.finished(a, 10);
        p.starting(a, false);
        assertThat(log.toString()).contains("[2/3] a (writes 1), run ETA 20 s");
        assertThat(RunProgress.duration(3 * 3600 + 5 * 60)).isEqualTo("3 h 05 min");
    }
}
