package org.nlb.report;

import java.awt.image.BufferedImage;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.SweepResults;

/**
 * The sweep's charts: per SSL method and probe, ASR against the poison rate, one line
 * per selector, and the backdoor effect {@code asr − asr_clean_encoder} (DESIGN §4) likewise.
 * Every point on the x axis is labelled with the rate <em>and</em> the share of the pretrain set
 * it poisons, since the rate is relative to one class ({@code M = floor(rate · N / C)}). The grid's
 * rates are evenly spaced, not to scale. Error bars are one standard deviation over seeds.
 */
final class SweepChartsSection implements ReportSection {
    private final SweepResults sweep;

    SweepChartsSection(SweepResults sweep) {
        this.sweep = sweep;
    }

    @Override
    public String id() {
        return "charts";
    }

    @Override
    public String heading() {
        return "ASR and backdoor effect against the poison rate";
    }

    @Override
    public void writeBody(Html html) {
        html.note("The rate is relative to one class: budget M = floor(rate · N / C) of the N = "
                + String.format(java.util.Locale.ROOT, "%,d", sweep.dataset().pretrain()) + " pretrain images; each"
                + " tick gives the share of the pretrain set that M is. Rates are evenly spaced, not to scale."
                + (sweep.seeds().size() > 1 ? " Error bars: one standard deviation over " + sweep.seeds().size()
                + " seeds." : ""));
        for (String method : sweep.methods()) {
            if (sweep.methods().size() > 1) {
                html.element("h3", "", method);
            }
            html.open("div", "grid");
            for (Probe p : sweep.probes()) {
                html.figure(chart(method, p, Metric.ASR), p.title() + " (" + method + "): attack success rate of each"
                        + " selector's victim against the poison rate.");
                html.figure(chart(method, p, Metric.BACKDOOR), p.title() + " (" + method + "): backdoor effect, ASR"
                        + " minus the same trigger's ASR on the clean encoder; only this part is a backdoor.");
            }
            html.close("div");
        }
    }

    private BufferedImage chart(String method, Probe probe, Metric metric) {
        RateLineChart chart = new RateLineChart();
        for (String selector : sweep.selectors()) {
            for (SweepResults.Point point : sweep.pointsOf(method)) {
                chart.add(selector, SweepReport.rateLabel(point), point.stat(selector, probe, metric));
            }
        }
        String title = probe.title() + (sweep.methods().size() > 1 ? " · " + method : "") + " — "
                + (metric == Metric.ASR ? "ASR" : "backdoor effect") + " vs poison rate";
        return chart.render(title, metric, sweep.selectors(), ChartStyle.WIDTH);
    }
}
