package org.nlb.poison;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nlb.NlbVersion;
import org.nlb.artefact.Manifest;
import org.nlb.artefact.PoisonFile;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.IndexSubset;
import org.nlb.io.AtomicOutput;
import org.nlb.io.JsonArtefacts;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerOption;

/**
 * Builds the {@code manifest.json} of a poisoned copy ({@link Manifest}, DESIGN §6): which train
 * images carry which trigger, the seeds, and the SHA-256 of every input read and every output file
 * written beside it.
 */
final class PoisonManifest {
    static final String FILE_NAME = Manifest.FILE;

    private PoisonManifest() {}

    /** Everything but the output hashes, which are added when the files exist. */
    static Manifest describe(Dataset data, DatasetSpec output, Path poisonFile, PoisonFile poison,
                             Optional<IndexSubset> subset, int[] trainIndices, TriggerConfig trigger,
                             List<Manifest.FileHash> inputs) {
        return new Manifest(NlbVersion.get(), data.spec().toString(), data.spec().format().prefix(), output.toString(),
                data.train().size(), data.test().size(), poisonFile.toAbsolutePath().normalize().toString(),
                poison.strategy(), subset.map(s -> s.file().toAbsolutePath().normalize().toString()).orElse(null),
                trainIndices.length, Arrays.stream(trainIndices).boxed().toList(),
                subset.isPresent() ? poison.indices() : null, new Manifest.Trigger(trigger.name(), trigger.parameters()),
                new Manifest.Seeds(poison.seed(), trigger.kind().takes(TriggerOption.SEED) ? trigger.seed() : null),
                inputs, null);
    }

    /** Hashes every file already in {@code dir} and writes the manifest there. */
    static void write(Path dir, Manifest description) {
        JsonArtefacts.write(dir.resolve(FILE_NAME), description.withOutputs(FileHashes.under(dir, true)));
    }
}
