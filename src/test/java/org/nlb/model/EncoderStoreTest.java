package org.nlb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.io.BadInputException;
import org.nlb.ssl.SslNetwork;

class EncoderStoreTest {
    @TempDir
    Path tmp;

    private static EncoderSpec spec() {
        return new EncoderSpec(new BackboneConfig(BackboneKind.SMALL, 1, new int[] {4, 8}), 12, 12,
                new float[] {0.3f}, new float[] {0.25f}, "simclr", 7, 3, "test");
    }

    @Test
    void aSavedEncoderLoadsWithTheSameOutputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EncoderSpec spec = spec();
            Block net = Backbones.build(spec.backbone());
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 12, 12));
            NDArray x = manager.randomNormal(new Shape(2, 1, 12, 12));
            // One training pass moves the BatchNorm running statistics away from their start.
            net.forward(new ParameterStore(manager, false), new NDList(x), true);
            NDArray before = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();

            EncoderStore.save(tmp.resolve("enc"), net, spec, false);
            EncoderStore.LoadedEncoder loaded = EncoderStore.load(tmp.resolve("enc"), manager);

            assertThat(loaded.spec()).isEqualTo(spec);
            NDArray after = loaded.backbone().forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            assertThat(after.toFloatArray()).containsExactly(before.toFloatArray());
        }
    }

    @Test
    void missingOrCorruptFilesAreBadInputNamingThem() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = Files.createDirectories(tmp.resolve("enc"));
            assertThatThrownBy(() -> EncoderStore.load(dir, manager)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining(EncoderStore.SPEC_FILE).hasMessageContaining("not found");
            Files.writeString(dir.resolve(EncoderStore.SPEC_FILE), "{\"backbone\": \"small\"}");
            assertThatThrownBy(() -> EncoderStore.load(dir, manager)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("missing field 'input_channels'");

            Block net = Backbones.build(spec().backbone());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 12, 12));
            EncoderStore.save(tmp.resolve("good"), net, spec(), false);
            Path params = tmp.resolve("good").resolve(EncoderStore.PARAMS_FILE);
            byte[] bytes = Files.readAllBytes(params);
            Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> EncoderStore.load(tmp.resolve("good"), manager))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(EncoderStore.PARAMS_FILE).hasMessageContaining("cannot load");
        }
    }

    @Test
    void theStemStrideIsStoredAndOldDescriptionsMeanTheCifarStem() throws Exception {
        EncoderSpec strided = new EncoderSpec(new BackboneConfig(BackboneKind.SMALL, 1, new int[] {4, 8}, 2), 12, 12,
                new float[] {0.3f}, new float[] {0.25f}, "simclr", 7, 3, "test");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Backbones.build(strided.backbone());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 12, 12));
            EncoderStore.save(tmp.resolve("strided"), net, strided, false);
        }
        assertThat(EncoderStore.readSpec(tmp.resolve("strided").resolve(EncoderStore.SPEC_FILE))).isEqualTo(strided);

        Path old = Files.createDirectories(tmp.resolve("old")).resolve(EncoderStore.SPEC_FILE);
        Files.writeString(old, "{\"backbone\": \"small\", \"input_channels\": 1, \"widths\": [4, 8], \"height\": 12,"
                + " \"width\": 12, \"mean\": [0.3], \"std\": [0.25], \"method\": \"simclr\", \"seed\": 7, \"epochs\": 3}");
        assertThat(EncoderStore.readSpec(old).backbone().stemStride()).isEqualTo(1);
    }

    @Test
    void aSavedProjectorLoadsWithItsLayersAndTheSameInferenceOutputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EncoderSpec spec = spec();
            MlpSpec head = MlpSpec.barlow(6, 5);
            SslNetwork net = new SslNetwork(spec.backbone(), head, null);
            Shape shape = new Shape(4, 1, 12, 12);
            net.initialize(manager, DataType.FLOAT32, shape);
            NDArray x = manager.randomNormal(shape);
            // a training pass moves the running statistics of the projector's BatchNorm too
            net.forward(new ParameterStore(manager, false), new NDList(x), true);
            NDArray before = net.project(new ParameterStore(manager, false), x, false);

            Path dir = tmp.resolve("enc");
            EncoderStore.save(dir, net.backbone(), new EncoderStore.Projector(net.projectorSpec(), net.projector()),
                    spec, false);
            EncoderStore.LoadedEncoder loaded = EncoderStore.load(dir, manager);

            assertThat(dir.resolve(EncoderStore.PROJECTOR_FILE)).exists();
            assertThat(loaded.spec()).isEqualTo(spec);
            assertThat(loaded.requireProjector().spec()).isEqualTo(head);
            assertThat(EncoderStore.readProjectorSpec(dir.resolve(EncoderStore.SPEC_FILE))).contains(head);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray after = loaded.requireProjector().block()
                    .forward(store, loaded.backbone().forward(store, new NDList(x), false), false).singletonOrThrow();
            assertThat(after.getShape()).isEqualTo(new Shape(4, 5));
            assertThat(after.toFloatArray()).containsExactly(before.toFloatArray());
        }
    }

    @Test
    void anEncoderSavedWithoutAProjectorLoadsBackboneOnlyAndAskingForItsProjectorIsBadInput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Backbones.build(spec().backbone());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 12, 12));
            Path dir = tmp.resolve("old");
            EncoderStore.save(dir, net, spec(), false);
            assertThat(dir.resolve(EncoderStore.PROJECTOR_FILE)).doesNotExist();

            EncoderStore.LoadedEncoder loaded = EncoderStore.load(dir, manager);
            assertThat(loaded.projector()).isEmpty();
            assertThat(EncoderStore.readProjectorSpec(dir.resolve(EncoderStore.SPEC_FILE))).isEmpty();
            assertBadInput(loaded::requireProjector, dir, "has no projector: trained before", "retrain");
        }
    }

    @Test
    void aMissingOrCorruptProjectorFileIsBadInputNamingIt() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SslNetwork net = new SslNetwork(spec().backbone(), MlpSpec.simclr(6, 5), null);
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 12, 12));
            Path dir = tmp.resolve("enc");
            EncoderStore.save(dir, net.backbone(), new EncoderStore.Projector(net.projectorSpec(), net.projector()),
                    spec(), false);
            Path file = dir.resolve(EncoderStore.PROJECTOR_FILE);
            byte[] good = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
            assertBadInput(() -> EncoderStore.load(dir, manager), file, "cannot load the projector's weights");
            Files.delete(file);
            assertBadInput(() -> EncoderStore.load(dir, manager), file, "not found");
        }
    }
}
