package org.nlb.report;

import java.util.List;
import org.nlb.artefact.GeometryFigure;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;

/**
 * Section 2: the metrics table (DESIGN §4). One row per selector, random marked as the baseline and
 * label-aware as the ceiling; CCR, target, budget; then per probe clean accuracy, its drop, poison
 * accuracy, ASR, ASR on the clean encoder and the backdoor effect. Percentages with one decimal,
 * mean ± std over seeds.
 */
final class MetricsTableSection implements ReportSection {
    private static final List<Metric> COLUMNS = List.of(Metric.CLEAN_ACC, Metric.CLEAN_ACC_DROP, Metric.POISON_ACC,
            Metric.ASR, Metric.ASR_CLEAN_ENCODER, Metric.BACKDOOR);

    private final RunResults results;

    MetricsTableSection(RunResults results) {
        this.results = results;
    }

    @Override
    public String id() {
        return "metrics";
    }

    @Override
    public String heading() {
        return "Metrics";
    }

    @Override
    public void writeBody(Html html) {
        List<Probe> probes = results.probes();
        int seeds = results.seeds().size();
        html.note("All numbers in %" + (seeds > 1 ? ", mean ± standard deviation over " + seeds + " seeds" : ", one seed")
                + ". Backdoor effect = ASR − ASR on the clean encoder (same trigger and target): only it is the backdoor."
                + " Clean-acc drop = the clean encoder's clean accuracy − the victim's.");
        html.open("div", "scroll").open("table", "metrics");
        html.open("thead").open("tr");
        html.raw("<th rowspan=\"2\">selector</th><th rowspan=\"2\">CCR</th><th rowspan=\"2\">target</th>"
                + "<th rowspan=\"2\">budget M<br>(share)</th>");
        for (Probe p : probes) {
            html.raw("<th colspan=\"" + COLUMNS.size() + "\" class=\"group\">").text(p.title()).raw("</th>");
        }
        html.close("tr").open("tr");
        for (Probe p : probes) {
            for (Metric m : COLUMNS) {
                html.element("th", m == Metric.CLEAN_ACC ? "first" : "", m.label());
            }
        }
        html.close("tr").close("thead").open("tbody");
        for (SelectorSummary s : results.selectorList()) {
            Role role = Role.of(s.name());
            html.open("tr", role.name().toLowerCase());
            html.open("th", "name").text(s.name());
            if (!role.label().isEmpty()) {
                html.raw("<br>").element("span", "role", role.label());
            }
            html.close("th");
            cell(html, "", Percent.of(s.purity().mean()), spread(s.purity()));
            html.element("td", "", s.mainTarget() < 0 ? Percent.MISSING
                    : s.mainTarget() + " " + results.dataset().className(s.mainTarget()));
            cell(html, "", Integer.toString(results.budget()),
                    Double.isNaN(results.poisonShare()) ? "" : Percent.withSign(results.poisonShare()));
            for (Probe p : probes) {
                for (Metric m : COLUMNS) {
                    Stat v = s.stat(p, m);
                    boolean signed = m == Metric.BACKDOOR || m == Metric.CLEAN_ACC_DROP;
                    cell(html, (m == Metric.CLEAN_ACC ? "first " : "") + (m == Metric.BACKDOOR ? "effect" : ""),
                            signed ? Percent.points(v.mean()) : Percent.of(v.mean()), spread(v));
                }
            }
            html.close("tr");
        }
        html.close("tbody").close("table").close("div");
        StringBuilder clean = new StringBuilder("Clean encoder (never poisoned): ");
        for (Probe p : probes) {
            Stat acc = results.cleanAccuracy(p);
            clean.append(p.title()).append(" clean accuracy ").append(Percent.of(acc)).append(" %; ");
        }
        html.note(clean.substring(0, clean.length() - 2) + ".");
        if (results.selectorList().stream().anyMatch(s -> s.geometry(GeometryFigure.TRIGGER_COSINE, false).defined())) {
            writeGeometry(html);
        }
    }

    /**
     * The trigger's geometry per selector (TriggerGeometry), victim against clean encoder: whether the
     * encoder sees the trigger, pulls triggered images toward the target class, or collapses them.
     */
    private void writeGeometry(Html html) {
        html.note("Trigger geometry (cosines of the L2-normalised backbone test features; victim / clean encoder,"
                + " means over seeds): trigger cosine ≈ 1 = the encoder does not see the trigger; target pull > 0 ="
                + " triggered images move toward the target class; triggered spread ≈ 1 above the clean spread ="
                + " triggered images collapse onto one point of their own.");
        html.open("div", "scroll").open("table", "metrics geometry");
        html.open("thead").open("tr").element("th", "", "selector");
        for (GeometryFigure f : GeometryFigure.values()) {
            html.element("th", "", f.label());
        }
        html.close("tr").close("thead").open("tbody");
        for (SelectorSummary s : results.selectorList()) {
            html.open("tr", Role.of(s.name()).name().toLowerCase()).element("th", "name", s.name());
            for (GeometryFigure f : GeometryFigure.values()) {
                boolean signed = f == GeometryFigure.TARGET_PULL;
                html.element("td", "", format(s.geometry(f, false), signed) + " / " + format(s.geometry(f, true), signed));
            }
            html.close("tr");
        }
        html.close("tbody").close("table").close("div");
    }

    private static String format(Stat s, boolean signed) {
        return signed ? Cosine.signed(s.mean()) : Cosine.of(s.mean());
    }

    /** {@code ± std} for several seeds, else nothing. */
    static String spread(Stat s) {
        return s.n() > 1 && s.defined() ? "± " + Percent.of(s.std()) : "";
    }

    /** A number with an optional second, smaller line (the spread, or the budget's share). */
    static void cell(Html html, String cls, String main, String second) {
        html.open("td", cls.strip()).text(main);
        if (!second.isEmpty()) {
            html.raw("<br>").element("span", "sd", second);
        }
        html.close("td");
    }
}
