package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with the reference implementation (PKU-ML/nlb {@code main_poison.py}) on the committed
 * fixture written by {@code bench/select/fixture.sh} (PyTorch, {@code bench/select/reference_fixture.py}): one JSON per case with the
 * features file, strategy, budget M, and the reference's anchor, anchor score, poison indices and
 * their similarities to the anchor (float32). Same anchor (or an exact near-tie), and the same
 * poison list except between similarities that differ by less than 1e-6 (DESIGN §2). Both
 * screening schemes (symmetric and row blocks) must give the same answer.
 */
class ReferenceFixtureTest {
    private static final double SIMILARITY_TOLERANCE = 1e-6;

    static Stream<Path> cases() throws IOException, URISyntaxException {
        var dir = ReferenceFixtureTest.class.getResource("reference");
        Assumptions.assumeTrue(dir != null, "no reference fixture; run bench/select/fixture.sh");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return json.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReference(Path file) throws IOException {
        JsonNode ref = new ObjectMapper().readTree(file.toFile());
        FeatureMatrix f = FeatureMatrix.read(file.resolveSibling(ref.get("features").asText()));
        SelectionStrategy strategy = SelectionStrategy.parse(ref.get("strategy").asText());
        int m = ref.get("budget").asInt();
        Selection ours = Schemes.selectEveryWay(strategy, f, m, SelectionOptions.seeded(0));
        int refAnchor = ref.get("anchor").asInt();
        ContrastiveScore score = switch (strategy) {
            case CONTRASTIVE_MEAN -> ContrastiveScore.MEAN;
            case CONTRASTIVE_NEG -> ContrastiveScore.NEGATIVE;
            default -> ContrastiveScore.CONTRASTIVE;
        };
        double tolerance = score.tolerance(m, SIMILARITY_TOLERANCE);
        FeatureMatrix unit = f.normalised();
        if (ours.anchor().getAsInt() != refAnchor) {
            // Only a near-tie may separate the two anchors: the reference's anchor must score as well as ours.
            double[] sums = ExactRow.topSums(ExactRow.similarities(unit, refAnchor, 1), m,
                    score == ContrastiveScore.MEAN ? m : 2 * m);
            assertThat(score.score(sums[0], sums[1], m)).as("exact score of the reference's anchor %d", refAnchor)
                    .isCloseTo(ours.anchorScore().getAsDouble(), within(tolerance));
            return;
        }
        assertThat(ours.anchorScore().getAsDouble()).isCloseTo(ref.get("anchor_score").asDouble(), within(tolerance));
        double[] row = ExactRow.similarities(unit, refAnchor, 1);
        JsonNode indices = ref.get("indices");
        JsonNode values = ref.get("values");
        for (int k = 0; k < m; k++) {
            int got = ours.indices()[k];
            if (got != indices.get(k).asInt()) {
                assertThat(row[got]).as("position %d: ours %d, reference %d", k, got, indices.get(k).asInt())
                        .isCloseTo(values.get(k).asDouble(), within(SIMILARITY_TOLERANCE));
            }
        }
    }
}
