package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.nlb.model.BackboneConfig;
import org.nlb.model.MlpSpec;
import org.nlb.ssl.loss.BarlowTwinsLoss;

/**
 * Barlow Twins (Zbontar et al. 2021, arXiv 2103.03230), DESIGN §5: backbone, a three-layer
 * projector (Linear → BN → ReLU twice, then Linear; {@link MlpSpec#barlow}) and the
 * redundancy-reduction loss on the cross-correlation of the two views' projections, as
 * solo-learn's {@code solo/methods/barlow_twins.py}.
 */
public final class BarlowTwins implements SslMethod {
    private final SslNetwork online;
    private final BarlowTwinsLoss loss;

    public BarlowTwins(BackboneConfig backbone, MethodParams params) {
        this.online = new SslNetwork(backbone, MlpSpec.barlow(params.projectorHidden(), params.projectorOutput()), null);
        this.loss = new BarlowTwinsLoss(params.barlowLambda(), params.barlowScale());
    }

    @Override
    public SslMethodKind kind() {
        return SslMethodKind.BARLOW;
    }

    @Override
    public SslNetwork online() {
        return online;
    }

    @Override
    public void initializeState(NDManager manager, Shape inputShape, long seed) {
        // Barlow Twins keeps nothing beside its online network
    }

    @Override
    public NDArray loss(ParameterStore store, NDArray view1, NDArray view2) {
        return loss.compute(online.project(store, view1, true), online.project(store, view2, true));
    }
}
