package org.nlb.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlb.artefact.GeometryStats;
import org.nlb.artefact.GeometryValues;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.ProbeMetrics;
import org.nlb.artefact.ProbeStats;
import org.nlb.artefact.ProbeValues;
import org.nlb.artefact.Probes;
import org.nlb.artefact.SeedResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultsAggregatorTest {
    private record Outcome(String name, int target, double ccr, double asr, double cleanAsr, double cleanAcc) {}

    /** A probe's figures as metrics.json gives them. */
    private static ProbeMetrics.Result<?> figures(double cleanAcc, double poisonAcc, double asr, double cleanToTarget) {
        return new ProbeMetrics.Result<>(null, Double.NaN, cleanAcc, poisonAcc, asr, cleanToTarget, 100, null, 1);
    }

    /**
     * One seed. Every figure of the kNN monitor differs from the linear probe's (kNN: ASR 0.2 lower,
     * the clean encoder's ASR 0.05 higher, clean accuracy 0.06 and the clean encoder's 0.03 lower,
     * poison accuracy 0.07 lower, no-trigger rate 0.03 against 0.02), so a linear figure that lands
     * under kNN, or the other way round, fails some assertion.
     */
    private static SeedRun seed(long seed, double cleanEncoderAcc, Outcome... outcomes) {
        Map<String, SeedResults.Selector> selectors = new LinkedHashMap<>();
        Map<String, SeedRun.Steps> steps = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            ProbeMetrics.Result<?> linear = figures(o.cleanAcc(), o.cleanAcc() - 0.01, o.asr(), 0.02);
            ProbeMetrics.Result<?> knn = figures(o.cleanAcc() - 0.06, o.cleanAcc() - 0.08, o.asr() - 0.2, 0.03);
            ProbeMetrics.Result<?> cleanLinear = figures(cleanEncoderAcc, cleanEncoderAcc - 0.01, o.cleanAsr(), 0.02);
            ProbeMetrics.Result<?> cleanKnn = figures(cleanEncoderAcc - 0.03, cleanEncoderAcc - 0.04, o.cleanAsr() + 0.05,
                    0.03);
            // the victim's pull grows with the ASR; the clean encoder's geometry was not measured (an old metrics.json)
            GeometryValues geometry = new GeometryValues(0.9, o.asr() / 10, 0.5 + o.asr() / 2, 0.8, null);
            selectors.put(o.name(), new SeedResults.Selector(o.name(), "p", "v", "m", "c", o.target(), o.ccr(),
                    ResultsAggregator.values(linear, cleanLinear), ResultsAggregator.values(knn, cleanKnn), geometry,
                    GeometryValues.UNDEFINED, null));
            steps.put(o.name(), new SeedRun.Steps(1.5, 10, 2));
        }
        return new SeedRun(new SeedResults(seed, new SeedResults.Attacker("a", "f", 5), new SeedResults.Clean("a"),
                selectors), new Probes<>(cleanEncoderAcc, cleanEncoderAcc - 0.03), steps);
    }

    private static List<SeedRun> threeSeeds() {
        return List.of(
                seed(0, 0.85, new Outcome("contrastive", 7, 0.9, 0.50, 0.10, 0.80),
                        new Outcome("random", 3, 0.1, 0.05, 0.04, 0.84)),
                seed(1, 0.86, new Outcome("contrastive", 7, 0.8, 0.70, 0.20, 0.82),
                        new Outcome("random", 5, 0.2, 0.07, 0.04, 0.85)),
                seed(2, 0.87, new Outcome("contrastive", 2, 0.7, 0.60, 0.00, 0.84),
                        new Outcome("random", 5, 0.3, Double.NaN, 0.04, 0.86)));
    }

    @Test
    void statsAreTheMeanAndTheSampleStandardDeviation() {
        Stat s = Stat.of(0.5, 0.7, 0.6);
        assertThat(s.mean()).isCloseTo(0.6, within(1e-12));
        assertThat(s.std()).isCloseTo(0.1, within(1e-12)); // sqrt((0.01 + 0.01 + 0) / 2)
        assertThat(s.n()).isEqualTo(3);
        assertThat(Stat.of(0.42).std()).isZero();
        Stat undefined = Stat.of(0.2, Double.NaN, 0.4);
        assertThat(undefined.mean()).isCloseTo(0.3, within(1e-12));
        assertThat(undefined.values()[1]).isNaN();
        assertThat(Stat.of(Double.NaN).defined()).isFalse();
    }

    @Test
    void selectorFiguresAreAggregatedOverSeedsWithTheBackdoorMeasuredAgainstTheCleanEncoder() {
        Map<String, SelectorSummary> all = ResultsAggregator.selectors(threeSeeds(), List.of("contrastive", "random"));
        assertThat(all.keySet()).containsExactly("contrastive", "random");
        SelectorSummary con = all.get("contrastive");
        assertThat(con.name()).isEqualTo("contrastive");
        assertThat(con.ccr().mean()).isCloseTo(0.8, within(1e-12));
        assertThat(con.ccr().std()).isCloseTo(0.1, within(1e-12));
        assertThat(con.targets()).containsExactly(7, 7, 2);
        assertThat(con.target()).isEqualTo(7);
        ProbeStats linear = con.linear();
        assertThat(linear.asr().mean()).isCloseTo(0.6, within(1e-12));
        assertThat(linear.asrCleanEncoder().mean()).isCloseTo(0.1, within(1e-12));
        // backdoor per seed: 0.50 − 0.10, 0.70 − 0.20, 0.60 − 0.00
        assertThat(linear.backdoor().values()[0]).isCloseTo(0.40, within(1e-12));
        assertThat(linear.backdoor().std()).isCloseTo(0.1, within(1e-12));
        assertThat(linear.byEpoch()).isNull();
        assertThat(con.knn().byEpoch()).isNull();
        assertThat(con.seconds().victimPretrain().mean()).isEqualTo(10);
    }

    @Test
    void eachProbesFiguresLandUnderItsOwnProbeAndNowhereElse() {
        SelectorSummary con = ResultsAggregator.selectors(threeSeeds(), List.of("contrastive")).get("contrastive");
        // victim clean acc 0.80, 0.82, 0.84; clean encoder 0.85, 0.86, 0.87; ASR 0.5, 0.7, 0.6; clean-encoder ASR 0.1, 0.2, 0
        Metric[] metrics = {Metric.CLEAN_ACC, Metric.POISON_ACC, Metric.ASR, Metric.CLEAN_TO_TARGET,
            Metric.ASR_CLEAN_ENCODER, Metric.BACKDOOR, Metric.CLEAN_ACC_DROP};
        Map<Probe, double[]> expected = Map.of(
                Probe.LINEAR, new double[] {0.82, 0.81, 0.60, 0.02, 0.10, 0.50, 0.04},
                Probe.KNN, new double[] {0.76, 0.74, 0.40, 0.03, 0.15, 0.25, 0.07});
        assertThat(metrics).as("every metric is checked").containsExactlyInAnyOrder(Metric.values());
        for (Probe probe : Probe.values()) {
            for (int k = 0; k < metrics.length; k++) {
                assertThat(con.stat(probe, metrics[k]).mean()).as("%s %s", probe, metrics[k])
                        .isCloseTo(expected.get(probe)[k], within(1e-12));
            }
        }
        assertThat(con.linear()).isEqualTo(con.probe(Probe.LINEAR));
        assertThat(con.knn()).isEqualTo(con.probe(Probe.KNN));
    }

    @Test
    void oneSeedsValuesPairTheVictimWithTheCleanEncoderFigureByFigure() {
        ProbeValues v = ResultsAggregator.values(figures(0.81, 0.42, 0.53, 0.07), figures(0.88, 0.86, 0.11, 0.05));
        assertThat(v.cleanAcc()).isEqualTo(0.81);
        assertThat(v.poisonAcc()).isEqualTo(0.42);
        assertThat(v.asr()).isEqualTo(0.53);
        assertThat(v.cleanToTarget()).isEqualTo(0.07);
        assertThat(v.asrCleanEncoder()).isEqualTo(0.11);
        assertThat(v.backdoor()).isEqualTo(0.53 - 0.11);
        assertThat(v.cleanAccDrop()).isEqualTo(0.88 - 0.81);
    }

    @Test
    void theTriggerGeometryIsAggregatedPerSelectorForTheVictimsAndTheCleanEncoder() {
        SelectorSummary con = ResultsAggregator.selectors(threeSeeds(), List.of("contrastive")).get("contrastive");
        GeometryStats g = con.triggerGeometry();
        // pulls 0.05, 0.07, 0.06; spreads 0.75, 0.85, 0.80
        assertThat(g.targetPull().mean()).isCloseTo(0.06, within(1e-12));
        assertThat(g.targetPull().std()).isCloseTo(0.01, within(1e-12));
        assertThat(g.triggeredSpread().values()).hasSize(3);
        assertThat(g.triggerCosine().mean()).isCloseTo(0.9, within(1e-12));
        GeometryStats control = con.triggerGeometryCleanEncoder();
        assertThat(control.targetPull().defined()).isFalse();
        assertThat(control.targetPull().values()[0]).isNaN();
    }

    @Test
    void anUndefinedAsrIsLeftOutOfTheMean() {
        SelectorSummary random = ResultsAggregator.selectors(threeSeeds(), List.of("random")).get("random");
        assertThat(random.target()).as("most common of 3, 5, 5").isEqualTo(5);
        Stat asr = random.linear().asr();
        assertThat(asr.mean()).isCloseTo(0.06, within(1e-12));
        assertThat(asr.values()[2]).isNaN();
        assertThat(random.linear().backdoor().values()[2]).isNaN();
    }

    @Test
    void snapshotsGiveTheFiguresAgainstEpochEndingWithTheFinalEncoders() {
        ProbeMetrics.Result<?> early = figures(0.7, 0.6, 0.2, 0.02);
        ProbeMetrics.Result<?> clean = figures(0.8, 0.7, 0.05, 0.02);
        List<SeedRun> runs = new java.util.ArrayList<>();
        for (double finalAsr : new double[] {0.5, 0.7}) {
            ProbeMetrics.Result<?> last = figures(0.8, 0.5, finalAsr, 0.02);
            List<SeedResults.Epoch> epochs = List.of(
                    new SeedResults.Epoch(2, "m2", "c2", ResultsAggregator.values(early, clean),
                            ResultsAggregator.values(early, clean)),
                    new SeedResults.Epoch(5, "m", "c", ResultsAggregator.values(last, clean),
                            ResultsAggregator.values(last, clean)));
            SeedResults.Selector s = new SeedResults.Selector("kmeans", "p", "v", "m", "c", 1, 0.5,
                    ResultsAggregator.values(last, clean), ResultsAggregator.values(last, clean), GeometryValues.UNDEFINED, GeometryValues.UNDEFINED,
                    epochs);
            runs.add(new SeedRun(new SeedResults(0L, null, null, Map.of("kmeans", s)), new Probes<>(0.8, 0.8),
                    Map.of("kmeans", new SeedRun.Steps(1, 1, 1))));
        }
        ProbeStats linear = ResultsAggregator.selectors(runs, List.of("kmeans")).get("kmeans").linear();
        assertThat(linear.byEpoch()).extracting(e -> e.epoch()).containsExactly(2, 5);
        assertThat(linear.byEpoch().get(0).backdoor().mean()).isCloseTo(0.15, within(1e-12));
        assertThat(linear.byEpoch().get(1).asr()).isEqualTo(linear.asr());
        assertThat(linear.asr().mean()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void theCleanEncodersAccuracyIsTakenOncePerSeed() {
        Probes<ProbeStats> clean = ResultsAggregator.clean(threeSeeds());
        // each seed's clean encoder: 0.85, 0.86, 0.87 linear, 0.03 less for kNN
        assertThat(clean.linear().cleanAcc().mean()).isCloseTo(0.86, within(1e-12));
        assertThat(clean.knn().cleanAcc().mean()).isCloseTo(0.83, within(1e-12));
        assertThat(clean.knn().cleanAcc().values()).hasSize(3);
        assertThat(clean.linear().asr()).isNull();
    }

    @Test
    void tiesForTheMostCommonTargetGoToTheSmallestClass() {
        assertThat(ResultsAggregator.mostCommon(new int[] {4, 2, 4, 2, 9})).isEqualTo(2);
        assertThat(ResultsAggregator.mostCommon(new int[] {6})).isEqualTo(6);
    }
}
