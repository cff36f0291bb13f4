package org.nlb.artefact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every results.json and sweep.json committed under {@code experiments/} reads through the
 * artefact records, and writing the record back gives the same JSON tree: the records lose
 * nothing of what earlier versions wrote.
 */
class CommittedArtefactsTest {
    private static final Path EXPERIMENTS = Path.of("experiments");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    static List<Path> files(String name) throws IOException {
        try (Stream<Path> walk = Files.walk(EXPERIMENTS)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    static List<Path> resultsFiles() throws IOException {
        return files(RunResults.FILE);
    }

    static List<Path> sweepFiles() throws IOException {
        return files(SweepResults.FILE);
    }

    @ParameterizedTest
    @MethodSource("resultsFiles")
    void everyCommittedResultsJsonReadsAndWritesBackUnchanged(Path file) throws IOException {
        assertUnchanged(file, RunResults.class);
    }

    @ParameterizedTest
    @MethodSource("sweepFiles")
    void everyCommittedSweepJsonReadsAndWritesBackUnchanged(Path file) throws IOException {
        assertUnchanged(file, SweepResults.class);
    }

    private static void assertUnchanged(Path file, Class<?> type) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Object record = Artefacts.read(bytes, type);
        JsonNode original = PLAIN.readTree(bytes);
        JsonNode rewritten = PLAIN.readTree(Artefacts.write(record));
        assertThat(rewritten).as(file.toString()).isEqualTo(original);
    }

    @org.junit.jupiter.api.Test
    void theExperimentsHoldResultsAndSweeps() throws IOException {
        assertThat(resultsFiles()).hasSizeGreaterThan(30);
        assertThat(sweepFiles()).isNotEmpty();
    }
}
