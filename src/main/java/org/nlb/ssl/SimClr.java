package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.nlb.model.BackboneConfig;
import org.nlb.model.MlpSpec;
import org.nlb.ssl.loss.NtXentLoss;

/**
 * SimCLR (Chen et al. 2020, arXiv 2002.05709), DESIGN §5: backbone, projector
 * Linear → ReLU → Linear ({@link MlpSpec#simclr}), and NT-Xent between the projections of the two
 * views. As solo-learn's {@code solo/methods/simclr.py}, each view passes through the network on
 * its own, so BatchNorm normalises each view's batch separately.
 */
public final class SimClr implements SslMethod {
    private final SslNetwork online;
    private final NtXentLoss loss;

    public SimClr(BackboneConfig backbone, MethodParams params) {
        this.online = new SslNetwork(backbone, MlpSpec.simclr(params.projectorHidden(), params.projectorOutput()), null);
        this.loss = new NtXentLoss(params.temperature());
    }

    @Override
    public SslMethodKind kind() {
        return SslMethodKind.SIMCLR;
    }

    @Override
    public SslNetwork online() {
        return online;
    }

    @Override
    public void initializeState(NDManager manager, Shape inputShape, long seed) {
        // SimCLR keeps nothing beside its online network
    }

    @Override
    public NDArray loss(ParameterStore store, NDArray view1, NDArray view2) {
        return loss.compute(online.project(store, view1, true), online.project(store, view2, true));
    }
}
