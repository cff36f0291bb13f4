package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Map;

/**
 * One self-supervised method (DESIGN §5) as the training loop sees it: the network the optimiser
 * trains, the loss of a batch of view pairs, and a hook after each optimiser step for what is not
 * gradient descent (EMA targets, queues). Implementations compose a backbone, heads built from
 * {@link org.nlb.model.MlpSpec}, a loss from {@link org.nlb.ssl.loss} and, where the method has
 * them, a {@link MomentumUpdater} and {@link MocoQueue}s — as solo-learn's one file per method.
 *
 * <p>Lifecycle: the loop initialises {@link #online()} (through its {@code Trainer}), then calls
 * {@link #initializeState} once; per batch it calls {@link #loss} inside a
 * {@code GradientCollector}, closes the collector, calls {@code trainer.step()}, then
 * {@link #afterStep} outside any collector (in-place updates of leaves are not allowed while
 * PyTorch records). {@link #close()} frees the state the method holds itself.
 */
public interface SslMethod extends AutoCloseable {
    SslMethodKind kind();

    /** Everything the optimiser trains, as one block: backbone, projector, predictor. */
    SslNetwork online();

    /** The online backbone, inside {@link #online()}: what is saved as the encoder. */
    default Block backbone() {
        return online().backbone();
    }

    /**
     * Creates what the method keeps beside the online network — target networks copied from the
     * freshly initialised online one, queues — on {@code manager}.
     *
     * @param inputShape N×C×H×W of one view batch
     * @param seed draws anything random the state needs (MoCo's initial queue)
     */
    void initializeState(NDManager manager, Shape inputShape, long seed);

    /**
     * The scalar loss of one batch, forward passes in training mode.
     *
     * @param view1 B×C×H×W first views
     * @param view2 B×C×H×W second views of the same images, row for row
     */
    NDArray loss(ParameterStore store, NDArray view1, NDArray view2);

    /**
     * After optimiser step {@code step} (0-based) of {@code totalSteps}: EMA updates with the
     * step's momentum, queue updates with the batch's keys. Nothing by default.
     */
    default void afterStep(long step, long totalSteps) {
    }

    /**
     * Copies of the state beyond the online network, by name, attached to {@code manager}: target
     * parameters ({@code target/<parameter name>}), queues; empty by default.
     */
    default Map<String, NDArray> state(NDManager manager) {
        return Map.of();
    }

    /** Sets the state from arrays named as {@link #state} names them (e.g. from a checkpoint). */
    default void restoreState(Map<String, NDArray> arrays) {
    }

    @Override
    default void close() {
    }
}
