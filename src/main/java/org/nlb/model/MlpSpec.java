package org.nlb.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/**
 * A projection or prediction head as data: a list of linear layers, each optionally followed by
 * BatchNorm and ReLU (lightly's style). Named factories give the heads of solo-learn's CIFAR
 * recipes (solo/methods/{simclr,mocov2plus,byol,barlow_twins}.py).
 */
public record MlpSpec(List<Layer> layers) {
    /** One linear layer and what follows it. */
    public record Layer(int units, boolean batchNorm, boolean relu) {
        public Layer {
            if (units < 1) {
                throw new IllegalArgumentException("units must be positive, got " + units);
            }
        }
    }

    public MlpSpec {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a head needs at least one layer");
        }
        layers = List.copyOf(layers);
    }

    /** SimCLR and MoCo v2+: Linear(hidden) → ReLU → Linear(out). */
    public static MlpSpec simclr(int hidden, int out) {
        return new MlpSpec(List.of(new Layer(hidden, false, true), new Layer(out, false, false)));
    }

    /** BYOL projector and predictor: Linear(hidden) → BN → ReLU → Linear(out). */
    public static MlpSpec byol(int hidden, int out) {
        return new MlpSpec(List.of(new Layer(hidden, true, true), new Layer(out, false, false)));
    }

    /** Barlow Twins: (Linear(hidden) → BN → ReLU) × 2 → Linear(out). */
    public static MlpSpec barlow(int hidden, int out) {
        return new MlpSpec(List.of(new Layer(hidden, true, true), new Layer(hidden, true, true),
                new Layer(out, false, false)));
    }

    public int outputDim() {
        return layers.get(layers.size() - 1).units();
    }

    public Block build() {
        SequentialBlock net = new SequentialBlock();
        for (Layer layer : layers) {
            net.add(Linear.builder().setUnits(layer.units()).build());
            if (layer.batchNorm()) {
                net.add(BatchNorm.builder().build());
            }
            if (layer.relu()) {
                net.add(Activation.reluBlock());
            }
        }
        return net;
    }
}
