package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlb.data.npy.Npy;

/**
 * Agreement with the reference implementation (PKU-ML/nlb {@code main_poison.py}) on the committed
 * fixture written by {@code bench/select/fixture.sh} (PyTorch, {@code bench/select/reference_fixture.py}):
 * per case and strategy a JSON with the features file, budget M, and the reference's anchor, anchor
 * score, poison indices and their similarities to the anchor (float32), and every row's score
 * ({@code .scores.npy}). Same anchor, or a near-tie the lower index wins as DESIGN §2 says; the same
 * poison list except between similarities that differ by less than 1e-6 (DESIGN §2), on the
 * reference's anchor too when the anchors differ; every row's screened score within the window the
 * selector re-scores exactly. Both screening schemes (symmetric and row blocks) must agree.
 *
 * <p>The fixture is part of the test: a missing file fails it, never skips it. Its largest case
 * ({@value #PREFILTER_CASE}, N ≥ 8 · {@link TopSums#SAMPLE}) is the one whose rows go through the
 * prefilter of {@link TopSums} in the row-block screen; {@link #theLargeCaseGoesThroughTheTopSumsPrefilter}
 * checks that they do.
 */
class ReferenceFixtureTest {
    private static final double SIMILARITY_TOLERANCE = 1e-6;
    /** The cases of {@code bench/select/reference_fixture.py}; each has one file per contrastive strategy. */
    private static final List<String> CASES = List.of("gauss-300x32-m15", "gauss-1000x64-m60", "gauss-1000x256-m60",
            "clusters-600x16-m36", "duplicates-400x16-m30", "shuffled-4500x16-m270");
    private static final List<String> STRATEGIES = List.of("contrastive", "contrastive-mean", "contrastive-neg");
    static final String PREFILTER_CASE = "shuffled-4500x16-m270";

    private static Path fixtureDir() throws URISyntaxException {
        URL dir = ReferenceFixtureTest.class.getResource("reference");
        assertThat(dir).as("the reference fixture (src/test/resources/org/nlb/poison/select/reference);"
                + " regenerate it with bench/select/fixture.sh").isNotNull();
        return Path.of(dir.toURI());
    }

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = fixtureDir();
        for (String c : CASES) {
            assertThat(dir.resolve(c + ".npy")).as("features of case %s; run bench/select/fixture.sh", c).isRegularFile();
            for (String s : STRATEGIES) {
                assertThat(dir.resolve(c + "." + s + ".json")).as("run bench/select/fixture.sh").isRegularFile();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return json.stream();
        }
    }

    @Test
    void everyCaseOfTheFixtureIsThere() throws Exception {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(CASES.size() * STRATEGIES.size());
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
        int ourAnchor = ours.anchor().getAsInt();
        ContrastiveScore score = Schemes.scoreOf(strategy);
        double tolerance = score.tolerance(m, SIMILARITY_TOLERANCE);
        FeatureMatrix unit = f.normalised();
        int[] refIndices = ints(ref.get("indices"));
        double[] refValues = doubles(ref.get("values"));
        assertThat(refIndices).as("the reference's poison list").hasSize(m);
        double[] ourRow = ExactRow.similarities(unit, ourAnchor, 1);
        assertThat(ours.indices()).as("our poison list: the M rows most similar to our anchor")
                .containsExactly(ExactRow.largest(ourRow, m));
        if (ourAnchor == refAnchor) {
            assertThat(ours.anchorScore().getAsDouble()).isCloseTo(ref.get("anchor_score").asDouble(), within(tolerance));
            assertSamePoisonList(ours.indices(), ourRow, refIndices, refValues, "ours against the reference's");
            return;
        }
        // Only a near-tie may separate the two anchors: the reference's anchor must score as well as
        // ours, and (DESIGN §2, lowest index on ties) a higher index than its must score strictly better.
        double[] refRow = ExactRow.similarities(unit, refAnchor, 1);
        double[] sums = ExactRow.topSums(refRow, m, score == ContrastiveScore.MEAN ? m : 2 * m);
        double refScore = score.score(sums[0], sums[1], m);
        double ourScore = ours.anchorScore().getAsDouble();
        assertThat(refScore).as("exact score of the reference's anchor %d", refAnchor).isCloseTo(ourScore, within(tolerance));
        if (ourAnchor > refAnchor) {
            assertThat(ourScore).as("our anchor %d over the reference's lower %d: the lower index wins a tie", ourAnchor,
                    refAnchor).isGreaterThan(refScore);
        } else {
            assertThat(ourScore).as("our anchor %d over the reference's %d", ourAnchor, refAnchor)
                    .isGreaterThanOrEqualTo(refScore);
        }
        // The reference's poison list is the poison rule applied to its own anchor.
        assertSamePoisonList(ExactRow.largest(refRow, m), refRow, refIndices, refValues,
                "the poison rule on the reference's anchor against the reference's list");
        if (ourRow[refAnchor] >= 1 - SIMILARITY_TOLERANCE) {
            // the two anchors are one point (duplicate rows): one poison list, up to near-equal similarities
            assertSamePoisonList(ours.indices(), ourRow, refIndices, refValues, "ours against the reference's");
        }
    }

    /**
     * Every row's score as each screen computes it (the row-block screen, through the prefilter of
     * {@link TopSums} for the large case, and the symmetric screen), against the reference's score
     * of that row, within the window {@link ContrastiveSelector} re-scores exactly: a screen that
     * strays further could drop the true anchor before the exact re-scoring, and the end-to-end
     * comparison above can hide a screen error that the re-scoring absorbs.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRowsScreenedScoreIsTheReferences(Path file) throws IOException {
        JsonNode ref = new ObjectMapper().readTree(file.toFile());
        FeatureMatrix unit = FeatureMatrix.read(file.resolveSibling(ref.get("features").asText())).normalised();
        ContrastiveScore score = Schemes.scoreOf(SelectionStrategy.parse(ref.get("strategy").asText()));
        int m = ref.get("budget").asInt();
        int k2 = score == ContrastiveScore.MEAN ? m : 2 * m;
        Path scoresFile = file.resolveSibling(file.getFileName().toString().replace(".json", ".scores.npy"));
        assertThat(scoresFile).as("run bench/select/fixture.sh").isRegularFile();
        float[] expected = Npy.read(scoresFile).toFloats();
        int n = unit.rows();
        assertThat(expected).hasSize(n);
        double tolerance = score.tolerance(m, ContrastiveSelector.SIMILARITY_ERROR);
        double[][] rowBlocks;
        double[][] symmetric;
        try (SimilarityScreen screen = new SimilarityScreen(unit, 2)) {
            rowBlocks = screen.topSums(IntStream.range(0, n).toArray(), m, k2, 0);
            symmetric = new SymmetricScreen(screen, SymmetricScreen.Tuning.DEFAULT).topSums(m, k2, 0);
        }
        for (int i = 0; i < n; i++) {
            assertThat(score.score(rowBlocks[0][i], rowBlocks[1][i], m)).as("row %d, row-block screen", i)
                    .isCloseTo(expected[i], within(tolerance));
            assertThat(score.score(symmetric[0][i], symmetric[1][i], m)).as("row %d, symmetric screen", i)
                    .isCloseTo(expected[i], within(tolerance));
        }
    }

    /**
     * {@code ours} (similarities {@code row}) is the reference's list, except where the two differ
     * between similarities within 1e-6 (DESIGN §2); each reference value is its similarity in
     * {@code row} to within float32 rounding.
     */
    private static void assertSamePoisonList(int[] ours, double[] row, int[] refIndices, double[] refValues,
                                             String what) {
        assertThat(ours).as(what).hasSameSizeAs(refIndices).doesNotHaveDuplicates();
        for (int k = 0; k < refIndices.length; k++) {
            assertThat(row[refIndices[k]]).as("%s: similarity of the reference's position %d", what, k)
                    .isCloseTo(refValues[k], within(SIMILARITY_TOLERANCE));
            if (ours[k] != refIndices[k]) {
                assertThat(row[ours[k]]).as("%s, position %d: ours %d, reference %d", what, k, ours[k], refIndices[k])
                        .isCloseTo(refValues[k], within(SIMILARITY_TOLERANCE));
            }
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).asDouble();
        }
        return out;
    }

    /**
     * The row-block screen hands each row of S, as one float32 product of F and Fᵀ, to
     * {@link TopSums#compute}, which sums the prefilter's kept values instead of the whole row when
     * the row is long enough and at least k2 values were kept. This takes the same product on the
     * same engine and checks that every row of the large case, for both k2 (2M, and M for
     * contrastive-mean), takes that branch.
     */
    @Test
    void theLargeCaseGoesThroughTheTopSumsPrefilter() throws Exception {
        FeatureMatrix unit = FeatureMatrix.read(fixtureDir().resolve(PREFILTER_CASE + ".npy")).normalised();
        int n = unit.rows();
        int m = new ObjectMapper().readTree(fixtureDir().resolve(PREFILTER_CASE + ".contrastive.json").toFile())
                .get("budget").asInt();
        assertThat(n).as("long enough for the prefilter").isGreaterThanOrEqualTo(8 * TopSums.SAMPLE);
        assertThat(SimilarityScreen.autoBlockRows(n, n)).as("one block, as the screen takes it").isEqualTo(n);
        int[] minKept = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] k2s = {2 * m, m};
        try (SimilarityScreen screen = new SimilarityScreen(unit, 1);
             NDManager sub = screen.manager().newSubManager()) {
            NDArray rows = sub.create(unit.data(), new Shape(n, unit.cols()));
            FloatBuffer values = rows.matMul(screen.features().transpose()).toByteBuffer(true).asFloatBuffer();
            TopSums topSums = new TopSums(n);
            float[] row = new float[n];
            for (int r = 0; r < n; r++) {
                values.get(r * n, row, 0, n);
                for (int k = 0; k < k2s.length; k++) {
                    minKept[k] = Math.min(minKept[k], topSums.prefilter(row, 0, n, k2s[k]));
                }
            }
        }
        for (int k = 0; k < k2s.length; k++) {
            assertThat(minKept[k]).as("fewest values kept of a row, k2 = %d of N = %d", k2s[k], n)
                    .isGreaterThanOrEqualTo(k2s[k]).isLessThan(n / 2);
        }
    }
}
