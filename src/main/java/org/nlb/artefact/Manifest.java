package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a poisoned copy written by {@code nlb poison} (DESIGN §6): which
 * train images carry which trigger, the seeds, and the SHA-256 of every input read and every
 * output file written beside it. Fields that do not apply are written as {@code null}, except
 * {@code subset_indices}, which is there only with a subset.
 *
 * @param dataset the spec of the data set read
 * @param format its format's prefix
 * @param output the spec that reads the copy back
 * @param trainSize the train images
 * @param testSize the test images
 * @param poisonFile the poison.json, absolute
 * @param strategy the selector that chose the set, if it says
 * @param subset the index file the poison indices are positions in, absolute; {@code null} without one
 * @param poisoned how many train images carry the trigger
 * @param indices their positions in the train set, in poison.json's order
 * @param subsetIndices poison.json's indices, positions in the subset (with a subset only)
 * @param trigger the trigger as pasted
 * @param seeds the selection's and the trigger's seeds
 * @param inputs every file read
 * @param outputs every file written, relative to the copy's directory
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(String nlbVersion, String dataset, String format, String output, int trainSize, int testSize,
                       String poisonFile, String strategy, String subset, int poisoned, List<Integer> indices,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> subsetIndices, Trigger trigger,
                       Seeds seeds, List<FileHash> inputs, List<FileHash> outputs) {
    /** The file name in a poisoned copy's directory. */
    public static final String FILE = "manifest.json";

    public Manifest {
        indices = indices == null ? null : List.copyOf(indices);
        subsetIndices = subsetIndices == null ? null : List.copyOf(subsetIndices);
        inputs = inputs == null ? null : List.copyOf(inputs);
        outputs = outputs == null ? null : List.copyOf(outputs);
    }

    /** The same manifest with the hashes of the files written. */
    public Manifest withOutputs(List<FileHash> written) {
        return new Manifest(nlbVersion, dataset, format, output, trainSize, testSize, poisonFile, strategy, subset, poisoned,
                indices, subsetIndices, trigger, seeds, inputs, written);
    }

    /**
     * One file: its path (as recorded), size and SHA-256 in lower-case hex.
     *
     * @param bytes its size
     */
    public record FileHash(String path, long bytes, String sha256) {}

    /**
     * The seeds.
     *
     * @param selection the selector's, if poison.json gives it
     * @param trigger the trigger's, for triggers that draw at random
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Seeds(Long selection, Long trigger) {}

    /**
     * The trigger: {@code {"name": NAME, ...parameters}}, the parameters of
     * {@code TriggerConfig#parameters()} inline, numbers as in {@link TriggerBlock}.
     */
    public record Trigger(String name, @JsonIgnore Map<String, Object> parameters) {
        private static final String NAME = "name";

        public Trigger {
            parameters = TriggerBlock.normalised(parameters);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Trigger of(Map<String, Object> block) {
            Map<String, Object> rest = new LinkedHashMap<>(block);
            Object name = rest.remove(NAME);
            if (name != null && !(name instanceof String)) {
                throw new MalformedArtefactException(NAME, "is " + name + ", expected a string");
            }
            return new Trigger((String) name, rest);
        }

        @JsonAnyGetter
        Map<String, Object> inline() {
            return parameters;
        }
    }
}
