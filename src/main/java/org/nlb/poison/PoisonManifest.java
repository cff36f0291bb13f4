package org.nlb.poison;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlb.NlbVersion;
import org.nlb.artefact.PoisonFile;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.io.AtomicOutput;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerOption;

/**
 * {@code manifest.json} of a poisoned copy (DESIGN §6): which train images carry which trigger,
 * the seeds, and the SHA-256 of every input read and every output file written beside it.
 */
final class PoisonManifest {
    static final String FILE_NAME = "manifest.json";

    private PoisonManifest() {}

    /** Everything but the output hashes, which are added when the files exist. */
    static Map<String, Object> describe(Dataset data, DatasetSpec output, Path poisonFile, PoisonFile poison,
                                        Optional<IndexSubset> subset, int[] trainIndices, TriggerConfig trigger,
                                        List<FileHashes.FileHash> inputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nlb_version", NlbVersion.get());
        m.put("dataset", data.spec().toString());
        m.put("format", data.spec().format().prefix());
        m.put("output", output.toString());
        m.put("train_size", data.train().size());
        m.put("test_size", data.test().size());
        m.put("poison_file", poisonFile.toAbsolutePath().normalize().toString());
        m.put("strategy", poison.strategy());
        m.put("subset", subset.map(s -> s.file().toAbsolutePath().normalize().toString()).orElse(null));
        m.put("poisoned", trainIndices.length);
        m.put("indices", trainIndices);
        if (subset.isPresent()) {
            m.put("subset_indices", poison.indexArray());
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", trigger.name());
        t.putAll(trigger.parameters());
        m.put("trigger", t);
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("selection", poison.seed());
        seeds.put("trigger", trigger.kind().takes(TriggerOption.SEED) ? trigger.seed() : null);
        m.put("seeds", seeds);
        m.put("inputs", inputs);
        return m;
    }

    /** Hashes every file already in {@code dir} and writes the manifest there. */
    static void write(Path dir, Map<String, Object> description) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>(description);
        m.put("outputs", FileHashes.under(dir, true));
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        AtomicOutput.writeString(dir.resolve(FILE_NAME), json + "\n");
    }
}
