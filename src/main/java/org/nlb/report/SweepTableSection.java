package org.nlb.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.Stat;
import org.nlb.artefact.SweepResults;

/**
 * The table of every sweep point: per point its method, rate, budget and share of the
 * pretrain set and a link to its own report.html (a relative href, so the sweep directory can be
 * moved or copied whole); per selector CCR and, for each probe, ASR, the clean encoder's ASR,
 * the backdoor effect and clean accuracy.
 */
final class SweepTableSection implements ReportSection {
    private static final List<Metric> COLUMNS = List.of(Metric.ASR, Metric.ASR_CLEAN_ENCODER, Metric.BACKDOOR,
            Metric.CLEAN_ACC);

    private final SweepResults sweep;
    private final Path dir;

    /** @param dir the sweep directory, which the points' report paths are relative to */
    SweepTableSection(SweepResults sweep, Path dir) {
        this.sweep = sweep;
        this.dir = dir;
    }

    @Override
    public String id() {
        return "points";
    }

    @Override
    public String heading() {
        return "Every point";
    }

    @Override
    public void writeBody(Html html) {
        List<Probe> probes = sweep.probes();
        int seeds = sweep.seeds().size();
        html.note("All numbers in %" + (seeds > 1 ? ", mean ± standard deviation over " + seeds
                + " seeds" : ", one seed") + ". Backdoor effect = ASR − ASR on the clean encoder. Each point's own"
                + " report has the poison sets, images, losses and confusion matrices.");
        html.open("div", "scroll").open("table", "metrics");
        html.open("thead").open("tr");
        html.raw("<th rowspan=\"2\">point</th><th rowspan=\"2\">method</th><th rowspan=\"2\">rate<br>(share)</th>"
                + "<th rowspan=\"2\">budget M</th><th rowspan=\"2\">selector</th><th rowspan=\"2\">CCR</th>");
        for (Probe p : probes) {
            html.raw("<th colspan=\"" + COLUMNS.size() + "\" class=\"group\">").text(p.title()).raw("</th>");
        }
        html.close("tr").open("tr");
        for (Probe p : probes) {
            for (Metric m : COLUMNS) {
                html.element("th", m == Metric.ASR ? "first" : "", m.label());
            }
        }
        html.close("tr").close("thead").open("tbody");
        for (SweepResults.Point point : sweep.points()) {
            boolean first = true;
            for (SweepResults.Selector s : point.selectorList()) {
                html.open("tr", Role.of(s.name()).name().toLowerCase());
                if (first) {
                    pointCells(html, point);
                    first = false;
                }
                html.element("th", "name", s.name());
                MetricsTableSection.cell(html, "", Percent.of(s.purity().mean()), MetricsTableSection.spread(s.purity()));
                for (Probe p : probes) {
                    for (Metric m : COLUMNS) {
                        Stat v = s.stat(p, m);
                        MetricsTableSection.cell(html, (m == Metric.ASR ? "first " : "")
                                        + (m == Metric.BACKDOOR ? "effect" : ""),
                                m == Metric.BACKDOOR ? Percent.points(v.mean()) : Percent.of(v.mean()),
                                MetricsTableSection.spread(v));
                    }
                }
                html.close("tr");
            }
        }
        html.close("tbody").close("table").close("div");
    }

    /** The point's own cells, spanning its selectors' rows. */
    private void pointCells(Html html, SweepResults.Point point) {
        String span = "<td class=\"point\" rowspan=\"" + point.selectors().size() + "\">";
        html.raw(span).text(point.name()).raw("<br>");
        if (Files.isRegularFile(dir.resolve(point.report()))) {
            html.link(point.report(), "report");
        } else {
            html.element("span", "sd", "no report.html");
        }
        html.close("td");
        html.raw(span).text(point.method()).close("td");
        html.raw(span).text(Percent.decimal(point.rate())).raw("<br>")
                .element("span", "sd", Percent.withSign(point.poisonShare()) + " of pretrain").close("td");
        html.raw(span).text(Integer.toString(point.budget())).close("td");
    }
}
