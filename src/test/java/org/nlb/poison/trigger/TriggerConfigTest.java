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
    void layoutPatchTakesAScaleAndChoosesItsSizeFromTheImage() {
        TriggerConfig layout = TriggerConfig.of(TriggerKind.LAYOUT_PATCH);
        assertThat(layout.alpha()).isEqualTo(1.0);
        assertThat(layout.scale()).isEqualTo(0.6);
        assertThat(layout.size()).isEqualTo(TriggerKind.SIZE_FROM_IMAGE);
        assertThat(layout.parameters()).containsOnlyKeys("alpha", "seed", "scale").containsEntry("scale", 0.6);
        TriggerConfig built = layout.buildFor(new ImageShape(1, 28, 28)).config();
        assertThat(built.parameters()).containsEntry("size", 6).containsEntry("scale", 0.6);
        assertThat(layout.buildFor(new ImageShape(3, 32, 32)).config().size()).isEqualTo(6);
        assertThat(layout.buildFor(new ImageShape(1, 10, 10)).config().size()).as("at least 3").isEqualTo(3);
        TriggerConfig given = TriggerConfig.of(TriggerKind.LAYOUT_PATCH, 0.5, 4, null, null, 2L, 0.8);
        assertThat(given.buildFor(new ImageShape(1, 28, 28)).config()).isEqualTo(given);
        for (TriggerKind k : TriggerKind.values()) {
            if (k != TriggerKind.LAYOUT_PATCH && k != TriggerKind.BLEND_IMAGE) {
                assertThat(TriggerConfig.of(k).parameters()).as(k.id()).doesNotContainKey("scale");
                assertThat(TriggerConfig.of(k).size()).as(k.id()).isEqualTo(3);
            }
        }
    }

    @Test
    void aScaleOutsideItsRangeOrForAnotherKindIsRefused() {
        for (double bad : new double[] {0.2, 0.1, 0.95, 1.0, 0, Double.NaN}) {
            assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.LAYOUT_PATCH, null, null, null, null, null, bad))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("--scale: must be in (0.2, 0.9], got " + bad);
        }
        assertThat(TriggerConfig.of(TriggerKind.LAYOUT_PATCH, null, null, null, null, null, 0.9).scale()).isEqualTo(0.9);
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.PATCH_RANDOM, null, null, null, null, null, 0.5))
                .hasMessageStartingWith("--scale: trigger patch-random does not use it");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.LAYOUT_PATCH, null, 0, null, null, null, null))
                .as("a given size is never 'from the image'").hasMessageStartingWith("--size: must be between 1");
        assertThatThrownBy(() -> TriggerConfig.of(TriggerKind.LAYOUT_PATCH, null, null, new Position(1, 1), null, null, null))
                .hasMessageStartingWith("--position:");
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
