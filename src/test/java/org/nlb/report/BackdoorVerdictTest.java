package org.nlb.report;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nlb.artefact.Stat;
import org.nlb.report.BackdoorVerdict.Evidence;
import org.nlb.report.BackdoorVerdict.Finding;
import org.nlb.report.BackdoorVerdict.Reason;
import static org.assertj.core.api.Assertions.assertThat;

/** The verdict's decision rule on hand-made numbers (DESIGN §4: only asr − asr_clean_encoder is the backdoor). */
class BackdoorVerdictTest {
    private static Evidence evidence(Role role, Stat asr, Stat clean, Optional<Stat> random) {
        Stat backdoor = asr.values().length == clean.values().length && asr.values().length > 1
                ? Stat.of(difference(asr.values(), clean.values())) : Stat.single(asr.mean() - clean.mean());
        return new Evidence("contrastive", role, "Linear probe", "“Ankle boot”", asr, clean, backdoor, random);
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static Finding judge(double asr, double clean, Double random) {
        return BackdoorVerdict.judge(evidence(Role.ATTACK, Stat.single(asr), Stat.single(clean),
                Optional.ofNullable(random).map(Stat::single)));
    }

    @Test
    void aLargeEffectWellAboveRandomIsABackdoorAndSaysTheNumbers() {
        Finding f = judge(0.90, 0.05, 0.02);
        assertThat(f.reason()).isEqualTo(Reason.BACKDOOR_SHOWN);
        assertThat(f.convincing()).isTrue();
        assertThat(f.text()).contains("plants a backdoor").contains("90.0 %").contains("5.0 %")
                .contains("+85.0 points").contains("“Ankle boot”").contains("random poisoning adds +2.0 points");
    }

    @Test
    void aTriggerThatPullsByItselfIsNoBackdoor() {
        // A full-image blend: the clean encoder already sends 55 % to the target.
        Finding f = judge(0.60, 0.55, 0.01);
        assertThat(f.reason()).isEqualTo(Reason.TRIGGER_ALONE);
        assertThat(f.convincing()).isFalse();
        assertThat(f.text()).contains("the trigger moves", "55.0 %", "by itself", "60.0 %", "only 5.0 points more",
                "No backdoor is shown");
    }

    @Test
    void aVictimBelowTheCleanEncoderSaysFewerNotMore() {
        Finding f = judge(0.40, 0.45, null);
        assertThat(f.reason()).isEqualTo(Reason.TRIGGER_ALONE);
        assertThat(f.text()).contains("only 5.0 points fewer");
    }

    @Test
    void aLowAsrIsNoEffect() {
        Finding f = judge(0.03, 0.02, 0.01);
        assertThat(f.reason()).isEqualTo(Reason.NO_EFFECT);
        assertThat(f.text()).contains("only 3.0 %").contains("does not steer").contains("No backdoor is shown");
    }

    @Test
    void theTenPointThresholdIsStrict() {
        Evidence below = new Evidence("kmeans", Role.ATTACK, "kNN", "“Bag”", Stat.single(0.35), Stat.single(0.25),
                Stat.single(0.0999), Optional.empty());
        Evidence at = new Evidence("kmeans", Role.ATTACK, "kNN", "“Bag”", Stat.single(0.35), Stat.single(0.25),
                Stat.single(0.10), Optional.empty());
        assertThat(BackdoorVerdict.judge(below).convincing()).isFalse();
        assertThat(BackdoorVerdict.judge(at).convincing()).isTrue();
        assertThat(BackdoorVerdict.judge(at).text()).contains("no random baseline");
    }

    @Test
    void lessThanTwiceRandomIsNotBetterThanRandom() {
        Finding f = judge(0.35, 0.05, 0.16);
        assertThat(f.reason()).isEqualTo(Reason.NO_BETTER_THAN_RANDOM);
        assertThat(f.text()).contains("random poisoning does as well").contains("+30.0 points")
                .contains("+16.0").contains("less than 2× as much");
        assertThat(judge(0.35, 0.05, 0.14).reason()).isEqualTo(Reason.BACKDOOR_SHOWN);
    }

    @Test
    void aNegativeRandomEffectDoesNotRaiseTheBar() {
        assertThat(judge(0.20, 0.05, -0.10).reason()).isEqualTo(Reason.BACKDOOR_SHOWN);
    }

    @Test
    void withSeveralSeedsAnEffectWithinOneStandardDeviationOfRandomIsNotConvincing() {
        // Selector effect 0.5 ± 0.3 and random 0.2 ± 0.15 over three seeds: 2.5× random, but the
        // difference 0.3 is within sqrt(0.3² + 0.15²) ≈ 0.335.
        Stat asr = Stat.of(0.85, 0.55, 0.25);
        Stat clean = Stat.of(0.05, 0.05, 0.05);
        Stat random = Stat.of(0.35, 0.2, 0.05);
        Finding noisy = BackdoorVerdict.judge(evidence(Role.ATTACK, asr, clean, Optional.of(random)));
        assertThat(noisy.reason()).isEqualTo(Reason.NO_BETTER_THAN_RANDOM);
        assertThat(noisy.text()).contains("within one standard deviation");
        // The same means with tight seeds are convincing.
        Finding tight = BackdoorVerdict.judge(evidence(Role.ATTACK, Stat.of(0.56, 0.55, 0.54), clean,
                Optional.of(Stat.of(0.21, 0.2, 0.19))));
        assertThat(tight.reason()).isEqualTo(Reason.BACKDOOR_SHOWN);
        assertThat(tight.text()).contains("mean of 3 seeds");
    }

    @Test
    void missingNumbersDecideNothing() {
        Finding f = BackdoorVerdict.judge(evidence(Role.ATTACK, Stat.single(0.9), Stat.missing(), Optional.empty()));
        assertThat(f.reason()).isEqualTo(Reason.MISSING_NUMBERS);
        assertThat(f.text()).contains("on the clean encoder was not measured");
    }

    @Test
    void randomIsReportedAsTheBaselineNotJudged() {
        Finding f = BackdoorVerdict.judge(evidence(Role.BASELINE, Stat.single(0.9), Stat.single(0.1), Optional.empty()));
        assertThat(f.reason()).isEqualTo(Reason.BASELINE);
        assertThat(f.text()).contains("the baseline").contains("+80.0 points");
    }

    @Test
    void theHeadlineIsConvincingWhenALabelFreeSelectorShowsABackdoor() {
        Finding attack = judge(0.9, 0.05, 0.02);
        Finding random = BackdoorVerdict.judge(evidence(Role.BASELINE, Stat.single(0.07), Stat.single(0.05), Optional.empty()));
        VerdictHeadline h = VerdictHeadline.of(List.of(attack, random));
        assertThat(h.level()).isEqualTo(VerdictHeadline.Level.CONVINCING);
        assertThat(h.text()).contains("contrastive (Linear probe, +85.0 points)");
    }

    @Test
    void theHeadlineIsPartialWhenOnlyTheOracleShowsABackdoor() {
        Finding attack = judge(0.06, 0.05, 0.02);
        Finding oracle = BackdoorVerdict.judge(evidence(Role.CEILING, Stat.single(0.9), Stat.single(0.05),
                Optional.of(Stat.single(0.02))));
        VerdictHeadline h = VerdictHeadline.of(List.of(attack, oracle));
        assertThat(h.level()).isEqualTo(VerdictHeadline.Level.PARTIAL);
        assertThat(h.text()).contains("no label-free selector does");
    }

    @Test
    void theHeadlineSaysNoBackdoorAndBlamesTheScaleWhenNotEvenTheOracleWorks() {
        Finding attack = judge(0.6, 0.55, 0.02);
        Finding oracle = BackdoorVerdict.judge(evidence(Role.CEILING, Stat.single(0.03), Stat.single(0.02),
                Optional.of(Stat.single(0.0))));
        VerdictHeadline h = VerdictHeadline.of(List.of(attack, oracle));
        assertThat(h.level()).isEqualTo(VerdictHeadline.Level.UNCONVINCING);
        assertThat(h.title()).isEqualTo("No backdoor is shown");
        assertThat(h.text()).contains("Not even the label-aware oracle");
        assertThat(VerdictHeadline.of(List.of(attack)).text()).doesNotContain("oracle");
    }

    @Test
    void percentagesHaveOneDecimalAndSignedPoints() {
        assertThat(Percent.of(0.12345)).isEqualTo("12.3");
        assertThat(Percent.withSign(Double.NaN)).isEqualTo(Percent.MISSING);
        assertThat(Percent.points(0.05)).isEqualTo("+5.0");
        assertThat(Percent.points(-0.05)).isEqualTo("−5.0");
        assertThat(Percent.points(-0.0001)).isEqualTo("+0.0");
        assertThat(Percent.of(Stat.of(0.9, 0.7))).isEqualTo("80.0 ± 14.1");
        assertThat(TimingsSection.duration(3725.4)).isEqualTo("1:02:05");
        assertThat(TimingsSection.duration(65)).isEqualTo("1:05");
        assertThat(TimingsSection.duration(2.54)).isEqualTo("2.5 s");
    }
}
