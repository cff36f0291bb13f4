package org.nlb.artefact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/** Reading and checking a selector's poison.json (DESIGN §7). */
class PoisonFileTest {
    @TempDir
    Path tmp;

    private Path write(String json) throws Exception {
        return Files.writeString(tmp.resolve("poison.json"), json);
    }

    private static PoisonFile read(Path file) {
        return JsonArtefacts.read(file, PoisonFile.class);
    }

    @Test
    void readsTheFieldsOfASelectorsFile() throws Exception {
        Path file = write("{\"strategy\": \"contrastive\", \"n\": 10, \"budget\": 3, \"indices\": [7, 0, 4],"
                + " \"anchor\": 7, \"seed\": 12, \"seconds\": 0.5, \"ccr\": 0.66, \"target\": 1, \"extra\": true}");
        PoisonFile p = read(file);
        assertThat(p.n()).isEqualTo(10);
        assertThat(p.indexArray()).containsExactly(7, 0, 4);
        assertThat(p.strategy()).isEqualTo("contrastive");
        assertThat(p.seed()).isEqualTo(12L);
        assertThat(p.anchor()).isEqualTo(7);
        assertThat(read(write("{\"n\": 2, \"indices\": [1]}")).seed()).isNull();
    }

    @Test
    void aWrittenFileReadsBackEqualWithRateAndClassesAlwaysWritten() {
        PoisonFile byRate = new PoisonFile("kmeans", 100, 2, 0.6, 10, List.of(5, 9), null, null, 3L, 0.25, 0.5, 1, "one",
                List.of(1, 1, 0), null, 3, List.of(40, 30, 30), 1, null, "features.npy", "labels", "pretrain.npy", "v");
        assertThat(ArtefactRoundTripTest.roundTrip(byRate)).isEqualTo(byRate);
        PoisonFile byCount = new PoisonFile("contrastive", 100, 1, Double.NaN, null, List.of(42), 42, 3.5, 0L, 0.1, null,
                null, null, null, 50, null, null, null, null, "f.npy", null, null, "v");
        assertThat(ArtefactRoundTripTest.roundTrip(byCount)).isEqualTo(byCount);
        var tree = Artefacts.tree(byCount);
        assertThat(tree.get("rate").isNull()).isTrue();
        assertThat(tree.get("classes").isNull()).isTrue();
        assertThat(tree.has("ccr")).isFalse();
        assertThat(tree.get("anchor_sample").asInt()).isEqualTo(50);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"n\": 10, \"indices\": [1, 10]}                 | indices[1] = 10 is outside 0..9 (n = 10)",
        "{\"n\": 10, \"indices\": [-1]}                    | indices[0] = -1 is outside 0..9",
        "{\"n\": 10, \"indices\": [3, 5, 3]}               | index 3 is listed twice (indices[0] and indices[2])",
        "{\"n\": 10, \"indices\": [1.5]}                   | \"indices[0]\" is 1.5, expected a whole number",
        "{\"n\": 10, \"indices\": [\"2\"]}                 | \"indices[0]\" is \"2\", expected a whole number",
        "{\"n\": 10, \"indices\": [null]}                  | \"indices[0]\" is null, expected a whole number",
        "{\"n\": 10, \"indices\": []}                      | \"indices\" is empty",
        "{\"n\": 10}                                       | \"indices\" is missing",
        "{\"n\": 10, \"indices\": 3}                       | \"indices\" is 3, expected a list of whole numbers",
        "{\"indices\": [1]}                                | \"n\" is missing",
        "{\"n\": 0, \"indices\": [0]}                      | \"n\" must be at least 1",
        "{\"n\": 10, \"budget\": 3, \"indices\": [1, 2]}   | \"budget\" is 3 but 2 indices are listed",
        "{\"n\": 10, \"seed\": \"x\", \"indices\": [1]}    | \"seed\" is \"x\", expected a whole number",
        "[1, 2, 3]                                         | expected a JSON object",
        "{\"n\": 10, \"indices\": [1, 2]                   | not valid JSON",
        "{\"n\": 10, \"n\": 11, \"indices\": [1]}          | not valid JSON: Duplicate field 'n'",
        "{\"n\": 10, \"indices\": [1]} {}                  | not valid JSON",
        "''                                                | is empty, expected a JSON object",
    })
    void badContentIsReportedAgainstTheFile(String json, String problem) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("nope.json");
        assertThatThrownBy(() -> read(missing))
                .isInstanceOf(BadInputException.class).hasMessage(missing + ": not found");
    }
}
