package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nlb.model.BackboneConfig;
import org.nlb.model.MlpSpec;

/**
 * The momentum encoder of MoCo v2+ and the target network of BYOL (DESIGN §5): a frozen copy of
 * the online backbone and projector that follows them by an EMA after every optimiser step
 * ({@link MomentumUpdater}, solo-learn's {@code momentum_pairs}). Its forward pass runs in
 * training mode, as solo-learn's (BatchNorm uses batch statistics and updates its own running
 * ones), with a {@link ParameterStore} of its own so that the trainer never sees its parameters.
 */
final class MomentumTarget {
    static final String PREFIX = "target/";
    private static final NDIndex ALL = new NDIndex("...");

    private final SslNetwork online;
    private final SslNetwork target;
    private final MomentumUpdater updater;
    private ParameterStore store;
    private double lastTau = Double.NaN;

    MomentumTarget(SslNetwork online, BackboneConfig backbone, MlpSpec projector, MomentumUpdater updater) {
        this.online = online;
        this.target = new SslNetwork(backbone, projector, null);
        this.updater = updater;
    }

    /** Builds the target on {@code manager} and copies the (initialised) online weights into it. */
    void initialize(NDManager manager, Shape inputShape) {
        target.initialize(manager, DataType.FLOAT32, inputShape);
        target.freezeParameters(true);
        MomentumUpdater.copy(online.backbone(), target.backbone());
        MomentumUpdater.copy(online.projector(), target.projector());
        store = new ParameterStore(manager, false);
    }

    /** The target's projection of a batch, without gradient. */
    NDArray project(NDArray images) {
        return target.project(store, images, true).stopGradient();
    }

    /** The EMA step after optimiser step {@code step} of {@code totalSteps}. */
    void update(long step, long totalSteps) {
        lastTau = updater.tau(step, totalSteps);
        MomentumUpdater.update(online.backbone(), target.backbone(), lastTau);
        MomentumUpdater.update(online.projector(), target.projector(), lastTau);
    }

    /** The coefficient of the latest update, NaN before the first. */
    double lastTau() {
        return lastTau;
    }

    SslNetwork network() {
        return target;
    }

    void putState(NDManager manager, Map<String, NDArray> out) {
        for (Pair<String, Parameter> p : target.getParameters()) {
            NDArray copy = p.getValue().getArray().duplicate();
            copy.attach(manager);
            out.put(PREFIX + p.getKey(), copy);
        }
    }

    void restoreState(Map<String, NDArray> arrays) {
        Map<String, NDArray> mine = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : target.getParameters()) {
            NDArray saved = arrays.get(PREFIX + p.getKey());
            if (saved == null) {
                throw new IllegalArgumentException("the saved state has no target parameter '" + p.getKey() + "'");
            }
            if (!saved.getShape().equals(p.getValue().getArray().getShape())) {
                throw new IllegalArgumentException("saved target parameter '" + p.getKey() + "' has shape "
                        + saved.getShape() + ", expected " + p.getValue().getArray().getShape());
            }
            mine.put(p.getKey(), saved);
        }
        for (Pair<String, Parameter> p : target.getParameters()) {
            p.getValue().getArray().set(ALL, mine.get(p.getKey()));
        }
    }
}
