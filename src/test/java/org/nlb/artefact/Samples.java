package org.nlb.artefact;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Artefact records as the writers build them, with every optional part and undefined figures. */
final class Samples {
    private Samples() {}

    static Stat stat(double... values) {
        return Stat.of(values);
    }

    static ProbeValues values(double asr, double cleanAsr) {
        return new ProbeValues(0.8, 0.7, asr, 0.02, cleanAsr, asr - cleanAsr, 0.01);
    }

    static ProbeStats stats(double asr1, double asr2, List<EpochStats> byEpoch) {
        return new ProbeStats(stat(0.8, 0.82), stat(0.7, 0.71), stat(asr1, asr2), stat(0.02, Double.NaN),
                stat(0.05, 0.04), stat(asr1 - 0.05, asr2 - 0.04), stat(0.01, -0.01), byEpoch);
    }

    static GeometryStats geometry() {
        return new GeometryStats(stat(0.99, 0.98), stat(0.01, Double.NaN), stat(0.9, 0.91), stat(0.85, 0.86));
    }

    static RunResults results() {
        List<EpochStats> epochs = List.of(EpochStats.at(2, stats(0.3, 0.4, null)), EpochStats.at(5, stats(0.6, 0.7, null)));
        Map<String, SelectorSummary> selectors = new LinkedHashMap<>();
        selectors.put("contrastive", new SelectorSummary("contrastive", stat(0.9, 0.8), List.of(7, 7), 7,
                stats(0.6, 0.7, epochs), stats(0.5, 0.4, epochs), geometry(), geometry(),
                new SelectorSummary.Seconds(stat(1.5, 1.6), stat(300, 310), stat(20, 21))));
        selectors.put("random", new SelectorSummary("random", stat(0.1, 0.2), List.of(3, 5), 3,
                stats(Double.NaN, 0.05, null), stats(0.02, 0.03, null), geometry(), geometry(),
                new SelectorSummary.Seconds(stat(0.1, 0.1), stat(300, 305), stat(20, 20))));
        List<SeedResults> runs = List.of(seed(0L), seed(1L));
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("split", 0.4);
        stages.put("pretrain-clean-s0", 300.5);
        return new RunResults("0.1.0", "quick", config(), dataset(), List.of(0L, 1L),
                new TriggerBlock("checkerboard-center", Map.of("alpha", 1.0, "size", 3, "position", List.of(2, 3),
                        "seed", 7L)), 600, 0.6, 10, 0.06, "backbone",
                new RunResults.SplitFiles("stages/split-a/pretrain.npy", "stages/split-a/downstream.npy"),
                new Probes<>(ProbeStats.cleanAccuracy(stat(0.85, 0.86)), ProbeStats.cleanAccuracy(stat(0.8, Double.NaN))),
                selectors, runs, new RunResults.Timings(1234.5, 1300.25, stages));
    }

    static com.fasterxml.jackson.databind.JsonNode config() {
        return Artefacts.readObject("{\"pretrain\": {\"method\": \"simclr\", \"victim_epochs\": 5}, \"seeds\": 2}"
                .getBytes(StandardCharsets.UTF_8));
    }

    static DatasetInfo dataset() {
        return new DatasetInfo("fashion-mnist", 1, 28, 28, 10000, 6000, 10000, 3, List.of("a", "b", "c"));
    }

    private static SeedResults seed(long seed) {
        GeometryValues g = new GeometryValues(0.99, Double.NaN, 0.9, 0.85, null);
        List<SeedResults.Epoch> epochs = List.of(new SeedResults.Epoch(2, "m2", "c2", values(0.3, 0.05), values(0.2, 0.05)),
                new SeedResults.Epoch(5, "m", "c", values(0.6, 0.05), values(0.5, 0.04)));
        Map<String, SeedResults.Selector> selectors = new LinkedHashMap<>();
        selectors.put("contrastive", new SeedResults.Selector("contrastive", "stages/select/poison.json", "stages/victim",
                "m", "c", 7, 0.9, values(0.6, 0.05), values(0.5, 0.04), g, g, epochs));
        selectors.put("random", new SeedResults.Selector("random", "p", "v", "m", "c", 3, 0.1, values(Double.NaN, 0.05),
                values(0.02, 0.01), g, GeometryValues.UNDEFINED, null));
        return new SeedResults(seed, new SeedResults.Attacker("stages/clean", "stages/features/features.npy", 300.5),
                new SeedResults.Clean("stages/clean"), selectors);
    }

    /** A metrics.json with a trigger (both probes, an undefined ASR) or without one (linear only). */
    static ProbeMetrics metrics(boolean triggered) {
        ProbeMetrics.LinearSettings linear = new ProbeMetrics.LinearSettings("multinomial logistic regression", "adamw",
                "cosine, no warm-up", 100, 256, 0.1, 1e-4, "center", 0);
        ProbeMetrics.KnnSettings knn = new ProbeMetrics.KnnSettings("cosine", 20, 0.07, "exp(similarity / temperature)");
        ProbeMetrics.Result<ProbeMetrics.LinearSettings> l = triggered
                ? new ProbeMetrics.Result<>(linear, 1.0, 0.9, 0.5, Double.NaN, 0.0, 0, List.of(List.of(3, 1), List.of(0, 4)), 1.5)
                : new ProbeMetrics.Result<>(linear, 1.0, 0.9, null, null, null, null, null, 1.5);
        ProbeMetrics.Result<ProbeMetrics.KnnSettings> k = triggered
                ? new ProbeMetrics.Result<>(knn, 0.95, 0.85, 0.4, 0.3, 0.02, 40, List.of(List.of(4, 0), List.of(1, 3)), 0.5)
                : null;
        return new ProbeMetrics(new ProbeMetrics.Encoder("enc", "small", 1, List.of(4, 8), 8, 10, 10, "simclr", 5, 0L, null),
                new ProbeMetrics.Data("idx:data", triggered ? "downstream.npy" : null, 60, "the train images", 30, 2,
                        List.of("a", "b")), new ProbeMetrics.Features(true, 256),
                triggered ? new ProbeMetrics.Trigger("checkerboard-center", Map.of("alpha", 1.0)) : null,
                triggered ? 1 : null, triggered ? new GeometryValues(0.98, Double.NaN, 0.8, 0.7, "backbone") : null,
                new ProbeMetrics.Probes(l, k), new ProbeMetrics.Timings(1.0, 2.0, 3.5), "0.1.0");
    }

    static SweepResults sweep() {
        RunResults r = results();
        Map<String, SweepResults.Selector> selectors = new LinkedHashMap<>();
        r.selectors().forEach((name, s) -> selectors.put(name, SweepResults.Selector.of(s)));
        SweepResults.Point point = new SweepResults.Point("rate-0.6", "simclr", 0.6, "points/rate-0.6",
                "points/rate-0.6/results.json", "points/rate-0.6/report.html", 600, 10000, 0.06, r.clean(), selectors);
        return new SweepResults("0.1.0", "quick", null, List.of("nlb", "sweep"), "2025-01-01T00:00:00Z",
                "2025-01-01T01:00:00Z", new SweepResults.Grid(List.of(0.6), List.of("simclr"), true, false),
                r.dataset(), r.seeds(), 10, List.of("contrastive", "random"), "stages", List.of(point));
    }
}
