package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nlb.model.BackboneConfig;
import org.nlb.model.MlpSpec;
import org.nlb.ssl.loss.MocoInfoNceLoss;

/**
 * MoCo v2+ (He et al. 2020, arXiv 1911.05722; Chen et al. 2020, arXiv 2003.04297), DESIGN §5, as
 * solo-learn's {@code solo/methods/mocov2plus.py}: an online backbone and projector
 * (Linear → ReLU → Linear) give the queries, a momentum copy ({@link MomentumTarget}) the keys;
 * the symmetric InfoNCE takes, for the queries of each view, the keys of the other view as
 * positives and a queue of that other view's past keys as negatives. After each optimiser step the
 * momentum encoder moves and each view's keys enter its own {@link MocoQueue}.
 */
public final class MocoV2Plus implements SslMethod {
    private final SslNetwork online;
    private final MomentumTarget target;
    private final MocoInfoNceLoss loss;
    private final int queueSize;
    private final int dim;
    private NDManager stateManager;
    private MocoQueue queue1;
    private MocoQueue queue2;
    private NDArray pendingKeys1;
    private NDArray pendingKeys2;

    public MocoV2Plus(BackboneConfig backbone, MethodParams params) {
        MlpSpec projector = MlpSpec.simclr(params.projectorHidden(), params.projectorOutput());
        this.online = new SslNetwork(backbone, projector, null);
        this.target = new MomentumTarget(online, backbone, projector,
                new MomentumUpdater(params.baseTau(), params.finalTau()));
        this.loss = new MocoInfoNceLoss(params.temperature());
        if (params.queueSize() < 1) {
            throw new IllegalArgumentException("MoCo needs a queue of at least 1 key, got " + params.queueSize());
        }
        this.queueSize = params.queueSize();
        this.dim = params.projectorOutput();
    }

    @Override
    public SslMethodKind kind() {
        return SslMethodKind.MOCOV2;
    }

    @Override
    public SslNetwork online() {
        return online;
    }

    /** The momentum encoder: backbone and projector. */
    public SslNetwork target() {
        return target.network();
    }

    public double lastTau() {
        return target.lastTau();
    }

    /** The queue of past keys of view 1 (0) or view 2 (1). */
    public MocoQueue queue(int view) {
        return view == 0 ? queue1 : queue2;
    }

    @Override
    public void initializeState(NDManager manager, Shape inputShape, long seed) {
        target.initialize(manager, inputShape);
        stateManager = manager.newSubManager();
        SplittableRandom seeds = new SplittableRandom(seed);
        queue1 = new MocoQueue(stateManager, queueSize, dim, seeds.nextLong());
        queue2 = new MocoQueue(stateManager, queueSize, dim, seeds.nextLong());
    }

    @Override
    public NDArray loss(ParameterStore store, NDArray view1, NDArray view2) {
        NDArray q1 = online.project(store, view1, true);
        NDArray q2 = online.project(store, view2, true);
        NDArray k1 = target.project(view1);
        NDArray k2 = target.project(view2);
        NDManager batch = view1.getManager();
        NDArray result = loss.symmetric(q1, q2, k1, k2, queue1.snapshot(batch), queue2.snapshot(batch));
        dropPendingKeys();
        pendingKeys1 = keep(k1);
        pendingKeys2 = keep(k2);
        return result;
    }

    /** Moves the momentum encoder, then enqueues the keys of the batch just trained on. */
    @Override
    public void afterStep(long step, long totalSteps) {
        target.update(step, totalSteps);
        if (pendingKeys1 != null) {
            queue1.enqueue(pendingKeys1);
            queue2.enqueue(pendingKeys2);
            dropPendingKeys();
        }
    }

    @Override
    public Map<String, NDArray> state(NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        target.putState(manager, out);
        putQueue(manager, out, "queue1", queue1);
        putQueue(manager, out, "queue2", queue2);
        return out;
    }

    @Override
    public void restoreState(Map<String, NDArray> arrays) {
        target.restoreState(arrays);
        queue1 = restoreQueue(arrays, "queue1", queue1);
        queue2 = restoreQueue(arrays, "queue2", queue2);
    }

    @Override
    public void close() {
        dropPendingKeys();
        if (stateManager != null) {
            stateManager.close();
        }
    }

    private NDArray keep(NDArray keys) {
        NDArray copy = keys.stopGradient().duplicate();
        copy.attach(stateManager);
        return copy;
    }

    private void dropPendingKeys() {
        if (pendingKeys1 != null) {
            pendingKeys1.close();
            pendingKeys2.close();
            pendingKeys1 = null;
            pendingKeys2 = null;
        }
    }

    private static void putQueue(NDManager manager, Map<String, NDArray> out, String name, MocoQueue queue) {
        out.put(name, manager.create(queue.toFloatArray(), new Shape(queue.size(), queue.dim())));
        out.put(name + ".pointer", manager.create(new long[] {queue.pointer()}));
    }

    private MocoQueue restoreQueue(Map<String, NDArray> arrays, String name, MocoQueue current) {
        NDArray keys = arrays.get(name);
        NDArray pointer = arrays.get(name + ".pointer");
        if (keys == null || pointer == null) {
            throw new IllegalArgumentException("the saved state has no MoCo queue '" + name + "'");
        }
        if (!keys.getShape().equals(new Shape(queueSize, dim))) {
            throw new IllegalArgumentException("saved queue '" + name + "' has shape " + keys.getShape()
                    + ", expected (" + queueSize + ", " + dim + ")");
        }
        MocoQueue restored = MocoQueue.restore(stateManager, keys.toFloatArray(), dim,
                Math.toIntExact(pointer.toLongArray()[0]));
        current.close();
        return restored;
    }
}
