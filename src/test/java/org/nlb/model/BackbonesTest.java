package org.nlb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.nlb.io.BadInputException;

class BackbonesTest {
    private static long parameterCount(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getKey().contains("running")) {
                total += p.getValue().getArray().size();
            }
        }
        return total;
    }

    private static NDArray forward(NDManager manager, Block block, Shape input, boolean training) {
        block.initialize(manager, DataType.FLOAT32, input);
        NDArray x = manager.randomNormal(input);
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
    }

    @Test
    void resnet18WithCifarStemHasTheReferenceParameterCountAndOutput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Backbones.build(BackboneConfig.resnet18(3));
            NDArray out = forward(manager, net, new Shape(2, 3, 32, 32), true);
            assertThat(out.getShape()).isEqualTo(new Shape(2, 512));
            // torchvision resnet18 without fc and with a 3x3 stem: 11,168,832 weights
            // (the 7x7 stem has 9,408, the 3x3 one 1,728).
            assertThat(parameterCount(net)).isEqualTo(11_168_832L);
        }
    }

    @Test
    void smallBackboneTakesOneChannelImagesInBothModes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Backbones.build(BackboneConfig.small(1));
            assertThat(forward(manager, net, new Shape(4, 1, 28, 28), true).getShape()).isEqualTo(new Shape(4, 128));
            NDArray x = manager.randomNormal(new Shape(3, 1, 28, 28));
            NDArray inference = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertThat(inference.getShape()).isEqualTo(new Shape(3, 128));
        }
    }

    @Test
    void headsHaveTheLayersOfTheirRecipes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block head = MlpSpec.barlow(64, 32).build();
            NDArray out = forward(manager, head, new Shape(5, 16), true);
            assertThat(out.getShape()).isEqualTo(new Shape(5, 32));
            // 16*64+64 + 64*64+64 + 64*32+32 weights and biases, plus 2 BatchNorms of 64 (gamma, beta).
            assertThat(parameterCount(head)).isEqualTo(16 * 64 + 64 + 64 * 64 + 64 + 64 * 32 + 32 + 4 * 64);
        }
    }

    @Test
    void unknownBackboneNameListsTheValidOnes() {
        assertThatThrownBy(() -> BackboneKind.parse("vgg"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("resnet18").hasMessageContaining("small");
        assertThat(BackboneKind.parse("ResNet18")).isEqualTo(BackboneKind.RESNET18);
    }

    @Test
    void modelCanHoldTheBackbone() {
        try (Model model = Model.newInstance("backbone")) {
            model.setBlock(Backbones.build(BackboneConfig.small(1)));
            assertThat(model.getBlock()).isNotNull();
        }
    }

    @Test
    void aStrideTwoStemHalvesEveryStageAndKeepsTheWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BackboneConfig cifarStem = new BackboneConfig(BackboneKind.SMALL, 1, new int[] {8, 16}, 1);
            BackboneConfig strided = cifarStem.withStemStride(2);
            Block a = Backbones.build(cifarStem);
            Block b = Backbones.build(strided);
            assertThat(forward(manager, a, new Shape(2, 1, 28, 28), true).getShape()).isEqualTo(new Shape(2, 16));
            assertThat(forward(manager, b, new Shape(2, 1, 28, 28), true).getShape()).isEqualTo(new Shape(2, 16));
            // same layers, so the same weights: only the resolution differs
            assertThat(parameterCount(b)).isEqualTo(parameterCount(a));
            // the stem's output is 14x14 instead of 28x28
            Block stem = ((ai.djl.nn.SequentialBlock) b).getChildren().get(0).getValue();
            assertThat(stem.getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)})[0]).isEqualTo(new Shape(2, 8, 14, 14));
        }
        assertThat(BackboneConfig.small(1).stemStride()).isEqualTo(BackboneConfig.SMALL_STEM_STRIDE);
        assertThat(BackboneConfig.resnet18(3).stemStride()).as("the CIFAR stem").isEqualTo(1);
        assertThatThrownBy(() -> BackboneConfig.small(1).withStemStride(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stem stride");
        assertThat(BackboneConfig.small(1).withWidths(4, 8).widths()).containsExactly(4, 8);
    }
}
