package org.nlb.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;

/**
 * Section 1: the verdict box. One headline ({@link VerdictHeadline}) and one sentence per selector
 * and probe ({@link BackdoorVerdict}), so that an unconvincing result is flagged in words before
 * anyone reads a number.
 */
final class VerdictSection implements ReportSection {
    private final RunResults results;

    VerdictSection(RunResults results) {
        this.results = results;
    }

    @Override
    public String id() {
        return "verdict";
    }

    @Override
    public String heading() {
        return "Verdict";
    }

    /** The findings, selector by selector, probe by probe; random (the baseline) last. */
    static List<BackdoorVerdict.Finding> findings(RunResults results) {
        List<BackdoorVerdict.Finding> out = new ArrayList<>();
        List<SelectorSummary> ordered = new ArrayList<>(results.selectorList());
        ordered.sort((a, b) -> Boolean.compare(Role.of(a.name()) == Role.BASELINE, Role.of(b.name()) == Role.BASELINE));
        Optional<SelectorSummary> baseline = results.selectorList().stream()
                .filter(s -> Role.of(s.name()) == Role.BASELINE).findFirst();
        for (SelectorSummary s : ordered) {
            for (Probe p : results.probes()) {
                if (!s.has(p)) {
                    continue;
                }
                Optional<Stat> random = baseline.filter(r -> r != s).map(r -> r.stat(p, Metric.BACKDOOR));
                out.add(BackdoorVerdict.judge(new BackdoorVerdict.Evidence(s.name(), Role.of(s.name()), p.title(),
                        targetName(results, s), s.stat(p, Metric.ASR),
                        s.stat(p, Metric.ASR_CLEAN_ENCODER), s.stat(p, Metric.BACKDOOR), random)));
            }
        }
        return out;
    }

    /**
     * The target in quotes; when the seeds poisoned different classes, each seed's, since the
     * ASR is a mean over seeds that each measured their own target.
     */
    static String targetName(RunResults results, SelectorSummary s) {
        if (s.oneTarget()) {
            return quoted(results.dataset().className(s.mainTarget()));
        }
        return "each seed's target (" + s.seedTargets().stream()
                .map(t -> quoted(results.dataset().className(t))).collect(Collectors.joining(", ")) + ")";
    }

    private static String quoted(String name) {
        return "\u201c" + name + "\u201d";
    }

    @Override
    public void writeBody(Html html) {
        List<BackdoorVerdict.Finding> findings = findings(results);
        VerdictHeadline headline = VerdictHeadline.of(findings);
        html.open("div", "verdict " + headline.level().name().toLowerCase(Locale.ROOT));
        html.element("p", "headline", headline.title());
        html.paragraph(headline.text());
        html.open("ul");
        for (BackdoorVerdict.Finding f : findings) {
            html.open("li", f.convincing() ? "good" : f.reason() == BackdoorVerdict.Reason.BASELINE ? "info" : "bad");
            html.text(f.text()).close("li");
        }
        html.close("ul");
        html.element("p", "rule", "Rule: a result is unconvincing when its backdoor effect (ASR on the poisoned victim"
                + " minus ASR of the same trigger on the clean encoder) is under "
                + Percent.of(BackdoorVerdict.MIN_EFFECT) + " points, or when it is under "
                + (int) BackdoorVerdict.RANDOM_FACTOR + "× random poisoning's effect (or within one standard deviation"
                + " of it, with several seeds).");
        html.close("div");
    }
}
