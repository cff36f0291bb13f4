package org.nlb.poison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlb.io.BadInputException;

/** Reading and checking a selector's poison.json (DESIGN §7). */
class PoisonFileTest {
    @TempDir
    Path tmp;

    private Path write(String json) throws Exception {
        return Files.writeString(tmp.resolve("poison.json"), json);
    }

    @Test
    void readsTheFieldsOfASelectorsFile() throws Exception {
        Path file = write("{\"strategy\": \"contrastive\", \"n\": 10, \"budget\": 3, \"indices\": [7, 0, 4],"
                + " \"anchor\": 7, \"seed\": 12, \"seconds\": 0.5, \"ccr\": 0.66, \"target\": 1}");
        PoisonFile p = PoisonFile.read(file);
        assertThat(p.n()).isEqualTo(10);
        assertThat(p.indices()).containsExactly(7, 0, 4);
        assertThat(p.strategy()).contains("contrastive");
        assertThat(p.seed()).contains(12L);
        assertThat(PoisonFile.read(write("{\"n\": 2, \"indices\": [1]}")).seed()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"n\": 10, \"indices\": [1, 10]}                 | indices[1] = 10 is outside 0..9 (n = 10)",
        "{\"n\": 10, \"indices\": [-1]}                    | indices[0] = -1 is outside 0..9",
        "{\"n\": 10, \"indices\": [3, 5, 3]}               | index 3 is listed twice (indices[0] and indices[2])",
        "{\"n\": 10, \"indices\": [1.5]}                   | indices[0] is 1.5, not a whole number",
        "{\"n\": 10, \"indices\": [\"2\"]}                 | indices[0] is \"2\", not a whole number",
        "{\"n\": 10, \"indices\": []}                      | \"indices\" is empty",
        "{\"n\": 10}                                       | \"indices\" is missing or not a list",
        "{\"indices\": [1]}                                | \"n\" is missing",
        "{\"n\": 0, \"indices\": [0]}                      | \"n\" must be at least 1",
        "{\"n\": 10, \"budget\": 3, \"indices\": [1, 2]}   | \"budget\" is 3 but 2 indices are listed",
        "{\"n\": 10, \"seed\": \"x\", \"indices\": [1]}    | \"seed\" is \"x\", not a whole number",
        "[1, 2, 3]                                         | expected a JSON object",
        "{\"n\": 10, \"indices\": [1, 2]                   | not valid JSON",
        "{\"n\": 10, \"n\": 11, \"indices\": [1]}          | not valid JSON: Duplicate field 'n'",
        "{\"n\": 10, \"indices\": [1]} {}                  | not valid JSON",
        "''                                                | is empty, expected JSON",
    })
    void badContentIsReportedAgainstTheFile(String json, String problem) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> PoisonFile.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("nope.json");
        assertThatThrownBy(() -> PoisonFile.read(missing))
                .isInstanceOf(BadInputException.class).hasMessage(missing + ": not found");
    }
}
