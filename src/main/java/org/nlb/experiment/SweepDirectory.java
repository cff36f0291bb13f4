package org.nlb.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nlb.artefact.SweepResults;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/**
 * The directory of {@code nlb sweep --out DIR}: {@code points/<name>/}, one run
 * directory per grid point, {@code stages/}, the one stage store they share, then
 * {@code sweep.json} and {@code sweep.html}. A directory that holds an earlier sweep is
 * continued (its finished stages are reused); anything else that is not empty is refused unless
 * {@code --force}, which replaces it, an earlier sweep included, once the new sweep is complete
 * (DESIGN §7): the sweep is written to the hidden sibling {@link AtomicOutput#replacementOf} and
 * takes DIR's place after sweep.json, so until then DIR is whole. The same command after a kill
 * continues that sibling.
 */
final class SweepDirectory {
    static final String POINTS_DIR = "points";
    static final String SWEEP_FILE = SweepResults.FILE;

    private final Path out;
    private final Path dir;

    /** {@code dir} is where the sweep is written: {@code out}, or its replacement while replacing {@code out}. */
    private SweepDirectory(Path out, Path dir) {
        this.out = out;
        this.dir = dir;
    }

    /** Checks that {@code out} can hold the sweep and its points; writes nothing. */
    static SweepDirectory check(Path out, boolean force, Iterable<String> pointNames) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out, "exists and is not a directory");
        }
        boolean holdsSweep = Files.isDirectory(out.resolve(POINTS_DIR)) || Files.isRegularFile(out.resolve(SWEEP_FILE));
        if (Files.isDirectory(out) && !holdsSweep && !RunDirectory.isEmpty(out) && !force) {
            throw new BadInputException(out, "is not empty and holds no nlb sweep (no " + POINTS_DIR
                    + "/); choose another --out or use --force to replace it");
        }
        if (!force) {
            for (String name : pointNames) {
                RunDirectory.check(out.resolve(POINTS_DIR).resolve(name), false);
            }
        }
        boolean replacing = force && Files.isDirectory(out) && !RunDirectory.isEmpty(out);
        return new SweepDirectory(out, replacing ? AtomicOutput.replacementOf(out) : out);
    }

    /** Where the sweep is written until {@link #complete}. */
    Path path() {
        return dir;
    }

    private boolean replacing() {
        return !dir.equals(out);
    }

    Path stages() {
        return dir.resolve(StageStore.STAGES_DIR);
    }

    Path point(String name) {
        return dir.resolve(POINTS_DIR).resolve(name);
    }

    /** Whether {@link #start} continues an earlier sweep (or an unfinished replacement) in this directory. */
    boolean continues() {
        return Files.isDirectory(dir.resolve(POINTS_DIR));
    }

    /** Makes points/ and stages/; when replacing, first clears what an earlier replacement left before its points/. */
    void start() {
        try {
            if (replacing() && !continues() && Files.exists(dir)) {
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

    /** After {@link #writeSweep}: puts a replacing sweep in its directory's place; returns the sweep's directory. */
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
}
