package org.nlb.poison.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.TriggerConfig.Position;

/** The registry of trigger names, options and defaults. */
class TriggerConfigTest {
    @Test
    void everyRegisteredNameResolvesAndTheListIsStable() {
        assertThat(TriggerKind.validNames()).isEqualTo("checkerboard-center, checkerboard-corner, checkerboard-4corner, "
                + "checkerboard-full, blend-noise, blend-image, patch-random, layout-patch");
        for (TriggerKind k : TriggerKind.values()) {
            assertThat(TriggerKind.fromName(k.id())).isSameAs(k);
        }
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> TriggerKind.fromName("checkerboard"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown trigger 'checkerboard'")
                .hasMessageContaining(TriggerKind.validNames());
    }

    @Test
    void defaultsComeFromTheRegistry() {
        TriggerConfig centre = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER);
        assertThat(centre.alpha()).isEqualTo(1.0);
        assertThat(centre.size()).isEqualTo(3);
        assertThat(centre.position()).isEmpty();
        assertThat(TriggerConfig.of(TriggerKind.CHECKERBOARD_FULL).alpha()).isEqualTo(0.1);
        assertThat(TriggerConfig.of(TriggerKind.BLEND_NOISE).seed()).isZero();
        assertThat(TriggerConfig.of(TriggerKind.PATCH_RANDOM).parameters())
                .containsEntry("alpha", 1.0).containsEntry("size", 3).containsEntry("seed", 0L)
                .doesNotContainKey("image");
        assertThat(TriggerConfig.of(TriggerKind.CHECKERBOARD_FULL).parameters()).containsOnlyKeys("alpha");
    }

    @Test
    void anOptionTheTriggerDoesNotUseIsRefused() {
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER, null, null, null, Path.of("x.png"), null, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--image: trigger checkerboard-center does not use it")
                .hasMessageContaining("--alpha, --size, --position");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.CHECKERBOARD_FULL, null, 5, null, null, null, null))
                .hasMessageStartingWith("--size:");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.CHECKERBOARD_4CORNER, null, null, new Position(0, 0), null, null, null))
                .hasMessageStartingWith("--position:");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER, null, null, null, null, 3L, null))
                .hasMessageStartingWith("--trigger-seed:");
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.CHECKERBOARD_FULL, bad, null, null, null, null, null))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("--alpha: must be in (0, 1]");
        }
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.PATCH_RANDOM, null, 0, null, null, null, null))
                .hasMessageStartingWith("--size:");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.BLEND_IMAGE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs an image file");
    }

    @Test
    void positionsParseAsRowCommaColumn() {
        assertThat(Position.parse("14, 15")).isEqualTo(new Position(14, 15));
        for (String bad : Arrays.asList("14", "a,b", "1,2,3", "-1,0")) {
            assertThatThrownBy(() -> Position.parse(bad)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("--position:");
        }
    }
}
