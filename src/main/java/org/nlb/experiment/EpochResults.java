package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * results.json's {@code by_epoch} lists (issue 7, {@code probe.at_epochs}): per selector and probe,
 * the figures of {@link ResultsAggregator#figures} at each snapshot epoch — the victim's snapshot
 * against the clean encoder's snapshot of the same epoch — and last at the final epoch (the same
 * figures as the selector's own). Snapshots are taken mid-schedule, with the learning rate still
 * high, so only the final entry is what an encoder trained for that long gives.
 */
final class EpochResults {
    private EpochResults() {}

    /** One epoch of one selector in one seed: the victim's and the clean encoder's figures of both probes. */
    private record Point(int epoch, String metrics, String cleanMetrics, ProbeFigures linear, ProbeFigures knn,
                         ProbeFigures cleanLinear, ProbeFigures cleanKnn) {}

    /** Adds {@code by_epoch} to the {@code linear} and {@code knn} objects of every selector in {@code selectors}. */
    static void addTo(ObjectNode selectors, List<SeedRun> runs, int finalEpoch) {
        selectors.fieldNames().forEachRemaining(name -> {
            List<List<Point>> perSeed = runs.stream().map(r -> points(ResultsAggregator.find(r, name), finalEpoch)).toList();
            ObjectNode s = (ObjectNode) selectors.get(name);
            ((ObjectNode) s.get("linear")).set("by_epoch", aggregate(perSeed, Point::linear, Point::cleanLinear));
            ((ObjectNode) s.get("knn")).set("by_epoch", aggregate(perSeed, Point::knn, Point::cleanKnn));
        });
    }

    /** The {@code by_epoch} list of one selector in one seed: paths and plain numbers. */
    static ArrayNode perSeed(SeedRun.Selector selector, int finalEpoch) {
        ArrayNode list = RunJson.JSON.createArrayNode();
        for (Point p : points(selector, finalEpoch)) {
            ObjectNode o = list.addObject();
            o.put("epoch", p.epoch());
            o.put("metrics", p.metrics());
            o.put("clean_metrics", p.cleanMetrics());
            o.set("linear", ResultsAggregator.figuresJson(p.linear(), p.cleanLinear()));
            o.set("knn", ResultsAggregator.figuresJson(p.knn(), p.cleanKnn()));
        }
        return list;
    }

    private static List<Point> points(SeedRun.Selector s, int finalEpoch) {
        List<Point> points = new ArrayList<>();
        for (EpochProbes e : s.snapshots()) {
            points.add(new Point(e.epoch(), e.metrics(), e.cleanMetrics(), e.linear(), e.knn(), e.cleanLinear(),
                    e.cleanKnn()));
        }
        points.add(new Point(finalEpoch, s.metrics(), s.cleanMetrics(), s.linear(), s.knn(), s.cleanLinear(),
                s.cleanKnn()));
        return points;
    }

    private static ArrayNode aggregate(List<List<Point>> perSeed, Function<Point, ProbeFigures> victim,
                                       Function<Point, ProbeFigures> clean) {
        ArrayNode list = RunJson.JSON.createArrayNode();
        for (int k = 0; k < perSeed.get(0).size(); k++) {
            int at = k;
            ObjectNode o = list.addObject();
            o.put("epoch", perSeed.get(0).get(k).epoch());
            o.setAll(ResultsAggregator.stats(perSeed.stream()
                    .map(points -> ResultsAggregator.figures(victim.apply(points.get(at)), clean.apply(points.get(at))))
                    .toList()));
        }
        return list;
    }
}
