package org.nlb.experiment;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.nlb.NlbVersion;
import org.nlb.artefact.RunResults;
import org.nlb.compute.KernelSettings;
import org.nlb.data.DatasetSpec;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;
import org.nlb.io.OutputGuard;

/**
 * The run directory of {@code nlb run --out DIR} (run contract): {@code run.json} (versions, the
 * command, start and end), {@code config.json} (the resolved configuration), {@code stages/} and
 * finally {@code results.json}. A directory that holds an earlier run is continued, reusing its
 * finished stages (also with {@code --force}); anything else that is not empty is refused unless
 * {@code --force}, which replaces it with the run once the run is complete (DESIGN §7): the run is
 * written to the hidden sibling {@link AtomicOutput#replacementOf} and takes DIR's place after
 * results.json, so until then DIR is whole. The same command after a kill continues that sibling.
 */
final class RunDirectory {
    static final String RUN_FILE = "run.json";
    static final String CONFIG_FILE = "config.json";
    static final String RESULTS_FILE = RunResults.FILE;

    private final Path out;
    private final Path dir;
    private ObjectNode run;

    /** {@code dir} is where the run is written: {@code out}, or its replacement while replacing {@code out}. */
    private RunDirectory(Path out, Path dir) {
        this.out = out;
        this.dir = dir;
    }

    /**
     * Refuses an {@code out} (of a run or a sweep) that is, holds or lies inside what the
     * configuration reads: the config file, the data set and a trigger image. {@code --force}
     * would replace it, and the run writes its own config.json.
     */
    static void refuseInputs(Path out, ConfigLoader.Loaded loaded) {
        RunConfig config = loaded.config();
        OutputGuard.output(out).file("--config", loaded.configFile())
                .inputs(DatasetSpec.parse(config.data().spec()).inputs())
                .file("attack.trigger.image", config.attack().trigger().config().image())
                .check();
    }

    /** Checks that {@code out} can hold this run; writes nothing. */
    static RunDirectory check(Path out, boolean force) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out, "exists and is not a directory");
        }
        boolean holdsRun = Files.isRegularFile(out.resolve(RUN_FILE));
        if (Files.isDirectory(out) && !holdsRun && !isEmpty(out) && !force) {
            throw new BadInputException(out, "is not empty and holds no nlb run (no " + RUN_FILE
                    + "); choose another --out or use --force to replace it");
        }
        // an earlier run is always continued, with or without --force: the same command after a
        // kill must continue, and stale stages are never reused (their keys differ)
        boolean replacing = force && Files.isDirectory(out) && !holdsRun && !isEmpty(out);
        return new RunDirectory(out, replacing ? AtomicOutput.replacementOf(out) : out);
    }

    /** Where the run is written until {@link #complete}. */
    Path path() {
        return dir;
    }

    private boolean replacing() {
        return !dir.equals(out);
    }

    /** Whether {@link #start} continues an earlier run in this directory. */
    boolean continues() {
        return Files.isRegularFile(dir.resolve(RUN_FILE));
    }

    /**
     * Writes run.json and config.json; when replacing a foreign directory, first clears what an
     * earlier replacement that never wrote its run.json left.
     */
    void start(JsonNode config, String preset, Optional<Path> configFile, List<String> command) {
        try {
            if (replacing() && !continues() && Files.exists(dir)) {
                StageStore.deleteRecursively(dir);
            }
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(dir, e);
        }
        AtomicOutput.ensureDirectory(dir);
        run = RunJson.JSON.createObjectNode();
        run.put("nlb_version", NlbVersion.get());
        run.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        run.put("djl", Engine.getDjlVersion());
        run.put("pytorch", Engine.getInstance().getVersion());
        run.set("kernels", RunJson.JSON.valueToTree(KernelSettings.current().describe()));
        run.set("command", RunJson.JSON.valueToTree(command));
        run.put("started", Instant.now().toString());
        run.putNull("finished");
        run.put("preset", preset);
        if (configFile.isPresent()) {
            run.put("config_file", configFile.get().toString());
        } else {
            run.putNull("config_file");
        }
        RunJson.write(dir.resolve(RUN_FILE), run);
        RunJson.write(dir.resolve(CONFIG_FILE), config);
    }

    void writeResults(RunResults results) {
        JsonArtefacts.write(dir.resolve(RESULTS_FILE), results);
    }

    /** Records the end of the run in run.json. */
    void finish() {
        run.put("finished", Instant.now().toString());
        RunJson.write(dir.resolve(RUN_FILE), run);
    }

    /** After {@link #finish}: puts a replacing run in its directory's place; returns the run's directory. */
    Path complete() {
        if (replacing()) {
            try {
                AtomicOutput.replaceDirectory(dir, out);
            } catch (IOException e) {
                throw AtomicOutput.cannotWrite(out, e);
            }
        }
        return out;
    }

    static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
