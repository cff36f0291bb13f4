package org.nlb.experiment;

import java.nio.file.Path;
import java.util.Locale;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;

/**
 * The few lines {@code nlb run} prints on stdout at the end: per selector the poison set's purity
 * and the linear probe's ASR next to the clean encoder's (DESIGN §4: only the difference is a
 * backdoor), from results.json.
 */
public final class RunSummary {
    private RunSummary() {}

    public static String text(RunResults results, Path resultsFile) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, budget %d of %d pretrain images (%.1f %%), %d seed(s); clean encoder"
                        + " accuracy linear %s, knn %s%n", results.dataset().spec(), results.budget(),
                results.dataset().pretrain(), 100 * results.poisonShare(), results.seeds().size(),
                stat(results.cleanAccuracy(Probe.LINEAR)), stat(results.cleanAccuracy(Probe.KNN))));
        sb.append(String.format(Locale.ROOT, "%-14s %-13s %6s  %-13s %-13s %-13s %-13s%n", "selector", "ccr", "target",
                "asr", "asr_clean_enc", "backdoor", "clean_acc"));
        for (SelectorSummary s : results.selectorList()) {
            sb.append(String.format(Locale.ROOT, "%-14s %-13s %6d  %-13s %-13s %-13s %-13s%n", s.name(),
                    stat(s.purity()), s.mainTarget(), stat(s.stat(Probe.LINEAR, Metric.ASR)),
                    stat(s.stat(Probe.LINEAR, Metric.ASR_CLEAN_ENCODER)), stat(s.stat(Probe.LINEAR, Metric.BACKDOOR)),
                    stat(s.stat(Probe.LINEAR, Metric.CLEAN_ACC))));
        }
        sb.append("(linear probe; kNN figures, per-seed values and timings in ").append(resultsFile).append(")\n");
        return sb.toString();
    }

    /** "0.931" or "0.931±0.012" with several seeds. */
    private static String stat(Stat stat) {
        if (!stat.defined()) {
            return "n/a";
        }
        return stat.values().length > 1
                ? String.format(Locale.ROOT, "%.3f±%.3f", stat.mean(), stat.std())
                : String.format(Locale.ROOT, "%.3f", stat.mean());
    }
}
