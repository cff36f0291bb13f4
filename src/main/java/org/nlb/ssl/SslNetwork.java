package org.nlb.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nlb.model.BackboneConfig;
import org.nlb.model.Backbones;
import org.nlb.model.MlpSpec;

/**
 * A backbone followed by a projector and, for BYOL, a predictor (DESIGN §5): the online network
 * of every method and the momentum/target network of MoCo v2+ and BYOL. One DJL block, so that a
 * {@code Trainer} optimises all of it and its parameter names are stable paths
 * ({@code 01backbone_…}, {@code 02projector_…}) that checkpoints can key on.
 *
 * <p>{@link #forward} runs the whole chain; the methods call {@link #backbone()},
 * {@link #projector()} and {@link #predictor()} one by one where they need the stages apart.
 */
public final class SslNetwork extends AbstractBlock {
    private final Block backbone;
    private final Block projector;
    private final MlpSpec projectorSpec;
    private final Block predictor;

    /**
     * @param predictor the predictor head, or {@code null} for none
     */
    public SslNetwork(BackboneConfig backbone, MlpSpec projector, MlpSpec predictor) {
        this.backbone = addChildBlock("backbone", Backbones.build(backbone));
        this.projector = addChildBlock("projector", projector.build());
        this.projectorSpec = projector;
        this.predictor = predictor == null ? null : addChildBlock("predictor", predictor.build());
    }

    public Block backbone() {
        return backbone;
    }

    public Block projector() {
        return projector;
    }

    /** The projector's layers, saved with the encoder so that it can be rebuilt (DESIGN §1 step 3). */
    public MlpSpec projectorSpec() {
        return projectorSpec;
    }

    /** The predictor head, or {@code null} when the network has none. */
    public Block predictor() {
        return predictor;
    }

    /** Backbone then projector: the projection of a batch of images. */
    public NDArray project(ParameterStore store, NDArray images, boolean training) {
        NDList features = backbone.forward(store, new NDList(images), training);
        return projector.forward(store, features, training).singletonOrThrow();
    }

    /** The predictor applied to projections. */
    public NDArray predict(ParameterStore store, NDArray projections, boolean training) {
        if (predictor == null) {
            throw new IllegalStateException("this network has no predictor");
        }
        return predictor.forward(store, new NDList(projections), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray z = project(store, inputs.singletonOrThrow(), training);
        return new NDList(predictor == null ? z : predict(store, z, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = projector.getOutputShapes(backbone.getOutputShapes(inputShapes));
        return predictor == null ? shapes : predictor.getOutputShapes(shapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] features = backbone.getOutputShapes(inputShapes);
        projector.initialize(manager, dataType, features);
        if (predictor != null) {
            predictor.initialize(manager, dataType, projector.getOutputShapes(features));
        }
    }
}
