package org.nlb.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentOpsTest {
    private static final AugmentConfig.Crop WHOLE = new AugmentConfig.Crop(1, 1, 1, 1);

    @Test
    void flipMirrorsEveryRowExactly() {
        float[] v = TestImages.randomFloats(3 * 4 * 5, 1);
        FloatImage img = TestImages.floats(v, 3, 4, 5);
        new HorizontalFlip(1.0).apply(img, new SplittableRandom(0));
        float[] out = img.toArray();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    assertThat(out[(c * 4 + y) * 5 + x]).isEqualTo(v[(c * 4 + y) * 5 + (4 - x)]);
                }
            }
        }
    }

    @Test
    void flipWithProbabilityZeroNeverFlips() {
        float[] v = TestImages.randomFloats(2 * 6, 2);
        FloatImage img = TestImages.floats(v, 1, 2, 6);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            new HorizontalFlip(0.0).apply(img, rng);
        }
        assertThat(img.toArray()).containsExactly(v);
    }

    @Test
    void cropWithScaleOneAndRatioOneIsIdentity() {
        float[] v = TestImages.randomFloats(3 * 8 * 8, 4);
        FloatImage img = TestImages.floats(v, 3, 8, 8);
        new RandomResizedCrop(WHOLE, 8, 8).apply(img, new SplittableRandom(5));
        assertThat(img.height()).isEqualTo(8);
        assertThat(img.toArray()).containsExactly(v);
    }

    @Test
    void anAxisOfUnchangedSizePassesThroughTheFilterExactly() {
        float[] row = TestImages.randomFloats(5, 6);
        FloatImage img = TestImages.floats(row, 1, 1, 5);
        Resampler.cropResize(img, 0, 0, 1, 5, 3, 5);   // rows 1 -> 3, columns 5 -> 5
        float[] out = img.toArray();
        for (int y = 0; y < 3; y++) {
            assertThat(java.util.Arrays.copyOfRange(out, y * 5, y * 5 + 5)).containsExactly(row);
        }
    }

    @Test
    void bilinearUpsamplingMatchesHalfPixelInterpolation() {
        // torch.nn.functional.interpolate([0, 1], size=4, mode="bilinear", align_corners=False)
        FloatImage img = TestImages.floats(new float[] {0f, 1f}, 1, 1, 2);
        Resampler.cropResize(img, 0, 0, 1, 2, 1, 4);
        assertThat(img.toArray()).containsExactly(0f, 0.25f, 0.75f, 1f);
    }

    @Test
    void shrinkingAveragesWithAntialiasing() {
        // 4 -> 2: the triangle widened to support 2 weighs taps 0.75, 0.75, 0.25 (renormalised at the edge)
        FloatImage img = TestImages.floats(new float[] {0f, 0f, 1f, 1f}, 1, 1, 4);
        Resampler.cropResize(img, 0, 0, 1, 4, 1, 2);
        float[] out = img.toArray();
        assertThat(out[0]).isCloseTo(1f / 7f, within(1e-6f));
        assertThat(out[1]).isCloseTo(6f / 7f, within(1e-6f));
        FloatImage flat = TestImages.floats(new float[] {0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f}, 1, 1, 6);
        Resampler.cropResize(flat, 0, 0, 1, 6, 1, 4);
        for (float f : flat.toArray()) {
            assertThat(f).isCloseTo(0.3f, within(1e-6f));
        }
    }

    @Test
    void cropBoxesStayInsideTheImageAndRespectTheRanges() {
        AugmentConfig.Crop crop = AugmentConfig.REFERENCE_CROP;
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            RandomResizedCrop.Box b = RandomResizedCrop.box(32, 28, crop, rng);
            assertThat(b.top()).isGreaterThanOrEqualTo(0);
            assertThat(b.left()).isGreaterThanOrEqualTo(0);
            assertThat(b.top() + b.height()).isLessThanOrEqualTo(32);
            assertThat(b.left() + b.width()).isLessThanOrEqualTo(28);
            double area = (double) b.height() * b.width() / (32 * 28);
            // sides are rounded to whole pixels, so allow a little slack around the area range
            assertThat(area).isBetween(0.04, 1.0);
        }
    }

    @Test
    void impossibleCropFallsBackToACentreCropOfTheAllowedRatio() {
        // a 10 x 40 image, ratio forced to 1: no 10-attempt box fits at scale 1
        AugmentConfig.Crop square = new AugmentConfig.Crop(1, 1, 1, 1);
        RandomResizedCrop.Box b = RandomResizedCrop.box(10, 40, square, new SplittableRandom(8));
        assertThat(b).isEqualTo(new RandomResizedCrop.Box(0, 15, 10, 10));
        RandomResizedCrop.Box tall = RandomResizedCrop.box(40, 10, square, new SplittableRandom(8));
        assertThat(tall).isEqualTo(new RandomResizedCrop.Box(15, 0, 10, 10));
    }

    @Test
    void solariseInvertsValuesFrom128Up() {
        float[] v = {0f, 127f / 255f, 128f / 255f, 200f / 255f, 1f};
        FloatImage img = TestImages.floats(v, 1, 1, 5);
        new Solarize(1.0).apply(img, new SplittableRandom(0));
        float[] out = img.toArray();
        assertThat(out[0]).isEqualTo(0f);
        assertThat(out[1]).isEqualTo(127f / 255f);
        assertThat(out[2]).isCloseTo(127f / 255f, within(1e-6f));
        assertThat(out[3]).isCloseTo(55f / 255f, within(1e-6f));
        assertThat(out[4]).isEqualTo(0f);
    }

    @Test
    void grayscaleUsesTheLumaWeights() {
        // three pixels: pure red, pure green, pure blue
        float[] v = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        FloatImage img = TestImages.floats(v, 3, 1, 3);
        new RandomGrayscale(1.0).apply(img, new SplittableRandom(0));
        float[] out = img.toArray();
        for (int c = 0; c < 3; c++) {
            assertThat(out[c * 3]).isEqualTo(0.299f);
            assertThat(out[c * 3 + 1]).isEqualTo(0.587f);
            assertThat(out[c * 3 + 2]).isEqualTo(0.114f);
        }
    }

    @Test
    void jitterFactorsOfOneAreIdentity() {
        float[] v = TestImages.randomFloats(3 * 5 * 5, 9);
        FloatImage img = TestImages.floats(v, 3, 5, 5);
        ColorJitter.brightness(img, 1f);
        ColorJitter.contrast(img, 1f);
        ColorJitter.saturation(img, 1f);
        assertThat(img.toArray()).containsExactly(v);
    }

    @Test
    void jitterFormulasMatchTorchvision() {
        float[] v = {0.2f, 0.8f, 0.5f, 0.1f, 0.4f, 0.9f};   // 2 pixels, R G B planes
        FloatImage img = TestImages.floats(v, 3, 1, 2);
        ColorJitter.brightness(img, 1.5f);
        assertThat(img.toArray()).containsExactly(0.3f, 1f, 0.75f, 0.15f, 0.6f, 1f);

        img = TestImages.floats(v, 3, 1, 2);
        float luma0 = 0.299f * 0.2f + 0.587f * 0.5f + 0.114f * 0.4f;
        float luma1 = 0.299f * 0.8f + 0.587f * 0.1f + 0.114f * 0.9f;
        ColorJitter.saturation(img, 0f);
        assertThat(img.toArray()[0]).isCloseTo(luma0, within(1e-6f));
        assertThat(img.toArray()[5]).isCloseTo(luma1, within(1e-6f));

        img = TestImages.floats(v, 3, 1, 2);
        ColorJitter.contrast(img, 0f);
        for (float f : img.toArray()) {
            assertThat(f).isCloseTo((luma0 + luma1) / 2, within(1e-6f));
        }
    }

    @Test
    void hueShiftOfZeroIsIdentityUpToRounding() {
        float[] v = TestImages.randomFloats(3 * 16 * 16, 10);
        FloatImage img = TestImages.floats(v, 3, 16, 16);
        ColorJitter.hue(img, 0f);
        float[] out = img.toArray();
        for (int k = 0; k < v.length; k++) {
            assertThat(out[k]).isCloseTo(v[k], within(1e-6f));
        }
    }

    @Test
    void hueMatchesANaiveTranscriptionOfTorchvisionsHsvRoundTrip() {
        SplittableRandom rng = new SplittableRandom(15);
        float[] v = TestImages.randomFloats(3 * 20 * 20, 16);
        for (int k = 0; k < 40; k++) {
            v[k] = v[400 + k]; // some pixels with ties between channels
        }
        for (float shift : new float[] {-0.5f, -0.1f, 0.03f, 0.25f, 0.5f, (float) (rng.nextDouble() - 0.5)}) {
            FloatImage img = TestImages.floats(v, 3, 20, 20);
            ColorJitter.hue(img, shift);
            float[] out = img.toArray();
            for (int p = 0; p < 400; p++) {
                float[] expected = naiveHue(v[p], v[400 + p], v[800 + p], shift);
                for (int c = 0; c < 3; c++) {
                    assertThat(out[c * 400 + p]).as("pixel %d channel %d shift %f", p, c, shift)
                            .isCloseTo(expected[c], within(2e-6f));
                }
            }
        }
    }

    /** torchvision.transforms.functional_tensor _rgb2hsv, hue shift, _hsv2rgb, one pixel, in doubles. */
    private static float[] naiveHue(double r, double g, double b, double shift) {
        double maxc = Math.max(r, Math.max(g, b));
        double minc = Math.min(r, Math.min(g, b));
        boolean eqc = maxc == minc;
        double cr = maxc - minc;
        double s = cr / (eqc ? 1 : maxc);
        double div = eqc ? 1 : cr;
        double rc = (maxc - r) / div;
        double gc = (maxc - g) / div;
        double bc = (maxc - b) / div;
        double hr = maxc == r ? bc - gc : 0;
        double hg = maxc == g && maxc != r ? 2.0 + rc - bc : 0;
        double hb = maxc != g && maxc != r ? 4.0 + gc - rc : 0;
        double h = ((hr + hg + hb) / 6.0 + 1.0) % 1.0;
        h = ((h + shift) % 1.0 + 1.0) % 1.0;
        double v = maxc;
        int i = (int) Math.floor(h * 6.0);
        double f = h * 6.0 - i;
        double p = clamp(v * (1 - s));
        double q = clamp(v * (1 - s * f));
        double t = clamp(v * (1 - s * (1 - f)));
        double[][] rgb = {{v, t, p}, {q, v, p}, {p, v, t}, {p, q, v}, {t, p, v}, {v, p, q}};
        double[] o = rgb[i % 6];
        return new float[] {(float) o[0], (float) o[1], (float) o[2]};
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    @Test
    void hueShiftOfAThirdTurnsRedIntoGreenAndLeavesGreyAlone() {
        // pixel 0: red (1,0,0); pixel 1: grey (0.5,0.5,0.5) — planes R=[1,.5], G=[0,.5], B=[0,.5]
        FloatImage img = TestImages.floats(new float[] {1f, 0.5f, 0f, 0.5f, 0f, 0.5f}, 3, 1, 2);
        ColorJitter.hue(img, 1f / 3f);
        float[] out = img.toArray();
        assertThat(out[0]).isCloseTo(0f, within(1e-6f));
        assertThat(out[2]).isCloseTo(1f, within(1e-6f));
        assertThat(out[4]).isCloseTo(0f, within(1e-6f));
        assertThat(new float[] {out[1], out[3], out[5]}).containsExactly(0.5f, 0.5f, 0.5f);
    }

    @Test
    void jitterWithAllStrengthsZeroChangesNothing() {
        float[] v = TestImages.randomFloats(3 * 4 * 4, 11);
        FloatImage img = TestImages.floats(v, 3, 4, 4);
        new ColorJitter(new AugmentConfig.Jitter(1, 0, 0, 0, 0)).apply(img, new SplittableRandom(12));
        assertThat(img.toArray()).containsExactly(v);
    }

    @Test
    void jitterStaysInTheUnitRange() {
        float[] v = TestImages.randomFloats(3 * 8 * 8, 13);
        ColorJitter strong = new ColorJitter(new AugmentConfig.Jitter(1, 0.8, 0.8, 0.8, 0.5));
        SplittableRandom rng = new SplittableRandom(14);
        for (int i = 0; i < 100; i++) {
            FloatImage img = TestImages.floats(v, 3, 8, 8);
            strong.apply(img, rng);
            for (float f : img.toArray()) {
                assertThat(f).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void brightnessAndContrastWorkOnGrayImagesAsOnPilGrayImages() {
        FloatImage img = new FloatImage(4);
        img.load(new byte[] {0, 64, (byte) 128, (byte) 255}, 0, 1, 2, 2);
        float[] v = img.data().clone();
        ColorJitter.brightness(img, 1.5f);
        for (int k = 0; k < 4; k++) {
            assertThat(img.data()[k]).isEqualTo(Math.min(1f, 1.5f * v[k]));
        }
        img.load(new byte[] {0, 64, (byte) 128, (byte) 255}, 0, 1, 2, 2);
        float mean = (v[0] + v[1] + v[2] + v[3]) / 4;
        ColorJitter.contrast(img, 0.5f);
        for (int k = 0; k < 4; k++) {
            assertThat(img.data()[k]).isCloseTo(0.5f * v[k] + 0.5f * mean, org.assertj.core.api.Assertions.within(1e-6f));
        }
        // a certain jitter changes a gray image; without brightness and contrast it leaves it alone
        img.load(new byte[] {0, 64, (byte) 128, (byte) 255}, 0, 1, 2, 2);
        new ColorJitter(new AugmentConfig.Jitter(1, 0.8, 0.8, 0.8, 0.5)).apply(img, new SplittableRandom(3));
        assertThat(img.data()).isNotEqualTo(v);
        img.load(new byte[] {0, 64, (byte) 128, (byte) 255}, 0, 1, 2, 2);
        new ColorJitter(new AugmentConfig.Jitter(1, 0, 0, 0.8, 0.5)).apply(img, new SplittableRandom(3));
        assertThat(img.data()).containsExactly(v);
    }
}
