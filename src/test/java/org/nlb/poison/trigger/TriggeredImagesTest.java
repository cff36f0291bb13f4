package org.nlb.poison.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nlb.data.ImageSet;
import org.nlb.poison.SyntheticImages;

/** Applying a trigger to an image set: only the chosen images change, the source never does. */
class TriggeredImagesTest {
    @Test
    void onlyTheChosenImagesChangeAndTheSourceBufferIsUntouched() {
        ImageSet set = SyntheticImages.random(10, 3, 8, 8, 42);
        byte[] before = set.pixels().clone();
        Trigger trigger = TriggerConfig.of(TriggerKind.CHECKERBOARD_FULL).buildFor(ImageShape.of(set));
        int[] chosen = {7, 2, 5};
        ImageSet out = TriggeredImages.at(set, chosen, trigger);
        assertThat(set.pixels()).isEqualTo(before);
        assertThat(out.pixels()).isNotSameAs(set.pixels());
        assertThat(out.labels()).isEqualTo(set.labels());
        for (int i = 0; i < 10; i++) {
            boolean poisoned = i == 7 || i == 2 || i == 5;
            byte[] expected = poisoned ? trigger.applied(set.image(i), i) : set.image(i);
            assertThat(out.image(i)).as("image %d", i).isEqualTo(expected);
        }
    }

    @Test
    void allTriggersEveryImageWithItsOwnIndex() {
        ImageSet set = SyntheticImages.random(6, 1, 7, 9, 3);
        byte[] before = set.pixels().clone();
        Trigger trigger = TriggerConfig.of(TriggerKind.PATCH_RANDOM, null, null, null, null, 9L, null).buildFor(ImageShape.of(set));
        ImageSet out = TriggeredImages.all(set, trigger);
        assertThat(set.pixels()).isEqualTo(before);
        for (int i = 0; i < 6; i++) {
            assertThat(out.image(i)).isEqualTo(trigger.applied(set.image(i), i));
        }
        assertThat(TriggeredImages.all(set, trigger).pixels()).isEqualTo(out.pixels());
    }

    @Test
    void duplicateOrOutOfRangeIndicesAndWrongShapesAreRefused() {
        ImageSet set = SyntheticImages.random(4, 1, 8, 8, 1);
        Trigger trigger = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER).buildFor(ImageShape.of(set));
        assertThatThrownBy(() -> TriggeredImages.at(set, new int[] {1, 1}, trigger)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TriggeredImages.at(set, new int[] {4}, trigger)).isInstanceOf(IndexOutOfBoundsException.class);
        Trigger other = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER).buildFor(new ImageShape(3, 8, 8));
        assertThatThrownBy(() -> TriggeredImages.all(set, other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void previewHoldsTheCleanImagesThenTheTriggeredOnes() {
        ImageSet set = SyntheticImages.random(5, 3, 6, 6, 8);
        Trigger trigger = TriggerConfig.of(TriggerKind.PATCH_RANDOM).buildFor(ImageShape.of(set));
        int[] sample = {4, 0};
        ImageSet preview = TriggeredImages.cleanThenTriggered(set, sample, trigger);
        assertThat(preview.size()).isEqualTo(4);
        assertThat(preview.image(0)).isEqualTo(set.image(4));
        assertThat(preview.image(1)).isEqualTo(set.image(0));
        assertThat(preview.image(2)).isEqualTo(trigger.applied(set.image(4), 4));
        assertThat(preview.image(3)).isEqualTo(trigger.applied(set.image(0), 0));
    }

    @Test
    void layoutPatchPoisonsWithTheLayoutAndTriggersTestImagesWithThePlainPatch() {
        ImageSet set = SyntheticImages.random(5, 1, 10, 10, 8);
        Trigger layout = TriggerConfig.of(TriggerKind.LAYOUT_PATCH).buildFor(ImageShape.of(set));
        ImageSet poisoned = TriggeredImages.at(set, new int[] {0, 3}, layout);
        ImageSet test = TriggeredImages.all(set, layout);
        for (int i = 0; i < 5; i++) {
            assertThat(test.image(i)).as("test image %d", i).isEqualTo(layout.testTime().applied(set.image(i), i));
            assertThat(test.image(i)).isNotEqualTo(layout.applied(set.image(i), i));
        }
        assertThat(poisoned.image(3)).isEqualTo(layout.applied(set.image(3), 3));
    }

    @Test
    void asPoisonedTriggersEachImageWithTheIndexItWasPoisonedUnder() {
        ImageSet set = SyntheticImages.random(12, 1, 10, 10, 5);
        Trigger layout = TriggerConfig.of(TriggerKind.LAYOUT_PATCH, null, null, null, null, 3L, null)
                .buildFor(ImageShape.of(set));
        int[] poison = {9, 2, 7};
        ImageSet shown = TriggeredImages.asPoisoned(set.subset(poison), poison, layout);
        ImageSet poisoned = TriggeredImages.at(set, poison, layout);
        for (int k = 0; k < poison.length; k++) {
            assertThat(shown.image(k)).isEqualTo(poisoned.image(poison[k]));
        }
        assertThatThrownBy(() -> TriggeredImages.asPoisoned(set.subset(poison), new int[] {1}, layout))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPreviewHasACleanRowThenOneRowPerTrigger() {
        ImageSet set = SyntheticImages.random(6, 3, 10, 10, 1);
        Trigger layout = TriggerConfig.of(TriggerKind.LAYOUT_PATCH).buildFor(ImageShape.of(set));
        int[] picked = {4, 1};
        ImageSet rows = TriggeredImages.cleanThenTriggered(set, picked, java.util.List.of(layout, layout.testTime()));
        assertThat(rows.size()).isEqualTo(6);
        for (int k = 0; k < 2; k++) {
            assertThat(rows.image(k)).isEqualTo(set.image(picked[k]));
            assertThat(rows.image(2 + k)).isEqualTo(layout.applied(set.image(picked[k]), picked[k]));
            assertThat(rows.image(4 + k)).isEqualTo(layout.testTime().applied(set.image(picked[k]), picked[k]));
        }
    }
}
