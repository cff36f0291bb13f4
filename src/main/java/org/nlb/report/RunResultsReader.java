package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlb.io.BadInputException;

/**
 * Reads and checks a run directory's {@code results.json} (run contract, issue 6). The fields the
 * report cannot do without ({@code config}, {@code dataset}, {@code seeds}, {@code budget},
 * {@code selectors}) must be there and well-formed; anything else may be missing and only makes
 * its section say so. Every problem is a {@link BadInputException} naming the file and field.
 */
final class RunResultsReader {
    private RunResultsReader() {}

    static RunResults read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, Files.exists(dir) ? "is not a directory (expected a run directory)"
                    : "does not exist (expected a run directory from 'nlb run')");
        }
        Path file = dir.resolve(RunResults.FILE);
        if (!Files.exists(file)) {
            throw new BadInputException(file, "is missing: the run has not finished (results.json is written last)");
        }
        return read(dir, file);
    }

    /** Reads a results file by its own path, whatever its name; its paths are relative to its directory. */
    static RunResults readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, Files.exists(file) ? "is not a file (expected a run's results.json)"
                    : "does not exist (expected a run's results.json)");
        }
        return read(file.toAbsolutePath().getParent(), file);
    }

    private static RunResults read(Path dir, Path file) {
        JsonFields root = new JsonFields(file, JsonFile.readObject(file), "");
        JsonNode config = root.object("config").node();
        long[] seeds = root.longs("seeds");
        if (seeds.length == 0) {
            throw new BadInputException(file, "\"seeds\" is empty");
        }
        JsonFields selectorsField = root.object("selectors");
        if (selectorsField.names().isEmpty()) {
            throw new BadInputException(file, "\"selectors\" is empty: the run has no results to report");
        }
        List<SelectorResult> selectors = new ArrayList<>();
        for (String name : selectorsField.names()) {
            selectors.add(selector(name, selectorsField.object(name)));
        }
        Map<Probe, Stat> clean = new EnumMap<>(Probe.class);
        root.optObject("clean").ifPresent(c -> {
            for (Probe p : Probe.values()) {
                c.optObject(p.key()).ifPresent(probe -> clean.put(p, probe.stat("clean_acc")));
            }
        });
        List<SeedArtefacts> runs = new ArrayList<>();
        JsonNode runList = root.node().get("runs");
        if (runList != null && !runList.isNull()) {
            if (!runList.isArray()) {
                throw new BadInputException(file, "\"runs\" is " + runList.getNodeType().toString().toLowerCase()
                        + ", expected a list");
            }
            for (int k = 0; k < runList.size(); k++) {
                runs.add(seedArtefacts(dir, new JsonFields(file, runList.get(k), "runs[" + k + "]"), file, k));
            }
        }
        double total = Double.NaN;
        Map<String, Double> stages = new LinkedHashMap<>();
        Optional<JsonFields> timings = root.optObject("timings");
        if (timings.isPresent()) {
            total = timings.get().number("total_seconds");
            Optional<JsonFields> st = timings.get().optObject("stages");
            st.ifPresent(s -> s.names().forEach(n -> stages.put(n, s.number(n))));
        }
        return new RunResults(dir, root.optText("nlb_version").orElse("unknown"), root.optText("preset").orElse("-"),
                config, dataset(root.object("dataset"), file), seeds,
                Optional.ofNullable(root.node().get("trigger")).filter(JsonNode::isObject),
                root.integer("budget"), root.number("rate"), root.optInteger("assumed_classes", -1),
                root.number("poison_share"), root.optText("feature_space").orElse("backbone"), clean, selectors, runs,
                total, stages, root.optObject("split").flatMap(s -> path(dir, s, "pretrain")));
    }

    private static RunResults.DatasetInfo dataset(JsonFields d, Path file) {
        List<String> names;
        if (d.has("class_names")) {
            names = d.texts("class_names");
        } else if (d.has("classes")) {
            names = org.nlb.data.Labels.numberedNames(d.integer("classes"));
        } else {
            throw new BadInputException(file, "\"dataset.class_names\" is missing");
        }
        return new RunResults.DatasetInfo(d.text("spec"), d.optInteger("channels", 0), d.optInteger("height", 0),
                d.optInteger("width", 0), d.optInteger("pretrain", 0), d.optInteger("downstream", 0),
                d.optInteger("test", 0), names);
    }

    private static SelectorResult selector(String name, JsonFields s) {
        Map<Probe, Map<Metric, Stat>> probes = new EnumMap<>(Probe.class);
        Map<Probe, List<EpochPoint>> byEpoch = new EnumMap<>(Probe.class);
        for (Probe p : Probe.values()) {
            s.optObject(p.key()).ifPresent(probe -> {
                probes.put(p, metrics(probe));
                List<EpochPoint> points = new ArrayList<>();
                for (JsonFields e : probe.objects("by_epoch")) {
                    points.add(new EpochPoint(e.integer("epoch"), metrics(e)));
                }
                byEpoch.put(p, points);
            });
        }
        Map<String, Stat> seconds = new LinkedHashMap<>();
        s.optObject("seconds").ifPresent(sec -> sec.names().forEach(n -> seconds.put(n, sec.stat(n))));
        int[] targets = s.has("targets") ? java.util.Arrays.stream(s.longs("targets")).mapToInt(Math::toIntExact).toArray()
                : new int[0];
        int target = s.has("target") ? s.integer("target") : targets.length > 0 ? targets[0] : -1;
        return new SelectorResult(name, s.stat("ccr"), target, targets, probes, seconds,
                geometry(s, GeometryFigure.VICTIM_KEY), geometry(s, GeometryFigure.CLEAN_ENCODER_KEY), byEpoch);
    }

    /** The figures of a trigger-geometry block; none when the block is absent (runs before issue 7 F-E). */
    private static Map<GeometryFigure, Stat> geometry(JsonFields selector, String key) {
        Map<GeometryFigure, Stat> m = new EnumMap<>(GeometryFigure.class);
        selector.optObject(key).ifPresent(g -> {
            for (GeometryFigure f : GeometryFigure.values()) {
                m.put(f, g.stat(f.key()));
            }
        });
        return m;
    }

    private static Map<Metric, Stat> metrics(JsonFields probe) {
        Map<Metric, Stat> m = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            m.put(metric, probe.stat(metric.key()));
        }
        return m;
    }

    private static SeedArtefacts seedArtefacts(Path dir, JsonFields r, Path file, int k) {
        if (!r.node().isObject()) {
            throw new BadInputException(file, "\"runs[" + k + "]\" is not an object");
        }
        long seed = r.has("seed") ? r.longValue(r.node().get("seed"), "seed") : k;
        Optional<JsonFields> attacker = r.optObject("attacker");
        Optional<Path> encoder = attacker.flatMap(a -> path(dir, a, "encoder"));
        Optional<Path> features = attacker.flatMap(a -> path(dir, a, "features"));
        Map<String, SeedArtefacts.Selector> selectors = new LinkedHashMap<>();
        r.optObject("selectors").ifPresent(all -> {
            for (String name : all.names()) {
                JsonFields s = all.object(name);
                selectors.put(name, new SeedArtefacts.Selector(path(dir, s, "poison"), path(dir, s, "victim"),
                        path(dir, s, "metrics"), path(dir, s, "clean_metrics"), s.optInteger("target", -1)));
            }
        });
        return new SeedArtefacts(seed, encoder, features, selectors);
    }

    private static Optional<Path> path(Path dir, JsonFields f, String name) {
        return f.optText(name).map(p -> dir.resolve(p).normalize());
    }
}
