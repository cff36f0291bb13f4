package org.nlb.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlb.testing.TestImages;

/** The compact N×C×H×W image set and its labels. */
class ImageSetTest {
    @Test
    void pixelIndexesChannelFirstRowMajor() {
        byte[] px = new byte[2 * 3 * 4 * 5];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) i;
        }
        ImageSet set = ImageSet.of(px, 2, 3, 4, 5);

        assertThat(set.pixel(0, 0, 0, 1)).isEqualTo(1);
        assertThat(set.pixel(0, 0, 1, 0)).isEqualTo(5);
        assertThat(set.pixel(0, 1, 0, 0)).isEqualTo(20);
        assertThat(set.pixel(1, 2, 3, 4)).isEqualTo(119);
        assertThat(set.imageBytes()).isEqualTo(60);
        assertThat(set.image(1)[0]).isEqualTo((byte) 60);
        assertThat(set.shapeText()).isEqualTo("3x4x5");
    }

    @Test
    void pixelsAreUnsigned() {
        ImageSet set = ImageSet.of(new byte[] {(byte) 255}, 1, 1, 1, 1);
        assertThat(set.pixel(0, 0, 0, 0)).isEqualTo(255);
    }

    @Test
    void subsetKeepsImagesLabelsAndNamesInTheGivenOrder() {
        ImageSet set = TestImages.labeled(5, 2, 3, 3, 3, 1).withItemNames(List.of("a", "b", "c", "d", "e"))
                .withSecondaryLabels(Labels.numbered(new int[] {4, 3, 2, 1, 0}, 5));

        ImageSet sub = set.subset(new int[] {4, 1, 1});

        assertThat(sub.size()).isEqualTo(3);
        assertThat(sub.image(0)).isEqualTo(set.image(4));
        assertThat(sub.image(1)).isEqualTo(set.image(1));
        assertThat(sub.image(2)).isEqualTo(set.image(1));
        assertThat(TestImages.labelsOf(sub)).containsExactly(1, 1, 1);
        assertThat(sub.secondaryLabels().orElseThrow().values()).containsExactly(0, 3, 3);
        assertThat(sub.itemNames().orElseThrow()).containsExactly("e", "b", "b");
        assertThat(sub.labels().orElseThrow().classNames()).isEqualTo(set.labels().orElseThrow().classNames());
    }

    @Test
    void subsetRejectsIndicesOutOfRange() {
        ImageSet set = TestImages.labeled(3, 1, 2, 2, 2, 1);
        assertThatThrownBy(() -> set.subset(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> set.subset(new int[] {-1})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void withPixelsKeepsEverythingElse() {
        ImageSet set = TestImages.labeled(2, 1, 2, 2, 2, 1).withItemNames(List.of("x", "y"));
        byte[] other = new byte[8];

        ImageSet changed = set.withPixels(other);

        assertThat(changed.pixels()).isSameAs(other);
        assertThat(changed.labels()).isEqualTo(set.labels());
        assertThat(changed.itemNames()).isEqualTo(set.itemNames());
        assertThat(set.pixels()).isNotSameAs(other);
        assertThatThrownBy(() -> set.withPixels(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shapeAndCountsAreChecked() {
        assertThatThrownBy(() -> ImageSet.of(new byte[4], 1, 0, 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSet.of(new byte[4], 1, 1, 2, 2, Labels.numbered(new int[] {0, 0}, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSet.of(new byte[4], 1, 1, 2, 2).withItemNames(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ImageSet.of(new byte[0], 0, 1, 2, 2).size()).isZero();
    }

    @Test
    void labelsCheckTheirRangeAndCountClasses() {
        Labels labels = new Labels(new int[] {0, 2, 2, 1, 2}, List.of("a", "b", "c"));

        assertThat(labels.classCounts()).containsExactly(1, 1, 3);
        assertThat(labels.subset(new int[] {1, 0}).values()).containsExactly(2, 0);
        assertThat(labels).isEqualTo(new Labels(new int[] {0, 2, 2, 1, 2}, List.of("a", "b", "c")));
        assertThat(Labels.numberedNames(3)).containsExactly("0", "1", "2");
        assertThatThrownBy(() -> new Labels(new int[] {3}, List.of("a", "b", "c"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Labels(new int[] {-1}, List.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
