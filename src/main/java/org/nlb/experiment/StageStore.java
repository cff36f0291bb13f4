package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.nlb.NlbVersion;
import org.nlb.artefact.StageRecord;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/**
 * The stage directories of a run, {@code DIR/stages/<name>-<key>/} (run contract), and the rule
 * that makes a run resumable: a directory is complete exactly when its {@code stage.json} exists,
 * which is written last and atomically. A complete directory whose key matches is reused as it
 * is; an unfinished one is continued when the stage can resume (pretraining, from its checkpoint)
 * and otherwise emptied and redone.
 */
final class StageStore {
    static final String STAGES_DIR = "stages";
    private final Path root;
    private final Path stagesDir;
    private final boolean finishedOnly;

    StageStore(Path runDir) {
        this(runDir, runDir.resolve(STAGES_DIR));
    }

    /**
     * A store outside the run directory: the points of {@code nlb sweep} share one, so a stage
     * whose key the points share (the split, the clean encoder, its features) is done once.
     * Keys make that safe: equal keys mean equal settings and inputs.
     *
     * @param runDir the run directory that results.json's relative paths start from
     * @param stagesDir where the stage directories are
     */
    StageStore(Path runDir, Path stagesDir) {
        this(runDir, stagesDir, false);
    }

    private StageStore(Path runDir, Path stagesDir, boolean finishedOnly) {
        this.root = runDir;
        this.stagesDir = stagesDir;
        this.finishedOnly = finishedOnly;
    }

    /**
     * The same store, reading finished stages only: after the lanes, the run reads their stages
     * back, and a stage they did not finish (the code rebuilt during the run) must not be trained
     * quietly in the run's own process.
     */
    StageStore finishedOnly() {
        return new StageStore(root, stagesDir, true);
    }

    /** A finished stage and its outputs. */
    record Done<T>(T output, Path dir, StageKey key, StageRecord record, boolean cached) {
        double seconds() {
            return record.seconds();
        }
    }

    Path dirOf(String name, StageKey key) {
        return stagesDir.resolve(name + "-" + key.value());
    }

    /** The path of {@code file} relative to the run directory, as results.json gives it ({@code ../../stages/…} in a sweep). */
    String relative(Path file) {
        Path from = root.toAbsolutePath().normalize();
        return from.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Reuses the stage's complete directory, or runs the stage (continuing an unfinished one if it can). */
    <T> Done<T> run(Stage<T> stage, RunProgress progress) {
        ObjectNode settings = stage.settings();
        StageKey key = StageKey.of(settings, stage.upstream());
        Path dir = dirOf(stage.name(), key);
        Optional<StageRecord> finished = readRecord(dir);
        if (finished.isPresent()) {
            progress.cached(stage);
            return new Done<>(stage.read(dir), dir, key, finished.get(), true);
        }
        if (finishedOnly) {
            throw new LaneFailedException("stage " + dir.getFileName() + " is not among those the lanes finished (was"
                    + " nlb rebuilt during the run?); the same command continues the run");
        }
        boolean resuming = stage.resumable() && stage.resumesFrom(dir);
        progress.starting(stage, resuming);
        long start = System.nanoTime();
        double seconds;
        Optional<Path> twin = stage.resumable() ? Optional.empty() : finishedTwin(dir, key);
        try {
            if (!stage.resumable() && Files.exists(dir)) {
                deleteRecursively(dir);
            }
            AtomicOutput.ensureDirectory(dir);
            seconds = twin.isPresent() ? copyOutputs(twin.get(), dir) : stage.run(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Double.isNaN(seconds)) {
            seconds = (System.nanoTime() - start) / 1e9;
        }
        Map<String, String> upstream = new LinkedHashMap<>();
        stage.upstream().forEach((name, k) -> upstream.put(name, k.value()));
        StageRecord record = new StageRecord(stage.name(), key.value(), settings, upstream, seconds,
                Instant.now().toString(), NlbVersion.get());
        JsonArtefacts.write(dir.resolve(StageRecord.FILE), record);
        progress.finished(stage, seconds);
        return new Done<>(stage.read(dir), dir, key, record, false);
    }

    /**
     * A complete directory of another stage instance with the same key: equal settings and equal
     * inputs, so equal outputs (the clean encoder's probe for two selectors with the same target).
     */
    private Optional<Path> finishedTwin(Path dir, StageKey key) {
        if (!Files.isDirectory(stagesDir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(stagesDir)) {
            return entries.filter(p -> !p.equals(dir) && p.getFileName().toString().endsWith("-" + key.value()))
                    .filter(p -> readRecord(p).map(r -> key.value().equals(r.key())).orElse(false))
                    .sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies a twin's output files (not its marker); returns NaN: the copy's own wall time is recorded. */
    private static double copyOutputs(Path twin, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(twin)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && !name.equals(StageRecord.FILE) && !name.startsWith(".")) {
                    Path tmp = dir.resolve("." + name + ".copy");
                    Files.copy(f, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        return Double.NaN;
    }

    /** The record of a complete stage directory; empty when it is unfinished or its marker unreadable. */
    static Optional<StageRecord> readRecord(Path dir) {
        Path file = dir.resolve(StageRecord.FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonArtefacts.read(file, StageRecord.class));
        } catch (BadInputException e) {
            return Optional.empty(); // treated as unfinished: the stage is redone
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
