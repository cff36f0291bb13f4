package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nlb.io.BadInputException;

/**
 * Reads and checks a sweep directory's {@code sweep.json}: the grid and, per point, its budget,
 * poison share, report path and headline figures. Every problem is a {@link BadInputException}
 * naming the file and the field.
 */
final class SweepResultsReader {
    private SweepResultsReader() {}

    static SweepResults read(Path dir) {
        Path file = dir.resolve(SweepResults.FILE);
        if (!Files.exists(file)) {
            throw new BadInputException(file, "is missing: the sweep has not finished (sweep.json is written last)");
        }
        JsonFields root = new JsonFields(file, JsonFile.readObject(file), "");
        JsonFields dataset = root.object("dataset");
        JsonNode list = root.node().get("points");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadInputException(file, "\"points\" must be a non-empty list");
        }
        List<SweepResults.Point> points = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            if (!list.get(k).isObject()) {
                throw new BadInputException(file, "\"points[" + k + "]\" is not an object");
            }
            points.add(point(new JsonFields(file, list.get(k), "points[" + k + "]")));
        }
        return new SweepResults(dir, root.optText("nlb_version").orElse("unknown"), root.optText("preset").orElse("-"),
                dataset.text("spec"), dataset.integer("pretrain"), root.longs("seeds").length, root.texts("selectors"),
                root.object("grid").texts("methods"), points);
    }

    private static SweepResults.Point point(JsonFields p) {
        Map<Probe, Stat> clean = new EnumMap<>(Probe.class);
        p.optObject("clean").ifPresent(c -> {
            for (Probe probe : Probe.values()) {
                c.optObject(probe.key()).ifPresent(figures -> clean.put(probe, figures.stat("clean_acc")));
            }
        });
        List<SelectorResult> selectors = new ArrayList<>();
        JsonFields all = p.object("selectors");
        for (String name : all.names()) {
            JsonFields s = all.object(name);
            Map<Probe, Map<Metric, Stat>> probes = new EnumMap<>(Probe.class);
            for (Probe probe : Probe.values()) {
                s.optObject(probe.key()).ifPresent(figures -> {
                    Map<Metric, Stat> m = new EnumMap<>(Metric.class);
                    for (Metric metric : Metric.values()) {
                        if (figures.has(metric.key())) {
                            m.put(metric, figures.stat(metric.key()));
                        }
                    }
                    probes.put(probe, m);
                });
            }
            selectors.add(new SelectorResult(name, s.stat("ccr"), s.optInteger("target", -1), new int[0], probes,
                    Map.of(), Map.of(), Map.of()));
        }
        return new SweepResults.Point(p.text("name"), p.text("method"), p.number("rate"), p.integer("budget"),
                p.number("poison_share"), p.text("report"), clean, selectors);
    }
}
