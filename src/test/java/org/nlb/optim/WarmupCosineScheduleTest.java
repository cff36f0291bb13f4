package org.nlb.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WarmupCosineScheduleTest {
    private final WarmupCosineSchedule schedule = new WarmupCosineSchedule(1.0, 0.1, 0.01, 10, 110);

    @Test
    void warmsUpLinearlyFromTheStartRateToTheBaseRate() {
        assertThat(schedule.at(0)).isEqualTo(0.1);
        assertThat(schedule.at(5)).isCloseTo(0.1 + 5 * 0.9 / 9, within(1e-15));
        // as Lightning Bolts' closed form: the base rate is reached at step W − 1 and held at W
        assertThat(schedule.at(9)).isCloseTo(1.0, within(1e-15));
        assertThat(schedule.at(10)).isEqualTo(1.0);
    }

    @Test
    void decaysAlongACosineToTheMinimumRate() {
        assertThat(schedule.at(60)).as("middle of the decay").isCloseTo((1.0 + 0.01) / 2, within(1e-15));
        assertThat(schedule.at(35)).isCloseTo(0.01 + 0.99 * (1 + Math.cos(Math.PI / 4)) / 2, within(1e-15));
        assertThat(schedule.at(109)).isCloseTo(0.01, within(1e-3)).isGreaterThan(0.01);
        assertThat(schedule.at(110)).as("end").isEqualTo(0.01);
        assertThat(schedule.at(5000)).as("past the end").isEqualTo(0.01);
    }

    @Test
    void risesDuringWarmUpAndNeverRisesAfter() {
        for (long k = 1; k < 10; k++) {
            assertThat(schedule.at(k)).isGreaterThan(schedule.at(k - 1));
        }
        for (long k = 11; k <= 120; k++) {
            assertThat(schedule.at(k)).isLessThanOrEqualTo(schedule.at(k - 1));
        }
    }

    @Test
    void edgeCasesOfTheWarmUpLength() {
        WarmupCosineSchedule none = new WarmupCosineSchedule(0.4, 0.0, 0.0, 0, 100);
        assertThat(none.at(0)).as("no warm-up starts at the base rate").isEqualTo(0.4);
        assertThat(none.at(50)).isCloseTo(0.2, within(1e-15));
        WarmupCosineSchedule one = new WarmupCosineSchedule(0.4, 0.01, 0.0, 1, 100);
        assertThat(one.at(0)).isEqualTo(0.01);
        assertThat(one.at(1)).isEqualTo(0.4);
        WarmupCosineSchedule allWarmUp = new WarmupCosineSchedule(0.4, 0.0, 0.001, 5, 5);
        assertThat(allWarmUp.at(4)).isCloseTo(0.4, within(1e-15));
        assertThat(allWarmUp.at(5)).isEqualTo(0.001);
    }

    @Test
    void soloLearnDefaultsAndConstantRate() {
        WarmupCosineSchedule defaults = WarmupCosineSchedule.of(0.4, 10, 100);
        assertThat(defaults.at(0)).isEqualTo(3e-5);
        assertThat(defaults.at(100)).isEqualTo(0.0);
        LearningRateSchedule constant = LearningRateSchedule.constant(0.3);
        assertThat(constant.at(0)).isEqualTo(0.3);
        assertThat(constant.at(1_000_000)).isEqualTo(0.3);
    }

    @Test
    void rejectsImpossibleSchedules() {
        assertThatThrownBy(() -> new WarmupCosineSchedule(-1, 0, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base learning rate");
        assertThatThrownBy(() -> new WarmupCosineSchedule(1, Double.NaN, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmupCosineSchedule(1, 0, 0, 11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warm-up steps");
        assertThatThrownBy(() -> new WarmupCosineSchedule(1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.at(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.constant(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
