package org.nlb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BackdoorMetricsTest {
    @Test
    void handCheckedExample() {
        // Eight test images, three classes, target 2.
        int[] truth = {0, 0, 1, 1, 1, 2, 2, 0};
        int[] clean = {0, 1, 1, 1, 2, 2, 0, 0};
        int[] triggered = {2, 0, 2, 2, 1, 2, 2, 2};
        BackdoorMetrics m = BackdoorMetrics.of(truth, clean, triggered, 2, 3);
        // clean right at 0, 2, 3, 5, 7 → 5/8; triggered right at 1, 4, 5, 6 → 4/8.
        assertThat(m.cleanAcc()).isEqualTo(5 / 8.0);
        assertThat(m.poisonAcc()).isEqualTo(4 / 8.0);
        // Six images are not of class 2 (0, 1, 2, 3, 4, 7); triggered, 0, 2, 3, 7 say 2 → 4/6.
        assertThat(m.nonTarget()).isEqualTo(6);
        assertThat(m.asr()).isCloseTo(4 / 6.0, within(1e-12));
        // Clean, only image 4 says 2 → 1/6 (image 5 is of class 2 and does not count).
        assertThat(m.cleanToTarget()).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(m.confusion()).isEqualTo(new int[][] {
            {1, 0, 2},  // class 0: image 1 → 0, images 0 and 7 → 2
            {0, 1, 2},  // class 1: image 4 → 1, images 2 and 3 → 2
            {0, 0, 2},  // class 2: images 5 and 6 → 2
        });
        assertThat(BackdoorMetrics.asr(truth, triggered, 2)).isEqualTo(m.asr());
    }

    @Test
    void theCleanEncoderControlIsTheSameFunctionOfItsOwnPredictions() {
        int[] truth = {0, 1, 2, 0, 1, 2};
        int[] victimTriggered = {1, 1, 1, 1, 1, 2};
        int[] cleanEncoderTriggered = {0, 1, 2, 1, 1, 2};
        // Images 0, 2, 3 and 5 are not of class 1: the victim sends 0, 2, 3 there, the clean encoder only 3.
        assertThat(BackdoorMetrics.asr(truth, victimTriggered, 1)).isEqualTo(0.75);
        assertThat(BackdoorMetrics.asr(truth, cleanEncoderTriggered, 1)).isEqualTo(0.25);
    }

    @Test
    void withEveryTestImageOfTheTargetClassTheRatesAreUndefined() {
        BackdoorMetrics m = BackdoorMetrics.of(new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 1}, 1, 2);
        assertThat(m.asr()).isNaN();
        assertThat(m.cleanToTarget()).isNaN();
        assertThat(m.cleanAcc()).isEqualTo(0.5);
        assertThat(m.nonTarget()).isZero();
    }

    @Test
    void refusesMismatchedArraysAndATargetOutsideTheClasses() {
        assertThatThrownBy(() -> BackdoorMetrics.of(new int[] {0, 1}, new int[] {0}, new int[] {0, 1}, 0, 2))
                .hasMessageContaining("one clean and one triggered prediction per label");
        assertThatThrownBy(() -> BackdoorMetrics.of(new int[] {0}, new int[] {0}, new int[] {0}, 2, 2))
                .hasMessageContaining("target 2 is outside 0..1");
    }
}
