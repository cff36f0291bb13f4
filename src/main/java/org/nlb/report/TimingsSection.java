package org.nlb.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;

/** Section 9b: where the time went — seconds per stage and in total, and per selector step. */
final class TimingsSection implements ReportSection {
    private static final Pattern PER_SEED = Pattern.compile("(.+)-s(\\d+)");
    private final RunResults results;

    TimingsSection(RunResults results) {
        this.results = results;
    }

    @Override
    public String id() {
        return "timings";
    }

    @Override
    public String heading() {
        return "Timings";
    }

    /** {@code 3725.4} → {@code 1:02:05}; under a minute, seconds with one decimal. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return Percent.MISSING;
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Stages as rows and seeds as columns: a stage named {@code NAME-sSEED} goes to row NAME, column
     * SEED; one without a seed suffix (the split) has its time under "total" only. The last column
     * shows each row's share of the stages' sum as a bar.
     */
    private void stageTable(Html html) {
        Map<String, Map<Long, Double>> rows = new LinkedHashMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : results.stageSeconds().entrySet()) {
            Matcher m = PER_SEED.matcher(e.getKey());
            String row = m.matches() ? m.group(1) : e.getKey();
            if (m.matches()) {
                rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(Long.parseLong(m.group(2)), e.getValue());
            } else {
                rows.computeIfAbsent(row, k -> new LinkedHashMap<>());
            }
            totals.merge(row, Double.isNaN(e.getValue()) ? 0 : e.getValue(), Double::sum);
        }
        double sum = totals.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Long> seeds = results.seeds();
        html.open("table", "timings").open("tr").element("th", "", "stage");
        for (long seed : seeds) {
            html.element("th", "", "seed " + seed);
        }
        html.element("th", "", "total").element("th", "", "share").close("tr");
        for (Map.Entry<String, Map<Long, Double>> row : rows.entrySet()) {
            html.open("tr").element("td", "", row.getKey());
            for (long seed : seeds) {
                Double v = row.getValue().get(seed);
                html.element("td", "num", v == null ? "" : duration(v));
            }
            double total = totals.get(row.getKey());
            double share = sum > 0 ? total / sum : 0;
            html.element("td", "num", duration(total));
            html.raw(String.format(Locale.ROOT, "<td class=\"bar\"><span style=\"width:%.0fpx\"></span>", 120 * share))
                    .text(String.format(Locale.ROOT, " %.0f %%", 100 * share)).close("td");
            html.close("tr");
        }
        html.close("table");
    }

    @Override
    public void writeBody(Html html) {
        html.element("p", "", "Total: " + duration(results.totalSeconds()) + ".");
        if (results.stageSeconds().isEmpty()) {
            html.note("Missing: results.json has no timings.stages.");
        } else {
            stageTable(html);
        }
        if (results.selectorList().stream().anyMatch(s -> s.seconds() != null)) {
            html.open("table", "timings");
            html.open("tr").element("th", "", "selector").element("th", "", "select").element("th", "", "victim pretrain")
                    .element("th", "", "probe").close("tr");
            for (SelectorSummary s : results.selectorList()) {
                html.open("tr").element("td", "", s.name());
                SelectorSummary.Seconds seconds = s.seconds();
                for (Stat step : seconds == null ? new Stat[3]
                        : new Stat[] {seconds.select(), seconds.victimPretrain(), seconds.probe()}) {
                    html.element("td", "num", step == null ? Percent.MISSING : duration(step.mean()));
                }
                html.close("tr");
            }
            html.close("table");
            html.note("Per selector: mean over seeds.");
        }
    }
}
