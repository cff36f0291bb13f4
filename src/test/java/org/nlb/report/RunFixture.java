package org.nlb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nlb.artefact.Stat;
import org.nlb.data.Dataset;
import org.nlb.data.Labels;
import org.nlb.data.PretrainSplit;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;

/**
 * Writes a run directory as {@code nlb run} would (the run contract, DESIGN §7), from made-up
 * numbers: results.json, run.json, config, the split's pretrain.npy, the attacker's features
 * (class clusters), each selector's poison.json (a share {@code ccr} of its target class),
 * metrics.json of victim and clean encoder (confusion matrices that match the ASRs) and log.csv
 * of every encoder. Lets the report be tested without training anything.
 */
final class RunFixture {
    static final int FEATURE_DIM = 16;
    static final int EPOCHS = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One selector's made-up outcome.
     *
     * @param asr linear-probe ASR on the victim, one per seed
     * @param asrClean ASR of the trigger on the clean encoder, one per seed
     * @param ccr share of the poison set in the target class
     * @param target the target class
     */
    record Outcome(String name, double[] asr, double[] asrClean, double ccr, int target) {
        static Outcome of(String name, double asr, double asrClean, double ccr, int target) {
            return new Outcome(name, new double[] {asr}, new double[] {asrClean}, ccr, target);
        }
    }

    private RunFixture() {}

    /** Writes the run directory {@code dir} for {@code data} (read with {@code spec}) and returns it. */
    static Path write(Path dir, String spec, Dataset data, long[] seeds, List<Outcome> outcomes) {
        try {
            return writeUnchecked(dir, spec, data, seeds, outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeUnchecked(Path dir, String spec, Dataset data, long[] seeds, List<Outcome> outcomes)
            throws IOException {
        Labels trainLabels = data.train().labels().orElseThrow();
        List<String> names = trainLabels.classNames();
        int classes = names.size();
        PretrainSplit split = PretrainSplit.draw(data.train().size(), 0.9, 0);
        int n = split.pretrain().length;
        int budget = (int) Math.floor(0.6 * n / classes);
        Files.createDirectories(dir.resolve("stages/split-000000000000"));
        Npy.write(dir.resolve("stages/split-000000000000/pretrain.npy"), NpyArray.indices(split.pretrain()));
        int[] pretrainLabels = trainLabels.subset(split.pretrain()).values();

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("data", spec);
        config.put("method", "simclr");
        config.put("epochs", EPOCHS);
        config.put("selectors", outcomes.stream().map(Outcome::name).toList());
        config.put("seeds", seeds);

        List<Object> runs = new ArrayList<>();
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("split", 0.4);
        for (int s = 0; s < seeds.length; s++) {
            long seed = seeds[s];
            String clean = "stages/pretrain-clean-s" + seed + "-aaaaaaaaaaaa";
            writeLog(dir.resolve(clean), 6.0, seed);
            String features = "stages/features-s" + seed + "-bbbbbbbbbbbb/features.npy";
            writeFeatures(dir.resolve(features), pretrainLabels, classes, seed);
            stages.put("pretrain-clean-s" + seed, 300.0 + seed);
            stages.put("features-s" + seed, 12.5);
            Map<String, Object> perSelector = new LinkedHashMap<>();
            for (Outcome o : outcomes) {
                String key = o.name() + "-s" + seed;
                String poison = "stages/select-" + key + "-cccccccccccc/poison.json";
                double ccr = writePoison(dir.resolve(poison), o, pretrainLabels, classes, budget, seed, names);
                String victim = "stages/victim-" + key + "-dddddddddddd";
                writeLog(dir.resolve(victim), 6.1, seed + o.name().hashCode());
                String metrics = "stages/probe-" + key + "-eeeeeeeeeeee/metrics.json";
                String cleanMetrics = "stages/probe-clean-" + key + "-ffffffffffff/metrics.json";
                writeMetrics(dir.resolve(metrics), o.asr()[s], o.target(), data.test().labels().orElseThrow());
                writeMetrics(dir.resolve(cleanMetrics), o.asrClean()[s], o.target(), data.test().labels().orElseThrow());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("poison", poison);
                entry.put("victim", victim);
                entry.put("metrics", metrics);
                entry.put("clean_metrics", cleanMetrics);
                entry.put("target", o.target());
                entry.put("ccr", ccr);
                entry.put("linear", plain(probe(o, s, 1.0)));
                entry.put("knn", plain(probe(o, s, 0.9)));
                perSelector.put(o.name(), entry);
                stages.put("select-" + key, 2.5);
                stages.put("victim-" + key, 310.0);
                stages.put("probe-" + key, 20.0);
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seed", seed);
            run.put("attacker", Map.of("encoder", clean, "features", features, "pretrain_seconds", 300.0));
            run.put("clean", Map.of("encoder", clean));
            run.put("selectors", perSelector);
            runs.add(run);
        }

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("nlb_version", "test");
        results.put("preset", "quick");
        results.put("config", config);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("spec", spec);
        dataset.put("channels", data.train().channels());
        dataset.put("height", data.train().height());
        dataset.put("width", data.train().width());
        dataset.put("pretrain", n);
        dataset.put("downstream", split.downstream().length);
        dataset.put("test", data.test().size());
        dataset.put("classes", classes);
        dataset.put("class_names", names);
        results.put("dataset", dataset);
        results.put("seeds", seeds);
        results.put("trigger", Map.of("kind", "checkerboard-center", "alpha", 1.0, "size", 3));
        results.put("budget", budget);
        results.put("rate", 0.6);
        results.put("assumed_classes", classes);
        results.put("poison_share", (double) budget / n);
        results.put("feature_space", "backbone");
        results.put("clean", Map.of("linear", Map.of("clean_acc", stat(repeat(0.82, seeds.length))),
                "knn", Map.of("clean_acc", stat(repeat(0.80, seeds.length)))));
        Map<String, Object> selectors = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            Map<String, Object> sel = new LinkedHashMap<>();
            sel.put("ccr", stat(repeat(o.ccr(), seeds.length)));
            sel.put("targets", repeatInt(o.target(), seeds.length));
            sel.put("target", o.target());
            sel.put("linear", statProbe(o, 1.0, seeds.length));
            sel.put("knn", statProbe(o, 0.9, seeds.length));
            sel.put("trigger_geometry", geometry(o.asr()));
            sel.put("trigger_geometry_clean_encoder", geometry(o.asrClean()));
            sel.put("seconds", Map.of("select", stat(repeat(2.5, seeds.length)),
                    "victim_pretrain", stat(repeat(310.0, seeds.length)), "probe", stat(repeat(20.0, seeds.length))));
            selectors.put(o.name(), sel);
        }
        results.put("selectors", selectors);
        results.put("runs", runs);
        results.put("timings", Map.of("total_seconds", stages.values().stream().mapToDouble(Double::doubleValue).sum(),
                "stages", stages));
        JSON.writeValue(dir.resolve("results.json").toFile(), results);
        Map<String, Object> runJson = new LinkedHashMap<>();
        runJson.put("nlb_version", "test");
        runJson.put("java", "17");
        runJson.put("command", List.of("nlb", "run", "--preset", "quick", "--out", dir.getFileName().toString()));
        runJson.put("started", "2025-01-01T10:00:00Z");
        runJson.put("finished", "2025-01-01T11:00:00Z");
        JSON.writeValue(dir.resolve("run.json").toFile(), runJson);
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
        return dir;
    }

    /** The per-probe numbers of seed {@code s}; kNN's ASRs are {@code scale} times the linear ones. */
    private static Map<String, Double> probe(Outcome o, int s, double scale) {
        double asr = o.asr()[s] * scale;
        double asrClean = o.asrClean()[s] * scale;
        double cleanAcc = scale == 1.0 ? 0.80 : 0.78;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("clean_acc", cleanAcc);
        m.put("poison_acc", cleanAcc * (1 - asr));
        m.put("asr", asr);
        m.put("clean_to_target", 0.02);
        m.put("asr_clean_encoder", asrClean);
        m.put("backdoor", asr - asrClean);
        m.put("clean_acc_drop", (scale == 1.0 ? 0.82 : 0.80) - cleanAcc);
        return m;
    }

    private static Map<String, Object> statProbe(Outcome o, double scale, int seeds) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : probe(o, 0, scale).keySet()) {
            double[] values = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                values[s] = probe(o, s, scale).get(key);
            }
            out.put(key, stat(values));
        }
        return out;
    }

    private static Map<String, Object> plain(Map<String, Double> m) {
        return new LinkedHashMap<>(m);
    }

    static Map<String, Object> stat(double[] values) {
        Stat s = Stat.of(values);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("std", s.std());
        m.put("values", values);
        return m;
    }

    /** Made-up trigger geometry over the seeds: the pull is a tenth of the ASR, the rest fixed. */
    private static Map<String, Object> geometry(double[] asr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trigger_cosine", stat(repeat(0.95, asr.length)));
        m.put("target_pull", stat(Arrays.stream(asr).map(a -> a / 10).toArray()));
        m.put("triggered_spread", stat(repeat(0.9, asr.length)));
        m.put("clean_spread", stat(repeat(0.85, asr.length)));
        return m;
    }

    private static double[] repeat(double v, int n) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    private static int[] repeatInt(int v, int n) {
        int[] out = new int[n];
        Arrays.fill(out, v);
        return out;
    }

    /** Feature rows near their class's centroid, L2-normalised. */
    private static void writeFeatures(Path file, int[] labels, int classes, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(42 + seed);
        float[][] centroids = new float[classes][FEATURE_DIM];
        for (float[] c : centroids) {
            for (int j = 0; j < FEATURE_DIM; j++) {
                c[j] = (float) gaussian(rng);
            }
        }
        float[] data = new float[labels.length * FEATURE_DIM];
        for (int i = 0; i < labels.length; i++) {
            double norm = 0;
            for (int j = 0; j < FEATURE_DIM; j++) {
                float v = centroids[labels[i]][j] + 0.6f * (float) gaussian(rng);
                data[i * FEATURE_DIM + j] = v;
                norm += v * v;
            }
            for (int j = 0; j < FEATURE_DIM; j++) {
                data[i * FEATURE_DIM + j] /= (float) Math.sqrt(norm);
            }
        }
        Files.createDirectories(file.getParent());
        Npy.write(file, NpyArray.ofFloats(data, labels.length, FEATURE_DIM));
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** A poison set with about {@code ccr} of its images from the target class ("random" draws uniformly). */
    private static double writePoison(Path file, Outcome o, int[] labels, int classes, int budget, long seed,
                                      List<String> names) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed * 31 + o.name().hashCode());
        List<Integer> inTarget = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (labels[i] == o.target() ? inTarget : others).add(i);
        }
        shuffle(inTarget, rng);
        shuffle(others, rng);
        int fromTarget = o.name().equals("random") ? 0 : Math.min(inTarget.size(), (int) Math.round(o.ccr() * budget));
        List<Integer> chosen = new ArrayList<>(inTarget.subList(0, fromTarget));
        List<Integer> rest = o.name().equals("random") ? allShuffled(labels.length, rng) : others;
        for (int k = 0; chosen.size() < budget && k < rest.size(); k++) {
            chosen.add(rest.get(k));
        }
        int[] histogram = new int[classes];
        chosen.forEach(i -> histogram[labels[i]]++);
        int target = 0;
        for (int c = 1; c < classes; c++) {
            target = histogram[c] > histogram[target] ? c : target;
        }
        double ccr = (double) histogram[target] / chosen.size();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", o.name());
        json.put("n", labels.length);
        json.put("budget", chosen.size());
        json.put("indices", chosen);
        json.put("seed", seed);
        json.put("seconds", 2.5);
        json.put("ccr", ccr);
        json.put("target", target);
        json.put("target_name", names.get(target));
        json.put("histogram", histogram);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), json);
        return ccr;
    }

    private static List<Integer> allShuffled(int n, SplittableRandom rng) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        shuffle(all, rng);
        return all;
    }

    private static void shuffle(List<Integer> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** A metrics.json whose triggered confusion sends a share {@code asr} of each non-target row to the target. */
    private static void writeMetrics(Path file, double asr, int target, Labels test) throws IOException {
        int classes = test.classCount();
        int[] counts = test.classCounts();
        int[][] confusion = new int[classes][classes];
        for (int r = 0; r < classes; r++) {
            int toTarget = r == target ? counts[r] : (int) Math.round(asr * counts[r]);
            confusion[r][target] += toTarget;
            confusion[r][r] += counts[r] - toTarget;
        }
        Map<String, Object> linear = new LinkedHashMap<>();
        linear.put("clean_acc", 0.8);
        linear.put("asr", asr);
        linear.put("confusion_triggered", confusion);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", target);
        root.put("probes", Map.of("linear", linear));
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), root);
    }

    /** A log.csv whose loss falls from {@code start} over {@link #EPOCHS} epochs. */
    private static void writeLog(Path encoderDir, double start, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("epoch,step,loss,lr,images_per_s,seconds\n");
        double loss = start;
        for (int e = 1; e <= EPOCHS; e++) {
            loss = loss * 0.85 + 0.05 * rng.nextDouble();
            csv.append(String.format(java.util.Locale.ROOT, "%d,%d,%.6f,%.6g,%.1f,%.2f%n", e, e * 10, loss, 0.4, 900.0,
                    60.0 * e));
        }
        Files.createDirectories(encoderDir);
        Files.writeString(encoderDir.resolve("log.csv"), csv.toString());
    }
}
