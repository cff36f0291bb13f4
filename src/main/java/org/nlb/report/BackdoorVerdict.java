package org.nlb.report;

import java.util.Optional;
import org.nlb.artefact.Stat;

/**
 * Decides, from a run's numbers alone, whether a selector's result shows a backdoor (DESIGN §4):
 * only {@code asr − asr_clean_encoder} is the backdoor, and it must also beat random poisoning.
 * A result is flagged unconvincing when
 * <ul>
 *   <li>the backdoor effect is below {@link #MIN_EFFECT} (10 points): either the trigger moves
 *       predictions by itself as much on the clean encoder, or the ASR is low anyway; or</li>
 *   <li>random poisoning does as well: the selector's effect is below {@link #RANDOM_FACTOR} × the
 *       random effect, or, with several seeds, within one standard deviation of the difference
 *       ({@code sqrt(std_selector² + std_random²)}) of it.</li>
 * </ul>
 * Pure: numbers in, a finding with its sentence out.
 */
final class BackdoorVerdict {
    /** The smallest backdoor effect (ASR on the victim minus on the clean encoder) that counts. */
    static final double MIN_EFFECT = 0.10;
    /** How many times the random effect a selector's effect must reach. */
    static final double RANDOM_FACTOR = 2.0;

    private BackdoorVerdict() {}

    /** Why a finding was reached. */
    enum Reason {
        /** A backdoor beyond the trigger's own pull and beyond random poisoning. */
        BACKDOOR_SHOWN(true),
        /** The victim's ASR is noticeable but the clean encoder's is about as high. */
        TRIGGER_ALONE(false),
        /** The victim's ASR is low. */
        NO_EFFECT(false),
        /** The effect is there but random poisoning reaches as much. */
        NO_BETTER_THAN_RANDOM(false),
        /** ASR or the clean encoder's ASR was not measured. */
        MISSING_NUMBERS(false),
        /** Random poisoning itself: reported, not judged. */
        BASELINE(false);

        private final boolean convincing;

        Reason(boolean convincing) {
            this.convincing = convincing;
        }

        boolean convincing() {
            return convincing;
        }
    }

    /**
     * The numbers of one selector under one probe.
     *
     * @param selector its name
     * @param role attack, baseline or ceiling
     * @param probe the probe's title
     * @param targetName the target class's name, quoted, or each seed's when they differ
     * @param asr ASR on the poisoned victim
     * @param asrCleanEncoder ASR of the same trigger and target on the clean encoder
     * @param backdoor {@code asr − asrCleanEncoder}
     * @param randomBackdoor random poisoning's backdoor effect, when the run has random
     */
    record Evidence(String selector, Role role, String probe, String targetName, Stat asr,
                    Stat asrCleanEncoder, Stat backdoor, Optional<Stat> randomBackdoor) {
        /** Effect computed from the two ASRs when the file has no backdoor entry. */
        double effect() {
            return backdoor.defined() ? backdoor.mean() : asr.mean() - asrCleanEncoder.mean();
        }

        int seeds() {
            return Math.max(asr.n(), backdoor.n());
        }
    }

    /** The decision and the sentence that says it. */
    record Finding(Evidence evidence, Reason reason, String text) {
        boolean convincing() {
            return reason.convincing();
        }
    }

    static Finding judge(Evidence e) {
        String who = e.selector() + " (" + e.probe() + ")";
        if (!e.asr().defined() || !e.asrCleanEncoder().defined()) {
            return new Finding(e, Reason.MISSING_NUMBERS, who + ": the ASR "
                    + (e.asr().defined() ? "on the clean encoder" : "on the poisoned victim")
                    + " was not measured, so nothing can be concluded.");
        }
        double effect = e.effect();
        String target = e.targetName();
        String victim = Percent.withSign(e.asr().mean());
        String clean = Percent.withSign(e.asrCleanEncoder().mean());
        if (e.role() == Role.BASELINE) {
            return new Finding(e, Reason.BASELINE, who + ", the baseline: ASR " + victim + " on the poisoned victim vs "
                    + clean + " on the clean encoder, an effect of " + Percent.points(effect) + " points.");
        }
        if (effect < MIN_EFFECT) {
            if (e.asr().mean() >= MIN_EFFECT) {
                return new Finding(e, Reason.TRIGGER_ALONE, who + ": the trigger moves " + clean
                        + " of non-target test images to " + target + " by itself (clean encoder); the poisoned victim"
                        + " reaches " + victim + ", only " + difference(effect) + ". No backdoor is shown.");
            }
            return new Finding(e, Reason.NO_EFFECT, who + ": only " + victim + " of triggered non-target test images are"
                    + " classified as " + target + " (clean encoder: " + clean + "): the trigger does not steer the"
                    + " poisoned victim. No backdoor is shown.");
        }
        if (e.randomBackdoor().isPresent() && e.randomBackdoor().get().defined()) {
            Stat random = e.randomBackdoor().get();
            double spread = Math.sqrt(e.backdoor().std() * e.backdoor().std() + random.std() * random.std());
            boolean severalSeeds = e.seeds() > 1 && random.n() > 1;
            boolean withinStd = severalSeeds && effect - random.mean() <= spread;
            boolean belowFactor = effect < RANDOM_FACTOR * Math.max(0, random.mean());
            if (withinStd || belowFactor) {
                String why = withinStd && !belowFactor
                        ? "within one standard deviation (" + Percent.of(spread) + " points) of it"
                        : "less than " + (int) RANDOM_FACTOR + "× as much";
                return new Finding(e, Reason.NO_BETTER_THAN_RANDOM, who + ": random poisoning does as well. The backdoor"
                        + " effect is " + Percent.points(effect) + " points against random's "
                        + Percent.points(random.mean()) + ", " + why + "; the selection is not shown to matter.");
            }
        }
        String baseline = e.randomBackdoor().filter(Stat::defined)
                .map(r -> "; random poisoning adds " + Percent.points(r.mean()) + " points")
                .orElse("; the run has no random baseline to compare with");
        String seeds = e.seeds() > 1 ? " (mean of " + e.seeds() + " seeds)" : "";
        return new Finding(e, Reason.BACKDOOR_SHOWN, who + " plants a backdoor: the trigger turns " + victim
                + " of non-target test images into " + target + " on the poisoned victim vs " + clean
                + " on the clean encoder, " + Percent.points(effect) + " points" + seeds + baseline + ".");
    }

    private static String difference(double effect) {
        String n = Percent.of(Math.abs(effect));
        return effect >= 0 ? n + " points more" : n + " points fewer";
    }
}
