package org.nlb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.ImageSet;
import org.nlb.model.EncoderSpec;
import org.nlb.model.EncoderStore;
import org.nlb.model.EncoderStore.LoadedEncoder;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import org.nlb.poison.trigger.TriggeredImages;
import org.nlb.testing.TestEncoders;
import org.nlb.testing.TestImages;

class FeatureExtractorTest {
    @TempDir
    Path tmp;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private LoadedEncoder encoder(int channels, int size) {
        return EncoderStore.load(TestEncoders.tiny(tmp.resolve("enc"), channels, size), manager);
    }

    private static Map<String, float[]> parameters(LoadedEncoder encoder) {
        Map<String, float[]> values = new LinkedHashMap<>();
        encoder.backbone().getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    @Test
    void extractionLeavesEveryParameterAndRunningStatisticBitIdentical() {
        LoadedEncoder encoder = encoder(1, 12);
        Map<String, float[]> before = parameters(encoder);
        assertThat(before.keySet()).anyMatch(k -> k.contains("runningMean")).anyMatch(k -> k.contains("runningVar"));
        // The running statistics were moved away from their initial 0 and 1, so a training-mode
        // forward pass (which updates them) would show up below.
        before.entrySet().stream().filter(e -> e.getKey().contains("runningMean"))
                .forEach(e -> assertThat(e.getValue()).as(e.getKey()).isNotEqualTo(new float[e.getValue().length]));
        ImageSet images = TestImages.labeled(40, 1, 12, 12, 3, 5);
        Trigger trigger = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER).buildFor(ImageShape.of(images));

        int resources = resourceCount(manager);
        FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withBatchSize(16));
        FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withTrigger(trigger));
        assertThat(resourceCount(manager)).as("nothing left attached to the encoder's manager").isEqualTo(resources);

        Map<String, float[]> after = parameters(encoder);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((name, values) -> assertThat(after.get(name)).as(name).containsExactly(values));
    }

    @Test
    void rowsAreTheInferenceModeOutputsOfImagesScaledWithTheEncodersMeanAndStdPerChannel() {
        LoadedEncoder encoder = encoder(3, 8);
        EncoderSpec spec = encoder.spec();
        ImageSet images = TestImages.labeled(5, 3, 8, 8, 2, 9);
        float[] expected = new float[5 * 3 * 8 * 8];
        int k = 0;
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        expected[k++] = (images.pixel(i, c, y, x) / 255f - spec.mean()[c]) / spec.std()[c];
                    }
                }
            }
        }
        NDArray input = manager.create(expected, new Shape(5, 3, 8, 8));
        float[] reference = encoder.backbone().forward(new ParameterStore(manager, false), new NDList(input), false)
                .singletonOrThrow().toFloatArray();

        Features raw = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withNormalise(false));

        assertThat(raw.rows()).isEqualTo(5);
        assertThat(raw.dim()).isEqualTo(TestEncoders.TINY_WIDTHS[1]);
        assertThat(raw.data()).containsExactly(reference, within(1e-5f));
    }

    @Test
    void theBatchSizeDoesNotChangeTheFeatures() {
        LoadedEncoder encoder = encoder(1, 12);
        ImageSet images = TestImages.labeled(60, 1, 12, 12, 3, 2);
        Features one = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withBatchSize(1));
        Features seven = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withBatchSize(7));
        Features big = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withBatchSize(256));
        assertThat(seven.data()).containsExactly(one.data(), within(1e-5f));
        assertThat(big.data()).containsExactly(one.data(), within(1e-5f));
    }

    @Test
    void rowsAreUnitNormUnlessNormalisationIsOff() {
        LoadedEncoder encoder = encoder(1, 12);
        ImageSet images = TestImages.labeled(20, 1, 12, 12, 3, 4);
        Features normalised = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT);
        Features raw = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withNormalise(false));
        for (int i = 0; i < normalised.rows(); i++) {
            assertThat(norm(normalised.row(i))).isCloseTo(1.0, within(1e-5));
            float[] rawRow = raw.row(i);
            double n = norm(rawRow);
            assertThat(n).isNotCloseTo(1.0, within(1e-3));
            for (int j = 0; j < rawRow.length; j++) {
                assertThat(normalised.row(i)[j]).isCloseTo((float) (rawRow[j] / n), within(1e-6f));
            }
        }
    }

    @Test
    void aSubsetGivesTheSameRowsInItsOrder() {
        LoadedEncoder encoder = encoder(1, 12);
        ImageSet images = TestImages.labeled(20, 1, 12, 12, 3, 4);
        Features all = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT);
        Features some = FeatureExtractor.extract(encoder, images, new int[] {17, 3, 9}, FeatureExtractor.Options.DEFAULT);
        assertThat(some.rows()).isEqualTo(3);
        assertThat(some.row(0)).containsExactly(all.row(17), within(1e-6f));
        assertThat(some.row(1)).containsExactly(all.row(3), within(1e-6f));
        assertThat(some.row(2)).containsExactly(all.row(9), within(1e-6f));
    }

    @Test
    void aTriggerGivesTheFeaturesOfTheTriggeredImagesAndLeavesTheSourceAlone() {
        LoadedEncoder encoder = encoder(1, 12);
        ImageSet images = TestImages.labeled(20, 1, 12, 12, 3, 4);
        byte[] original = images.pixels().clone();
        Trigger trigger = TriggerConfig.of(TriggerKind.PATCH_RANDOM, null, 4, null, null, 3L, null).buildFor(ImageShape.of(images));

        Features triggered = FeatureExtractor.extract(encoder, images, new int[] {4, 11},
                FeatureExtractor.Options.DEFAULT.withTrigger(trigger));
        // patch-random places the patch by item index: the index in the whole set, as when poisoning.
        Features expected = FeatureExtractor.extract(encoder, TriggeredImages.all(images, trigger), new int[] {4, 11},
                FeatureExtractor.Options.DEFAULT);
        Features clean = FeatureExtractor.extract(encoder, images, new int[] {4, 11}, FeatureExtractor.Options.DEFAULT);

        assertThat(triggered.data()).containsExactly(expected.data(), within(1e-6f));
        assertThat(triggered.data()).isNotEqualTo(clean.data());
        assertThat(images.pixels()).isEqualTo(original);
    }

    @Test
    void layoutPatchIsExtractedWithItsTestTimePatchNotTheLayout() {
        LoadedEncoder encoder = encoder(1, 12);
        ImageSet images = TestImages.labeled(10, 1, 12, 12, 3, 6);
        Trigger layout = TriggerConfig.of(TriggerKind.LAYOUT_PATCH).buildFor(ImageShape.of(images));
        FeatureExtractor.Options options = FeatureExtractor.Options.DEFAULT.withTrigger(layout);
        assertThat(options.trigger()).containsSame(layout.testTime());
        assertThat(FeatureExtractor.Options.DEFAULT.withTriggerOrNone(java.util.Optional.of(layout)).trigger())
                .containsSame(layout.testTime());
        // 12×12 at 0.6: object 7 wide, side 3, test-time patch at row (12−3)/2 = 4, col 7 + (5−3)/2 = 8
        Trigger samePatch = TriggerConfig.of(TriggerKind.CHECKERBOARD_CENTER, null, 3,
                new TriggerConfig.Position(4, 8), null, null, null).buildFor(ImageShape.of(images));
        Features viaLayout = FeatureExtractor.extract(encoder, images, options);
        Features viaPatch = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withTrigger(samePatch));
        Features poisoned = FeatureExtractor.extract(encoder, TriggeredImages.at(images,
                java.util.stream.IntStream.range(0, 10).toArray(), layout), FeatureExtractor.Options.DEFAULT);
        assertThat(viaLayout.data()).containsExactly(viaPatch.data(), within(1e-6f));
        assertThat(viaLayout.data()).isNotEqualTo(poisoned.data());
    }

    @Test
    void imagesOfAnotherSizeOrChannelCountAreBadInputSayingHowToFixIt() {
        LoadedEncoder encoder = encoder(1, 12);
        assertBadInput(() -> FeatureExtractor.requireFits(encoder.spec(), TestImages.labeled(2, 1, 16, 12, 2, 0), "folder:x"),
                "folder:x", "16x12", "12x12", "--resize 12x12");
        assertBadInput(() -> FeatureExtractor.extract(encoder, TestImages.labeled(2, 3, 12, 12, 2, 0),
                FeatureExtractor.Options.DEFAULT), "images", "3 channel(s)", "takes 1");
    }

    /** Arrays and sub-managers attached to {@code m} (DJL keeps them in a protected map). */
    private static int resourceCount(NDManager m) {
        try {
            java.lang.reflect.Field f = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("resources");
            f.setAccessible(true);
            return ((Map<?, ?>) f.get(m)).size();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static double norm(float[] row) {
        double s = 0;
        for (float v : row) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }
}
