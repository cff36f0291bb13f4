package org.nlb.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlb.NlbVersion;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SweepResults;

/**
 * Builds sweep.json ({@link SweepResults}) of {@code nlb sweep}: the grid, and per point
 * the paths of its results.json and report.html and its headline figures, copied from its
 * results.json ({@link SweepResults.Selector#of}).
 */
final class SweepJson {
    private SweepJson() {}

    /** One finished point: the point and its results.json. */
    record Finished(SweepPoint point, RunResults results) {}

    /**
     * @param started when the sweep command started (ISO-8601)
     * @param command the command line
     */
    static SweepResults of(SweepGrid grid, List<Finished> points, List<String> command, String started, String finished) {
        SweepPoint first = points.get(0).point();
        RunResults firstResults = points.get(0).results();
        RunConfig config = first.loaded().config();
        SweepResults.Grid gridJson = new SweepResults.Grid(
                points.stream().map(f -> f.point().rate()).distinct().toList(),
                points.stream().map(f -> f.point().method()).distinct().toList(),
                !grid.rates().isEmpty(), !grid.methods().isEmpty());
        return new SweepResults(NlbVersion.get(), first.loaded().preset(),
                first.loaded().configFile().map(Object::toString).orElse(null), command, started, finished, gridJson,
                firstResults.dataset(), firstResults.seeds(), config.attack().assumedClasses(),
                config.attack().selectors(), StageStore.STAGES_DIR, points.stream().map(SweepJson::point).toList());
    }

    private static SweepResults.Point point(Finished f) {
        SweepPoint p = f.point();
        RunResults r = f.results();
        String dir = SweepDirectory.POINTS_DIR + "/" + p.name();
        Map<String, SweepResults.Selector> selectors = new LinkedHashMap<>();
        r.selectors().forEach((name, s) -> selectors.put(name, SweepResults.Selector.of(s)));
        int pretrain = r.dataset().pretrain();
        return new SweepResults.Point(p.name(), p.method(), p.rate(), dir, dir + "/" + RunResults.FILE,
                dir + "/" + org.nlb.report.RunReport.FILE, r.budget(), pretrain, (double) r.budget() / pretrain,
                r.clean(), selectors);
    }
}
