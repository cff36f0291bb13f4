package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nlb.model.BackboneConfig;
import org.nlb.model.MlpSpec;
import org.nlb.ssl.loss.ByolLoss;

/**
 * BYOL (Grill et al. 2020, arXiv 2006.07733), DESIGN §5: an online backbone, projector and
 * predictor (Linear → BN → ReLU → Linear each, {@link MlpSpec#byol}); a target backbone and
 * projector that follow the online ones by an EMA whose coefficient rises from
 * {@code baseTau} to {@code finalTau} on a cosine ({@link MomentumTarget}); the loss sums the
 * normalised MSE of each view's prediction against the target projection of the other view.
 * As solo-learn's {@code solo/methods/byol.py}.
 */
public final class Byol implements SslMethod {
    private final SslNetwork online;
    private final MomentumTarget target;
    private final ByolLoss loss = new ByolLoss();

    public Byol(BackboneConfig backbone, MethodParams params) {
        MlpSpec projector = MlpSpec.byol(params.projectorHidden(), params.projectorOutput());
        this.online = new SslNetwork(backbone, projector,
                MlpSpec.byol(params.predictorHidden(), params.projectorOutput()));
        this.target = new MomentumTarget(online, backbone, projector,
                new MomentumUpdater(params.baseTau(), params.finalTau()));
    }

    @Override
    public SslMethodKind kind() {
        return SslMethodKind.BYOL;
    }

    @Override
    public SslNetwork online() {
        return online;
    }

    /** The target (EMA) network: backbone and projector. */
    public SslNetwork target() {
        return target.network();
    }

    /** The EMA coefficient of the latest update, NaN before the first. */
    public double lastTau() {
        return target.lastTau();
    }

    @Override
    public void initializeState(NDManager manager, Shape inputShape, long seed) {
        target.initialize(manager, inputShape);
    }

    @Override
    public NDArray loss(ParameterStore store, NDArray view1, NDArray view2) {
        NDArray p1 = online.predict(store, online.project(store, view1, true), true);
        NDArray p2 = online.predict(store, online.project(store, view2, true), true);
        return loss.symmetric(p1, p2, target.project(view1), target.project(view2));
    }

    @Override
    public void afterStep(long step, long totalSteps) {
        target.update(step, totalSteps);
    }

    @Override
    public Map<String, NDArray> state(NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        target.putState(manager, out);
        return out;
    }

    @Override
    public void restoreState(Map<String, NDArray> arrays) {
        target.restoreState(arrays);
    }
}
