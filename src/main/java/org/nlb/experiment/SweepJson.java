package org.nlb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlb.NlbVersion;

/**
 * sweep.json of {@code nlb sweep} (issue 6): the grid, and per point the paths of its
 * results.json and report.html and its headline figures, copied from its results.json as
 * {@code {"mean", "std", "values"}}: the budget and the poison share of the pretrain set
 * ({@code budget / pretrain images}, so that nobody misreads a rate relative to one class as a
 * share of the data), the clean encoder's accuracy, and per selector CCR, target and for the
 * linear probe and the kNN monitor {@code asr}, {@code asr_clean_encoder}, {@code backdoor} and
 * {@code clean_acc}.
 */
final class SweepJson {
    /** The figures per probe that the sweep carries over; results.json has them all. */
    static final List<String> FIGURES = List.of("asr", "asr_clean_encoder", "backdoor", "clean_acc");
    static final List<String> PROBES = List.of("linear", "knn");

    private SweepJson() {}

    /** One finished point: the point and its results.json content. */
    record Finished(SweepPoint point, JsonNode results) {}

    /**
     * @param started when the sweep command started (ISO-8601)
     * @param command the command line
     */
    static ObjectNode of(SweepGrid grid, List<Finished> points, List<String> command, String started, String finished) {
        SweepPoint first = points.get(0).point();
        JsonNode firstResults = points.get(0).results();
        ObjectNode root = RunJson.JSON.createObjectNode();
        root.put("nlb_version", NlbVersion.get());
        root.put("preset", first.loaded().preset());
        Optional<java.nio.file.Path> configFile = first.loaded().configFile();
        if (configFile.isPresent()) {
            root.put("config_file", configFile.get().toString());
        } else {
            root.putNull("config_file");
        }
        root.set("command", RunJson.JSON.valueToTree(command));
        root.put("started", started);
        root.put("finished", finished);
        ObjectNode gridJson = root.putObject("grid");
        gridJson.set("rates", RunJson.JSON.valueToTree(points.stream().map(f -> f.point().rate()).distinct().toList()));
        gridJson.set("methods", RunJson.JSON.valueToTree(points.stream().map(f -> f.point().method()).distinct().toList()));
        gridJson.put("rates_given", !grid.rates().isEmpty());
        gridJson.put("methods_given", !grid.methods().isEmpty());
        root.set("dataset", firstResults.get("dataset").deepCopy());
        root.set("seeds", firstResults.get("seeds").deepCopy());
        root.put("assumed_classes", first.loaded().config().attack().assumedClasses());
        root.set("selectors", RunJson.JSON.valueToTree(first.loaded().config().attack().selectors()));
        root.put("stages", StageStore.STAGES_DIR);
        ArrayNode list = root.putArray("points");
        for (Finished f : points) {
            list.add(point(f));
        }
        return root;
    }

    private static ObjectNode point(Finished f) {
        SweepPoint p = f.point();
        JsonNode r = f.results();
        String dir = SweepDirectory.POINTS_DIR + "/" + p.name();
        ObjectNode o = RunJson.JSON.createObjectNode();
        o.put("name", p.name());
        o.put("method", p.method());
        o.put("rate", p.rate());
        o.put("dir", dir);
        o.put("results", dir + "/" + RunDirectory.RESULTS_FILE);
        o.put("report", dir + "/" + org.nlb.report.RunReport.FILE);
        int budget = r.get("budget").asInt();
        int pretrain = r.get("dataset").get("pretrain").asInt();
        o.put("budget", budget);
        o.put("pretrain_images", pretrain);
        o.put("poison_share", (double) budget / pretrain);
        o.set("clean", r.get("clean").deepCopy());
        ObjectNode selectors = o.putObject("selectors");
        for (Iterator<Map.Entry<String, JsonNode>> it = r.get("selectors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            ObjectNode out = selectors.putObject(e.getKey());
            out.set("ccr", s.get("ccr").deepCopy());
            out.set("target", s.get("target").deepCopy());
            for (String probe : PROBES) {
                ObjectNode figures = out.putObject(probe);
                for (String figure : FIGURES) {
                    figures.set(figure, s.get(probe).get(figure).deepCopy());
                }
            }
        }
        return o;
    }
}
