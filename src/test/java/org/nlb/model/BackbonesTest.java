package org.nlb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
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

    /** The shapes of the 4-d (convolution) weights, in the order the block holds them. */
    private static List<Shape> convolutionWeights(Block block) {
        List<Shape> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape shape = p.getValue().getArray().getShape();
            if (shape.dimension() == 4) {
                out.add(shape);
            }
        }
        return out;
    }

    private static Shape conv(int out, int in, int kernel) {
        return new Shape(out, in, kernel, kernel);
    }

    @Test
    void resnet18HasTheConvolutionsOfTorchvisionsResnet18WithTheCifarStem() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Backbones.build(BackboneConfig.resnet18(3));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            // torchvision resnet18's conv1, layer1 … layer4 (two blocks each, a 1×1 downsample in the
            // first block of layers 2–4), with a 3×3 stem: 20 convolutions.
            assertThat(convolutionWeights(net)).containsExactly(
                    conv(64, 3, 3),
                    conv(64, 64, 3), conv(64, 64, 3), conv(64, 64, 3), conv(64, 64, 3),
                    conv(128, 64, 3), conv(128, 128, 3), conv(128, 64, 1), conv(128, 128, 3), conv(128, 128, 3),
                    conv(256, 128, 3), conv(256, 256, 3), conv(256, 128, 1), conv(256, 256, 3), conv(256, 256, 3),
                    conv(512, 256, 3), conv(512, 512, 3), conv(512, 256, 1), conv(512, 512, 3), conv(512, 512, 3));
        }
    }

    @Test
    void smallBackboneHasOneBlockPerStageAndItsOwnParameterCount() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Backbones.build(BackboneConfig.small(1));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            assertThat(convolutionWeights(net)).containsExactly(conv(32, 1, 3),
                    conv(32, 32, 3), conv(32, 32, 3),
                    conv(64, 32, 3), conv(64, 64, 3), conv(64, 32, 1),
                    conv(128, 64, 3), conv(128, 128, 3), conv(128, 64, 1));
            // stem 288 + BN 64; stage 1: 2 × 9 216 + 2 × 64; stage 2: 18 432 + 36 864 + 2 048 + 3 × 128;
            // stage 3: 73 728 + 147 456 + 8 192 + 3 × 256
            assertThat(parameterCount(net)).isEqualTo(306_784L);
        }
    }

    /**
     * Runs the backbone's top-level blocks one at a time on a batch of {@code input} and returns
     * each one's output shape; checks that every ReLU'd output (the stem's and each residual
     * block's) is non-negative.
     */
    private static List<Shape> stageShapes(BackboneConfig config, Shape input) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Backbones.build(config);
            net.initialize(manager, DataType.FLOAT32, input);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList x = new NDList(manager.randomNormal(input));
            List<Shape> shapes = new ArrayList<>();
            List<Block> children = net.getChildren().values();
            for (int k = 0; k < children.size(); k++) {
                x = children.get(k).forward(ps, x, true);
                shapes.add(x.singletonOrThrow().getShape());
                boolean afterRelu = k >= 2 && k < children.size() - 2;
                if (afterRelu) {
                    assertThat(x.singletonOrThrow().min().getFloat()).as("output of block %d", k).isGreaterThanOrEqualTo(0f);
                }
            }
            return shapes;
        }
    }

    @Test
    void resnet18KeepsTheResolutionInStageOneAndHalvesItInEachLaterStage() {
        assertThat(stageShapes(BackboneConfig.resnet18(3), new Shape(2, 3, 32, 32))).containsExactly(
                new Shape(2, 64, 32, 32), new Shape(2, 64, 32, 32), new Shape(2, 64, 32, 32), // stem conv, BN, ReLU
                new Shape(2, 64, 32, 32), new Shape(2, 64, 32, 32),
                new Shape(2, 128, 16, 16), new Shape(2, 128, 16, 16),
                new Shape(2, 256, 8, 8), new Shape(2, 256, 8, 8),
                new Shape(2, 512, 4, 4), new Shape(2, 512, 4, 4),
                new Shape(2, 512), new Shape(2, 512)); // global average pool (N × C already), flatten
    }

    @Test
    void smallBackboneHalvesTheResolutionInItsStemAndInEachLaterStage() {
        assertThat(stageShapes(BackboneConfig.small(1), new Shape(2, 1, 28, 28))).containsExactly(
                new Shape(2, 32, 14, 14), new Shape(2, 32, 14, 14), new Shape(2, 32, 14, 14),
                new Shape(2, 32, 14, 14), new Shape(2, 64, 7, 7), new Shape(2, 128, 4, 4),
                new Shape(2, 128), new Shape(2, 128));
    }

    @Test
    void aResidualBlockAddsItsInputBack() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Backbones.basicBlock(8, 8, 1);
            Shape input = new Shape(2, 8, 6, 6);
            block.initialize(manager, DataType.FLOAT32, input);
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().getArray().getShape().dimension() == 4) {
                    p.getValue().getArray().muli(0); // the main branch's convolutions output 0
                }
            }
            NDArray x = manager.randomNormal(input);
            NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            // inference-mode BatchNorm of 0 is 0 (running mean 0, variance 1, β 0): what is left is ReLU(x)
            assertThat(out.sub(x.maximum(0)).abs().max().getFloat()).isLessThan(1e-6f);

            Block down = Backbones.basicBlock(8, 16, 2);
            assertThat(forward(manager, down, input, true).getShape()).isEqualTo(new Shape(2, 16, 3, 3));
        }
    }

    @Test
    void theConfigChoosesTheArchitecture() {
        assertThat(BackboneConfig.of(BackboneKind.RESNET18, 3)).isEqualTo(BackboneConfig.resnet18(3));
        assertThat(BackboneConfig.of(BackboneKind.SMALL, 1)).isEqualTo(BackboneConfig.small(1));
        assertThat(BackboneConfig.resnet18(3).blocksPerStage()).isEqualTo(2);
        assertThat(BackboneConfig.small(3).blocksPerStage()).isEqualTo(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            // the input channels only change the stem: 3 × 3 × 64 weights per channel
            Block grey = Backbones.build(BackboneConfig.resnet18(1));
            grey.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            assertThat(parameterCount(grey)).isEqualTo(11_168_832L - 2 * 9 * 64);
            // other widths: other feature length, output and weights
            BackboneConfig narrow = BackboneConfig.small(1).withWidths(8, 24);
            assertThat(narrow.featureDim()).isEqualTo(24);
            Block n = Backbones.build(narrow);
            assertThat(forward(manager, n, new Shape(3, 1, 28, 28), false).getShape()).isEqualTo(new Shape(3, 24));
            assertThat(convolutionWeights(n)).containsExactly(conv(8, 1, 3), conv(8, 8, 3), conv(8, 8, 3),
                    conv(24, 8, 3), conv(24, 24, 3), conv(24, 8, 1));
        }
    }

    @Test
    void everyHeadHasTheLayersOfItsRecipe() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // SimCLR / MoCo v2+: Linear → ReLU → Linear, no BatchNorm
            Block simclr = MlpSpec.simclr(64, 32).build();
            assertThat(forward(manager, simclr, new Shape(5, 16), true).getShape()).isEqualTo(new Shape(5, 32));
            assertThat(parameterCount(simclr)).isEqualTo(16 * 64 + 64 + 64 * 32 + 32);
            // BYOL: Linear → BN → ReLU → Linear
            Block byol = MlpSpec.byol(64, 32).build();
            assertThat(forward(manager, byol, new Shape(5, 16), true).getShape()).isEqualTo(new Shape(5, 32));
            assertThat(parameterCount(byol)).isEqualTo(16 * 64 + 64 + 2 * 64 + 64 * 32 + 32);
            assertThat(MlpSpec.byol(64, 32).outputDim()).isEqualTo(32);
            // the ReLU after the hidden layer: with zero hidden weights and a hidden bias of −1 the
            // hidden units are ReLU(−1) = 0, so the head outputs its output layer's bias alone
            List<Parameter> p = simclr.getParameters().values();
            assertThat(p).hasSize(4); // hidden weight and bias, output weight and bias
            p.get(0).getArray().muli(0);
            p.get(1).getArray().muli(0).subi(1);
            NDArray bias = p.get(3).getArray();
            bias.set(manager.randomNormal(bias.getShape()).toFloatArray());
            NDArray out = simclr.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(new Shape(5, 16))),
                    false).singletonOrThrow();
            assertThat(out.sub(bias).abs().max().getFloat()).isLessThan(1e-6f);
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
