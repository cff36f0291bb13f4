package org.nlb.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nlb.artefact.SweepResults;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/**
 * The directory of {@code nlb sweep --out DIR} (issue 6): {@code points/<name>/}, one run
 * directory per grid point, {@code stages/}, the one stage store they share, then
 * {@code sweep.json} and {@code sweep.html}. A directory that holds an earlier sweep is
 * continued (its finished stages are reused); anything else that is not empty is refused unless
 * {@code --force}, which empties it first.
 */
final class SweepDirectory {
    static final String POINTS_DIR = "points";
    static final String SWEEP_FILE = SweepResults.FILE;

    private final Path dir;
    private final boolean startOver;

    private SweepDirectory(Path dir, boolean startOver) {
        this.dir = dir;
        this.startOver = startOver;
    }

    /** Checks that {@code out} can hold the sweep and its points; writes nothing. */
    static SweepDirectory check(Path out, boolean force, Iterable<String> pointNames) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out, "exists and is not a directory");
        }
        boolean holdsSweep = Files.isDirectory(out.resolve(POINTS_DIR)) || Files.isRegularFile(out.resolve(SWEEP_FILE));
        if (Files.isDirectory(out) && !holdsSweep && !RunDirectory.isEmpty(out) && !force) {
            throw new BadInputException(out, "is not empty and holds no nlb sweep (no " + POINTS_DIR
                    + "/); choose another --out or use --force to empty it");
        }
        if (!force) {
            for (String name : pointNames) {
                RunDirectory.check(out.resolve(POINTS_DIR).resolve(name), false);
            }
        }
        return new SweepDirectory(out, force && Files.exists(out));
    }

    Path path() {
        return dir;
    }

    Path stages() {
        return dir.resolve(StageStore.STAGES_DIR);
    }

    Path point(String name) {
        return dir.resolve(POINTS_DIR).resolve(name);
    }

    /** Whether {@link #start} continues an earlier sweep in this directory. */
    boolean continues() {
        return !startOver && Files.isDirectory(dir.resolve(POINTS_DIR));
    }

    /** Empties the directory if asked to start over, then makes points/ and stages/. */
    void start() {
        try {
            if (startOver) {
                StageStore.deleteRecursively(dir);
            }
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(dir, e);
        }
        AtomicOutput.ensureDirectory(dir.resolve(POINTS_DIR));
        AtomicOutput.ensureDirectory(stages());
    }

    void writeSweep(SweepResults sweep) {
        JsonArtefacts.write(dir.resolve(SWEEP_FILE), sweep);
    }
}
