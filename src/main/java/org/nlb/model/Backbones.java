package org.nlb.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Builds residual backbones as DJL blocks: input N×C×H×W floats, output N×featureDim.
 * The CIFAR stem (3×3, stride 1, padding 1, no max-pool) follows solo-learn's
 * {@code solo/backbones/resnet} for 32×32 inputs; it also suits 28×28 Fashion-MNIST. A stem
 * stride of 2 ({@link BackboneConfig#stemStride()}) is the cheaper CPU-scale variant.
 * Basic blocks are those of He et al. (2016): two 3×3 convolutions with BatchNorm and a
 * projection shortcut (1×1 convolution + BatchNorm) when the shape changes.
 */
public final class Backbones {
    private Backbones() {}

    public static Block build(BackboneConfig config) {
        int[] widths = config.widths();
        SequentialBlock net = new SequentialBlock()
                .add(conv3x3(widths[0], config.stemStride()))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
        int inWidth = widths[0];
        for (int stage = 0; stage < widths.length; stage++) {
            for (int b = 0; b < config.blocksPerStage(); b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                net.add(basicBlock(inWidth, widths[stage], stride));
                inWidth = widths[stage];
            }
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    static Block basicBlock(int inWidth, int outWidth, int stride) {
        SequentialBlock main = new SequentialBlock()
                .add(conv3x3(outWidth, stride))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(conv3x3(outWidth, 1))
                .add(BatchNorm.builder().build());
        Block shortcut = inWidth == outWidth && stride == 1
                ? Blocks.identityBlock()
                : new SequentialBlock()
                        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).optStride(new Shape(stride, stride))
                                .setFilters(outWidth).optBias(false).build())
                        .add(BatchNorm.builder().build());
        return new SequentialBlock()
                .add(new ParallelBlock(Backbones::sum, List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    private static Block conv3x3(int filters, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .optBias(false)
                .build();
    }
}
