package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nlb.eval.TriggerGeometry;
import org.nlb.report.Stat;

/**
 * Turns the per-seed outcomes into results.json's figures (run contract): per selector and probe,
 * {@code clean_acc}, {@code poison_acc}, {@code asr}, {@code clean_to_target}, and the figures
 * DESIGN §4 reads them against — {@code asr_clean_encoder} (the same trigger and target on the
 * clean encoder), {@code backdoor = asr − asr_clean_encoder} and {@code clean_acc_drop} (the clean
 * encoder's clean accuracy minus the victim's) — each as mean ± std over the seeds; and the
 * trigger's geometry in the victim's and the clean encoder's features ({@link TriggerGeometry}). Pure: numbers
 * in, JSON out. Each figure over the seeds is a {@link Stat}, the record the report reads back.
 */
final class ResultsAggregator {
    static final List<String> PROBES = List.of("linear", "knn");
    /** The trigger's geometry in the victims' features, and in the clean encoder's (the control). */
    static final String GEOMETRY = "trigger_geometry";
    static final String GEOMETRY_CLEAN = "trigger_geometry_clean_encoder";

    private ResultsAggregator() {}

    /** A victim's figures against the clean encoder's with the same trigger and target, keys in report order. */
    static Map<String, Double> figures(ProbeFigures victim, ProbeFigures clean) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("clean_acc", victim.cleanAcc());
        m.put("poison_acc", victim.poisonAcc());
        m.put("asr", victim.asr());
        m.put("clean_to_target", victim.cleanToTarget());
        m.put("asr_clean_encoder", clean.asr());
        m.put("backdoor", victim.asr() - clean.asr());
        m.put("clean_acc_drop", clean.cleanAcc() - victim.cleanAcc());
        return m;
    }

    /** The plain numbers of one selector in one seed, as in results.json's {@code runs}. */
    static ObjectNode figuresJson(ProbeFigures victim, ProbeFigures clean) {
        ObjectNode o = RunJson.JSON.createObjectNode();
        figures(victim, clean).forEach((k, v) -> putNumber(o, k, v));
        return o;
    }

    /** {@code {"linear": {"clean_acc": STAT}, "knn": {…}}} of the clean encoder over the seeds. */
    static ObjectNode clean(List<SeedRun> runs) {
        ObjectNode o = RunJson.JSON.createObjectNode();
        o.putObject("linear").set("clean_acc", json(stat(runs, r -> r.selectors().get(0).cleanLinear().cleanAcc())));
        o.putObject("knn").set("clean_acc", json(stat(runs, r -> r.selectors().get(0).cleanKnn().cleanAcc())));
        return o;
    }

    /** results.json's {@code selectors}: every selector of {@code order}, in that order. */
    static ObjectNode selectors(List<SeedRun> runs, List<String> order) {
        ObjectNode all = RunJson.JSON.createObjectNode();
        for (String name : order) {
            List<SeedRun.Selector> per = runs.stream().map(r -> find(r, name)).toList();
            ObjectNode s = all.putObject(name);
            s.set("ccr", json(Stat.of(per.stream().mapToDouble(SeedRun.Selector::ccr).toArray())));
            int[] targets = per.stream().mapToInt(SeedRun.Selector::target).toArray();
            s.set("targets", RunJson.JSON.valueToTree(targets));
            s.put("target", mostCommon(targets));
            s.set("linear", probe(per, SeedRun.Selector::linear, SeedRun.Selector::cleanLinear));
            s.set("knn", probe(per, SeedRun.Selector::knn, SeedRun.Selector::cleanKnn));
            s.set(GEOMETRY, geometry(per, SeedRun.Selector::geometry));
            s.set(GEOMETRY_CLEAN, geometry(per, SeedRun.Selector::cleanGeometry));
            ObjectNode seconds = s.putObject("seconds");
            seconds.set("select", json(Stat.of(per.stream().mapToDouble(SeedRun.Selector::selectSeconds).toArray())));
            seconds.set("victim_pretrain", json(Stat.of(per.stream().mapToDouble(SeedRun.Selector::victimSeconds).toArray())));
            seconds.set("probe", json(Stat.of(per.stream().mapToDouble(SeedRun.Selector::probeSeconds).toArray())));
        }
        return all;
    }

    private static ObjectNode probe(List<SeedRun.Selector> per, Function<SeedRun.Selector, ProbeFigures> victim,
                                    Function<SeedRun.Selector, ProbeFigures> clean) {
        return stats(per.stream().map(s -> figures(victim.apply(s), clean.apply(s))).toList());
    }

    /** A selector's {@link TriggerGeometry} over the seeds: one STAT per figure, null where undefined. */
    private static ObjectNode geometry(List<SeedRun.Selector> per, Function<SeedRun.Selector, TriggerGeometry> of) {
        return stats(per.stream().map(s -> of.apply(s).byName()).toList());
    }

    /** One STAT per key over the seeds' figures (each map has the same keys, in the same order). */
    static ObjectNode stats(List<Map<String, Double>> perSeed) {
        ObjectNode o = RunJson.JSON.createObjectNode();
        for (String key : perSeed.get(0).keySet()) {
            o.set(key, json(Stat.of(perSeed.stream().mapToDouble(f -> f.get(key)).toArray())));
        }
        return o;
    }

    /** One seed's geometry as plain numbers, as in results.json's {@code runs}. */
    static ObjectNode geometryJson(TriggerGeometry g) {
        ObjectNode o = RunJson.JSON.createObjectNode();
        g.byName().forEach((k, v) -> putNumber(o, k, v));
        return o;
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

    static SeedRun.Selector find(SeedRun run, String name) {
        return run.selectors().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("seed " + run.seed() + " has no selector " + name));
    }

    private static Stat stat(List<SeedRun> runs, ToDoubleFunction<SeedRun> value) {
        return Stat.of(runs.stream().mapToDouble(value).toArray());
    }

    /**
     * A STAT as results.json gives it: {@code {"mean", "std", "values"}}; an undefined value
     * ({@code NaN}) is {@code null}, in {@code values} too.
     */
    static ObjectNode json(Stat stat) {
        ObjectNode o = RunJson.JSON.createObjectNode();
        putNumber(o, "mean", stat.mean());
        putNumber(o, "std", stat.std());
        ArrayNode v = o.putArray("values");
        for (double x : stat.values()) {
            if (Double.isNaN(x)) {
                v.addNull();
            } else {
                v.add(x);
            }
        }
        return o;
    }

    /** Puts {@code value}, or null when it is undefined. */
    private static void putNumber(ObjectNode o, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
