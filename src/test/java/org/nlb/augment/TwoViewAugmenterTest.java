package org.nlb.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlb.data.ImageSet;

class TwoViewAugmenterTest {
    @Test
    void colourOpsAreLeftOutForOneChannelButJitterAndSolarisationStay() {
        AugmentConfig all = AugmentConfig.cifarReference()
                .withViews(AugmentConfig.cifarReference().view2(), AugmentConfig.cifarReference().view2());
        TwoViewAugmenter gray = TwoViewAugmenter.forData(TestImages.random(2, 1, 8, 8, 1), all);
        TwoViewAugmenter rgb = TwoViewAugmenter.forData(TestImages.random(2, 3, 8, 8, 1), all);
        // the jitter's brightness and contrast apply to gray images, as torchvision's on a PIL "L" image
        assertThat(gray.opTypes(1)).isEqualTo(List.of(RandomResizedCrop.class, ColorJitter.class, Solarize.class,
                HorizontalFlip.class));
        assertThat(rgb.opTypes(1)).isEqualTo(List.of(RandomResizedCrop.class, ColorJitter.class,
                RandomGrayscale.class, Solarize.class, HorizontalFlip.class));
    }

    @Test
    void oneChannelImageWithCertainColourOpsIsUnchanged() {
        // saturation, hue and grayscale with probability 1 would change a 3-channel image; a gray one they leave alone
        AugmentConfig.View colourOnly = new AugmentConfig.View(new AugmentConfig.Crop(1, 1, 1, 1), 0,
                new AugmentConfig.Jitter(1, 0, 0, 0.8, 0.5), 1, 0);
        ImageSet set = TestImages.random(3, 1, 6, 6, 2);
        AugmentConfig config = AugmentConfig.cpuScale().withViews(colourOnly, colourOnly)
                .withNormalization(Normalization.uniform(1, 0, 1));
        TwoViewAugmenter aug = TwoViewAugmenter.forData(set, config);
        float[] v1 = new float[36];
        float[] v2 = new float[36];
        aug.augment(set, 1, 3, 0, aug.newScratch(), v1, v2, 0);
        float[] expected = new float[36];
        for (int k = 0; k < 36; k++) {
            expected[k] = set.pixel(1, 0, k / 6, k % 6) / 255f;
        }
        assertThat(v1).containsExactly(expected);
        assertThat(v2).containsExactly(expected);
    }

    @Test
    void outputHasTheConfiguredShape() {
        ImageSet set = TestImages.random(2, 3, 28, 28, 3);
        TwoViewAugmenter aug = TwoViewAugmenter.forData(set, AugmentConfig.cifarReference().withOutputSize(32, 24));
        assertThat(aug.floatsPerImage()).isEqualTo(3 * 32 * 24);
        float[] v1 = new float[2 * aug.floatsPerImage()];
        float[] v2 = new float[2 * aug.floatsPerImage()];
        aug.augment(set, 0, 1, 0, aug.newScratch(), v1, v2, aug.floatsPerImage());
        assertThat(Arrays.copyOf(v1, aug.floatsPerImage())).containsOnly(0f); // offset respected
        assertThat(v1[aug.floatsPerImage()]).isNotEqualTo(0f);
        for (float f : v1) {
            assertThat(f).isFinite();
        }
    }

    @Test
    void viewsArePureFunctionsOfSeedEpochItemAndView() {
        ImageSet set = TestImages.random(4, 3, 16, 16, 4);
        TwoViewAugmenter aug = TwoViewAugmenter.forData(set, AugmentConfig.cifarReference());
        float[][] a = views(aug, set, 2, 7, 3);
        float[][] again = views(aug, set, 2, 7, 3);
        assertThat(again[0]).containsExactly(a[0]);
        assertThat(again[1]).containsExactly(a[1]);
        assertThat(a[0]).isNotEqualTo(a[1]);
        assertThat(views(aug, set, 2, 7, 4)[0]).isNotEqualTo(a[0]);
        assertThat(views(aug, set, 2, 8, 3)[0]).isNotEqualTo(a[0]);
    }

    @Test
    void refusesImagesOfAnotherShape() {
        TwoViewAugmenter aug = TwoViewAugmenter.forData(TestImages.random(1, 3, 8, 8, 5), AugmentConfig.cpuScale());
        ImageSet other = TestImages.random(1, 3, 8, 9, 5);
        float[] v = new float[400];
        assertThatThrownBy(() -> aug.augment(other, 0, 1, 0, aug.newScratch(), v, v, 0))
                .hasMessageContaining("3x8x9");
    }

    private static float[][] views(TwoViewAugmenter aug, ImageSet set, int item, long seed, int epoch) {
        float[] v1 = new float[aug.floatsPerImage()];
        float[] v2 = new float[aug.floatsPerImage()];
        aug.augment(set, item, seed, epoch, aug.newScratch(), v1, v2, 0);
        return new float[][] {v1, v2};
    }
}
