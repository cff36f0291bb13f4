package org.nlb.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nlb.artefact.EpochStats;
import org.nlb.artefact.GeometryStats;
import org.nlb.artefact.GeometryValues;
import org.nlb.artefact.Probe;
import org.nlb.artefact.ProbeMetrics;
import org.nlb.artefact.ProbeStats;
import org.nlb.artefact.ProbeValues;
import org.nlb.artefact.Probes;
import org.nlb.artefact.SeedResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;

/**
 * Turns the per-seed outcomes into results.json's figures (run contract): per selector and probe,
 * {@code clean_acc}, {@code poison_acc}, {@code asr}, {@code clean_to_target}, and the figures
 * DESIGN §4 reads them against — {@code asr_clean_encoder} (the same trigger and target on the
 * clean encoder), {@code backdoor = asr − asr_clean_encoder} and {@code clean_acc_drop} (the clean
 * encoder's clean accuracy minus the victim's) — each as a {@link Stat} over the seeds; the
 * trigger's geometry in the victim's and the clean encoder's features; and, with snapshots, the
 * same figures at each epoch. Pure: numbers in, records out.
 */
final class ResultsAggregator {
    private ResultsAggregator() {}

    /**
     * A victim's figures against the clean encoder's with the same trigger and target (metrics.json's
     * {@code probes.<name>}); a probe that was not run gives undefined figures.
     */
    static ProbeValues values(ProbeMetrics.Result<?> victim, ProbeMetrics.Result<?> clean) {
        double asr = victim == null ? Double.NaN : victim.asrOrNaN();
        double cleanAsr = clean == null ? Double.NaN : clean.asrOrNaN();
        double cleanAcc = victim == null ? Double.NaN : victim.cleanAcc();
        return new ProbeValues(cleanAcc, victim == null ? Double.NaN : victim.poisonAccOrNaN(), asr,
                victim == null ? Double.NaN : victim.cleanToTargetOrNaN(), cleanAsr, asr - cleanAsr,
                (clean == null ? Double.NaN : clean.cleanAcc()) - cleanAcc);
    }

    /** The clean encoder's clean accuracy per probe over the seeds. */
    static Probes<ProbeStats> clean(List<SeedRun> runs) {
        return new Probes<>(ProbeStats.cleanAccuracy(stat(runs, r -> r.cleanAccuracy().linear())),
                ProbeStats.cleanAccuracy(stat(runs, r -> r.cleanAccuracy().knn())));
    }

    /** results.json's {@code selectors}: every selector of {@code order}, in that order. */
    static Map<String, SelectorSummary> selectors(List<SeedRun> runs, List<String> order) {
        Map<String, SelectorSummary> all = new LinkedHashMap<>();
        for (String name : order) {
            List<SeedResults.Selector> per = runs.stream().map(r -> r.selector(name)).toList();
            List<SeedRun.Steps> steps = runs.stream().map(r -> r.steps().get(name)).toList();
            int[] targets = per.stream().mapToInt(SeedResults.Selector::target).toArray();
            all.put(name, new SelectorSummary(name, stat(per, SeedResults.Selector::ccr),
                    java.util.Arrays.stream(targets).boxed().toList(), mostCommon(targets),
                    probe(per, Probe.LINEAR), probe(per, Probe.KNN),
                    geometry(per.stream().map(SeedResults.Selector::triggerGeometry).toList()),
                    geometry(per.stream().map(SeedResults.Selector::triggerGeometryCleanEncoder).toList()),
                    new SelectorSummary.Seconds(stat(steps, SeedRun.Steps::select),
                            stat(steps, SeedRun.Steps::victimPretrain), stat(steps, SeedRun.Steps::probe))));
        }
        return all;
    }

    /** One probe's figures over the seeds, with {@code by_epoch} when the seeds probed snapshots. */
    private static ProbeStats probe(List<SeedResults.Selector> per, Probe probe) {
        List<ProbeValues> last = per.stream().map(s -> s.probe(probe)).toList();
        if (per.get(0).byEpoch() == null) {
            return stats(last, null);
        }
        List<EpochStats> epochs = new ArrayList<>();
        for (int k = 0; k < per.get(0).epochs().size(); k++) {
            int at = k;
            epochs.add(EpochStats.at(per.get(0).epochs().get(k).epoch(),
                    stats(per.stream().map(s -> s.epochs().get(at).probe(probe)).toList(), null)));
        }
        return stats(last, epochs);
    }

    /** Each figure's {@link Stat} over the seeds' values. */
    static ProbeStats stats(List<ProbeValues> perSeed, List<EpochStats> byEpoch) {
        return new ProbeStats(stat(perSeed, ProbeValues::cleanAcc), stat(perSeed, ProbeValues::poisonAcc),
                stat(perSeed, ProbeValues::asr), stat(perSeed, ProbeValues::cleanToTarget),
                stat(perSeed, ProbeValues::asrCleanEncoder), stat(perSeed, ProbeValues::backdoor),
                stat(perSeed, ProbeValues::cleanAccDrop), byEpoch);
    }

    /** The trigger geometry over the seeds: one {@link Stat} per figure, undefined where a seed's is. */
    static GeometryStats geometry(List<GeometryValues> perSeed) {
        return new GeometryStats(stat(perSeed, GeometryValues::triggerCosine), stat(perSeed, GeometryValues::targetPull),
                stat(perSeed, GeometryValues::triggeredSpread), stat(perSeed, GeometryValues::cleanSpread));
    }

    /** The value that occurs most often; the smallest on a tie. */
    static int mostCommon(int[] values) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        int best = values[0];
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static <T> Stat stat(List<T> perSeed, ToDoubleFunction<T> value) {
        return Stat.of(perSeed.stream().mapToDouble(value).toArray());
    }
}
