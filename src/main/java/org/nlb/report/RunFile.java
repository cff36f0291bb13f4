package org.nlb.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SeedResults;
import org.nlb.data.DatasetSpec;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;
import org.nlb.io.JsonArtefacts;

/**
 * A run's results.json ({@link RunResults}) and where it was read from: the paths in it are
 * relative to its directory. Reading checks it as the artefact record does (DESIGN §7: every
 * problem a {@link BadInputException} naming the file and the field).
 *
 * @param file the results file
 * @param results its content
 */
record RunFile(Path file, RunResults results) {
    /** The results.json of the run directory {@code dir}. */
    static RunFile read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, Files.exists(dir) ? "is not a directory (expected a run directory)"
                    : "does not exist (expected a run directory from 'nlb run')");
        }
        Path file = dir.resolve(RunResults.FILE);
        if (!Files.exists(file)) {
            throw new BadInputException(file, "is missing: the run has not finished (results.json is written last)");
        }
        return new RunFile(file, JsonArtefacts.read(file, RunResults.class));
    }

    /** A results file by its own path, whatever its name; its paths are relative to its directory. */
    static RunFile readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, Files.exists(file) ? "is not a file (expected a run's results.json)"
                    : "does not exist (expected a run's results.json)");
        }
        return new RunFile(file.toAbsolutePath(), JsonArtefacts.read(file, RunResults.class));
    }

    /** The run directory. */
    Path dir() {
        Path parent = file.getParent();
        return parent != null ? parent : file.toAbsolutePath().getParent();
    }

    /** The seed of one entry of {@code runs}: its own, or its place in the list when the file does not say. */
    long seed(SeedResults entry) {
        return entry.seed() != null ? entry.seed() : results.seedRuns().indexOf(entry);
    }

    /** The entry of {@code selector} in one seed's {@code runs} entry; null when the file has none. */
    static SeedResults.Selector selector(SeedResults entry, String selector) {
        return entry.selectorsByName().get(selector);
    }

    /**
     * What the report reads, for {@link OutputGuard}: this file, the files and encoder directories
     * it names, the {@code stages/} directory the split may be found in, and the data set.
     */
    List<OutputGuard.Input> inputs() {
        List<Path> read = new ArrayList<>(List.of(file, dir().resolve("stages")));
        if (results.split() != null) {
            resolve(results.split().pretrain()).ifPresent(read::add);
        }
        for (SeedResults entry : results.seedRuns()) {
            if (entry.attacker() != null) {
                resolve(entry.attacker().encoder()).ifPresent(read::add);
                resolve(entry.attacker().features()).ifPresent(read::add);
            }
            if (entry.clean() != null) {
                resolve(entry.clean().encoder()).ifPresent(read::add);
            }
            for (SeedResults.Selector s : entry.selectorsByName().values()) {
                for (String p : Arrays.asList(s.poison(), s.victim(), s.metrics(), s.cleanMetrics())) {
                    resolve(p).ifPresent(read::add);
                }
            }
        }
        List<OutputGuard.Input> inputs = new ArrayList<>();
        read.forEach(p -> inputs.add(new OutputGuard.Input("the run's " + p, p, false)));
        try {
            inputs.addAll(DatasetSpec.parse(results.dataset().spec()).inputs());
        } catch (BadInputException e) {
            // a spec that does not parse names no data set the report could read
        }
        return inputs;
    }

    /** A path the file gives, resolved against the run directory; empty when it gives none. */
    Optional<Path> resolve(String relative) {
        return Optional.ofNullable(relative).map(p -> dir().resolve(p).normalize());
    }
}
