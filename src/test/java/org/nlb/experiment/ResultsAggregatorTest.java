package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlb.eval.TriggerGeometry;
import org.nlb.report.Stat;

class ResultsAggregatorTest {
    private static SeedRun.Selector selector(String name, int target, double ccr, double asr, double cleanAsr,
                                             double cleanAcc, double cleanEncoderAcc) {
        ProbeFigures victim = new ProbeFigures(cleanAcc, cleanAcc - 0.01, asr, 0.02);
        ProbeFigures clean = new ProbeFigures(cleanEncoderAcc, cleanEncoderAcc - 0.01, cleanAsr, 0.02);
        // the victim's pull grows with the ASR; the clean encoder's geometry was not measured (an old metrics.json)
        TriggerGeometry geometry = new TriggerGeometry(0.9, asr / 10, 0.5 + asr / 2, 0.8);
        return new SeedRun.Selector(name, "p", "v", "m", "c", target, ccr, victim, victim, clean, clean, 1.5, 10, 2,
                geometry, TriggerGeometry.UNDEFINED);
    }

    private static List<SeedRun> threeSeeds() {
        return List.of(
                new SeedRun(0, "a", "f", 5, "a", List.of(selector("contrastive", 7, 0.9, 0.50, 0.10, 0.80, 0.85),
                        selector("random", 3, 0.1, 0.05, 0.04, 0.84, 0.85))),
                new SeedRun(1, "a", "f", 5, "a", List.of(selector("contrastive", 7, 0.8, 0.70, 0.20, 0.82, 0.86),
                        selector("random", 5, 0.2, 0.07, 0.04, 0.85, 0.86))),
                new SeedRun(2, "a", "f", 5, "a", List.of(selector("contrastive", 2, 0.7, 0.60, 0.00, 0.84, 0.87),
                        selector("random", 5, 0.3, Double.NaN, 0.04, 0.86, 0.87))));
    }

    @Test
    void statsAreTheMeanAndTheSampleStandardDeviation() {
        Stat s = Stat.of(0.5, 0.7, 0.6);
        assertThat(s.mean()).isCloseTo(0.6, within(1e-12));
        assertThat(s.std()).isCloseTo(0.1, within(1e-12)); // sqrt((0.01 + 0.01 + 0) / 2)
        assertThat(Stat.of(0.42).std()).isZero();
        Stat undefined = Stat.of(0.2, Double.NaN, 0.4);
        assertThat(undefined.mean()).isCloseTo(0.3, within(1e-12));
        assertThat(ResultsAggregator.json(undefined).get("values").get(1).isNull()).isTrue();
        assertThat(ResultsAggregator.json(Stat.of(Double.NaN)).get("mean").isNull()).isTrue();
    }

    @Test
    void selectorFiguresAreAggregatedOverSeedsWithTheBackdoorMeasuredAgainstTheCleanEncoder() {
        ObjectNode all = ResultsAggregator.selectors(threeSeeds(), List.of("contrastive", "random"));
        assertThat(all.fieldNames()).toIterable().containsExactly("contrastive", "random");
        JsonNode con = all.get("contrastive");
        assertThat(con.get("ccr").get("mean").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(con.get("ccr").get("std").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(con.get("targets")).hasSize(3);
        assertThat(con.get("target").asInt()).isEqualTo(7);
        JsonNode linear = con.get("linear");
        assertThat(linear.fieldNames()).toIterable().containsExactly("clean_acc", "poison_acc", "asr",
                "clean_to_target", "asr_clean_encoder", "backdoor", "clean_acc_drop");
        assertThat(linear.get("asr").get("mean").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(linear.get("asr_clean_encoder").get("mean").asDouble()).isCloseTo(0.1, within(1e-12));
        // backdoor per seed: 0.40, 0.50, 0.60
        assertThat(linear.get("backdoor").get("values").get(0).asDouble()).isCloseTo(0.40, within(1e-12));
        assertThat(linear.get("backdoor").get("mean").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(linear.get("backdoor").get("std").asDouble()).isCloseTo(0.1, within(1e-12));
        // clean_acc_drop per seed: 0.05, 0.04, 0.03
        assertThat(linear.get("clean_acc_drop").get("mean").asDouble()).isCloseTo(0.04, within(1e-12));
        assertThat(con.get("knn").get("backdoor").get("mean").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(con.get("seconds").get("victim_pretrain").get("mean").asDouble()).isEqualTo(10);
    }

    @Test
    void theTriggerGeometryIsAggregatedPerSelectorForTheVictimsAndTheCleanEncoder() {
        JsonNode con = ResultsAggregator.selectors(threeSeeds(), List.of("contrastive")).get("contrastive");
        JsonNode g = con.get("trigger_geometry");
        assertThat(g.fieldNames()).toIterable().containsExactly("trigger_cosine", "target_pull", "triggered_spread",
                "clean_spread");
        // pulls 0.05, 0.07, 0.06; spreads 0.75, 0.85, 0.80
        assertThat(g.get("target_pull").get("mean").asDouble()).isCloseTo(0.06, within(1e-12));
        assertThat(g.get("target_pull").get("std").asDouble()).isCloseTo(0.01, within(1e-12));
        assertThat(g.get("triggered_spread").get("values")).hasSize(3);
        assertThat(g.get("trigger_cosine").get("mean").asDouble()).isCloseTo(0.9, within(1e-12));
        JsonNode control = con.get("trigger_geometry_clean_encoder");
        assertThat(control.get("target_pull").get("mean").isNull()).isTrue();
        assertThat(control.get("target_pull").get("values").get(0).isNull()).isTrue();
        ObjectNode plain = ResultsAggregator.geometryJson(new TriggerGeometry(0.5, Double.NaN, 1, 0.25));
        assertThat(plain.get("trigger_cosine").asDouble()).isEqualTo(0.5);
        assertThat(plain.get("target_pull").isNull()).isTrue();
    }

    @Test
    void anUndefinedAsrIsLeftOutOfTheMean() {
        JsonNode random = ResultsAggregator.selectors(threeSeeds(), List.of("random")).get("random");
        assertThat(random.get("target").asInt()).as("most common of 3, 5, 5").isEqualTo(5);
        JsonNode asr = random.get("linear").get("asr");
        assertThat(asr.get("mean").asDouble()).isCloseTo(0.06, within(1e-12));
        assertThat(asr.get("values").get(2).isNull()).isTrue();
        assertThat(random.get("linear").get("backdoor").get("values").get(2).isNull()).isTrue();
    }

    @Test
    void theCleanEncodersAccuracyIsTakenOncePerSeed() {
        ObjectNode clean = ResultsAggregator.clean(threeSeeds());
        assertThat(clean.get("linear").get("clean_acc").get("mean").asDouble()).isCloseTo(0.86, within(1e-12));
        assertThat(clean.get("knn").get("clean_acc").get("values")).hasSize(3);
    }

    @Test
    void tiesForTheMostCommonTargetGoToTheSmallestClass() {
        assertThat(ResultsAggregator.mostCommon(new int[] {4, 2, 4, 2, 9})).isEqualTo(2);
        assertThat(ResultsAggregator.mostCommon(new int[] {6})).isEqualTo(6);
    }
}
