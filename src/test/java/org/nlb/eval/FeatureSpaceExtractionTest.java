package org.nlb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.ImageSet;
import org.nlb.model.EncoderStore;
import org.nlb.model.EncoderStore.LoadedEncoder;
import org.nlb.testing.TestEncoders;
import org.nlb.testing.TestImages;

/** {@link FeatureExtractor} in each {@link FeatureSpace} (DESIGN §1 step 3). */
class FeatureSpaceExtractionTest {
    private static final FeatureExtractor.Options RAW = FeatureExtractor.Options.DEFAULT.withNormalise(false);

    @TempDir
    Path tmp;

    private NDManager manager;
    private LoadedEncoder encoder;
    private final ImageSet images = TestImages.labeled(20, 1, 12, 12, 3, 4);

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        encoder = EncoderStore.load(TestEncoders.withProjector(tmp.resolve("enc"), 1, 12), manager);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static Map<String, float[]> projectorParameters(LoadedEncoder encoder) {
        Map<String, float[]> values = new LinkedHashMap<>();
        encoder.requireProjector().block().getParameters()
                .forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    @Test
    void projectorFeaturesAreTheProjectorsInferenceOutputsOfTheBackboneRowsWithUnitNorm() {
        Map<String, float[]> before = projectorParameters(encoder);
        assertThat(before.keySet()).anyMatch(k -> k.contains("runningMean"));
        Features f = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withBatchSize(3),
                FeatureSpace.PROJECTOR);

        int out = TestEncoders.TINY_PROJECTOR.outputDim();
        assertThat(f.rows()).isEqualTo(20);
        assertThat(f.dim()).isEqualTo(out);
        for (int i = 0; i < f.rows(); i++) {
            double norm = 0;
            for (float v : f.row(i)) {
                norm += v * v;
            }
            assertThat(norm).as("row " + i).isCloseTo(1, within(1e-5));
        }
        // all images at once through backbone then projector, inference mode: batching and the
        // projector's BatchNorm running statistics must give the same rows
        Features backbone = FeatureExtractor.extract(encoder, images, RAW);
        ParameterStore store = new ParameterStore(manager, false);
        float[] projected = encoder.requireProjector().block().forward(store,
                new NDList(manager.create(backbone.data(), new ai.djl.ndarray.types.Shape(20, backbone.dim()))), false)
                .singletonOrThrow().toFloatArray();
        assertThat(f.data()).containsExactly(new Features(projected, 20, out).normalised().data(), within(1e-5f));

        Map<String, float[]> after = projectorParameters(encoder);
        before.forEach((name, values) -> assertThat(after.get(name)).as(name).containsExactly(values));
    }

    @Test
    void centredFeaturesAreTheBackboneFeaturesCentredOverTheEmbeddedRowsAndNormalisedAgain() {
        int[] indices = {7, 2, 19, 4, 11};
        Features backbone = FeatureExtractor.extract(encoder, images, indices, FeatureExtractor.Options.DEFAULT);
        Features centred = FeatureExtractor.extract(encoder, images, indices, FeatureExtractor.Options.DEFAULT,
                FeatureSpace.CENTRED);
        assertThat(centred.dim()).isEqualTo(TestEncoders.TINY_WIDTHS[1]);
        assertThat(centred.data()).containsExactly(backbone.centred().normalised().data(), within(1e-6f));
        assertThat(centred.data()).isNotEqualTo(backbone.data());

        Features raw = FeatureExtractor.extract(encoder, images, indices, RAW, FeatureSpace.CENTRED);
        assertThat(raw.data()).containsExactly(FeatureExtractor.extract(encoder, images, indices, RAW).centred().data(),
                within(1e-6f));
    }

    @Test
    void theDefaultSpaceIsTheBackbone() {
        assertThat(FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT).data())
                .containsExactly(FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT,
                        FeatureSpace.BACKBONE).data());
    }

    @Test
    void projectorFeaturesOfAnEncoderSavedWithoutAProjectorAreBadInputNamingItsDirectory() {
        Path old = TestEncoders.tiny(tmp.resolve("old"), 1, 12);
        LoadedEncoder backboneOnly = EncoderStore.load(old, manager);
        assertThat(FeatureExtractor.extract(backboneOnly, images, FeatureExtractor.Options.DEFAULT, FeatureSpace.CENTRED)
                .rows()).isEqualTo(20);
        assertBadInput(() -> FeatureExtractor.extract(backboneOnly, images, FeatureExtractor.Options.DEFAULT,
                FeatureSpace.PROJECTOR), old, "has no projector");
    }
}
