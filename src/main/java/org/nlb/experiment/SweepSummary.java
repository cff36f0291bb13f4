package org.nlb.experiment;

import java.nio.file.Path;
import java.util.Locale;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.Stat;
import org.nlb.artefact.SweepResults;

/**
 * The lines {@code nlb sweep} prints on stdout at the end, from sweep.json: per point its budget
 * as a share of the pretrain set and, per selector, the linear probe's backdoor effect
 * {@code asr − asr_clean_encoder} (DESIGN §4), in percentage points.
 */
public final class SweepSummary {
    private SweepSummary() {}

    public static String text(SweepResults sweep, Path sweepFile) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-22s %16s", "point", "budget (share)"));
        sweep.selectors().forEach(s -> sb.append(String.format(Locale.ROOT, " %12s", s)));
        sb.append('\n');
        for (SweepResults.Point p : sweep.points()) {
            sb.append(String.format(Locale.ROOT, "%-22s %16s", p.name(),
                    String.format(Locale.ROOT, "%d (%.1f %%)", p.budget(), 100 * p.poisonShare())));
            for (String s : sweep.selectors()) {
                Stat backdoor = p.stat(s, Probe.LINEAR, Metric.BACKDOOR);
                sb.append(String.format(Locale.ROOT, " %12s", backdoor.defined()
                        ? String.format(Locale.ROOT, "%+.1f", 100 * backdoor.mean()) : "n/a"));
            }
            sb.append('\n');
        }
        sb.append("(backdoor effect of the linear probe, ASR − the clean encoder's ASR, in points; every figure in ")
                .append(sweepFile).append(", charts in ").append(sweepFile.resolveSibling(Sweep.HTML_FILE)).append(")\n");
        return sb.toString();
    }
}
