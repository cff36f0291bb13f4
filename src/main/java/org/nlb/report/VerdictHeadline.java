package org.nlb.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one-sentence verdict at the top of the report, from the per-probe findings of
 * {@link BackdoorVerdict}: convincing when a label-free selector shows a backdoor under some probe,
 * partly so when only the label-aware oracle does, not convincing otherwise. Pure.
 *
 * @param level how the box is coloured
 * @param title a few words
 * @param text the sentence that says why
 */
record VerdictHeadline(Level level, String title, String text) {
    enum Level { CONVINCING, PARTIAL, UNCONVINCING }

    static VerdictHeadline of(List<BackdoorVerdict.Finding> findings) {
        List<BackdoorVerdict.Finding> attacks = findings.stream()
                .filter(f -> f.evidence().role() == Role.ATTACK).toList();
        List<BackdoorVerdict.Finding> ceiling = findings.stream()
                .filter(f -> f.evidence().role() == Role.CEILING).toList();
        List<BackdoorVerdict.Finding> shown = attacks.stream().filter(BackdoorVerdict.Finding::convincing).toList();
        if (!shown.isEmpty()) {
            return new VerdictHeadline(Level.CONVINCING, "A backdoor is shown",
                    "Label-free poisoning plants a backdoor beyond what the trigger does by itself and beyond random"
                            + " poisoning: " + names(shown) + ".");
        }
        boolean oracle = ceiling.stream().anyMatch(BackdoorVerdict.Finding::convincing);
        if (oracle) {
            return new VerdictHeadline(Level.PARTIAL, "Only the oracle plants a backdoor",
                    "The label-aware oracle (which uses labels) plants a backdoor, but no label-free selector does:"
                            + " the attack itself is not shown.");
        }
        String notEvenOracle = ceiling.isEmpty() ? ""
                : " Not even the label-aware oracle plants one: at this scale the victim's training or the trigger is"
                        + " too weak for any poison set.";
        String what = attacks.isEmpty() ? "The run has no label-free selector to judge." : "No label-free selector's ASR"
                + " rises clearly beyond what the trigger does by itself on the clean encoder and what random poisoning"
                + " does.";
        return new VerdictHeadline(Level.UNCONVINCING, "No backdoor is shown", what + notEvenOracle);
    }

    private static String names(List<BackdoorVerdict.Finding> findings) {
        return findings.stream().map(f -> f.evidence().selector() + " (" + f.evidence().probe() + ", "
                + Percent.points(f.evidence().effect()) + " points)").collect(Collectors.joining(", "));
    }
}
