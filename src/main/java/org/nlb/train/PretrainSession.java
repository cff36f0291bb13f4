package org.nlb.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nlb.augment.LoaderOptions;
import org.nlb.augment.ViewPairBatch;
import org.nlb.augment.ViewPairLoader;
import org.nlb.data.ImageSet;
import org.nlb.io.BadInputException;
import org.nlb.optim.Lars;
import org.nlb.optim.MomentumOptimizer;
import org.nlb.optim.MomentumSgd;
import org.nlb.optim.WarmupCosineSchedule;
import org.nlb.ssl.SslMethod;

/**
 * The state of one pretraining run and its training step (DESIGN §5), built from DJL parts as
 * STYLE.md asks: a {@code Trainer} owns the online network and the optimiser; each batch lives in
 * its own sub-manager, closed after the step, so memory stays flat; the loss is computed inside a
 * {@code GradientCollector}, then {@code trainer.step()} updates the weights and the method's
 * {@code afterStep} moves EMA targets and queues outside the collector.
 *
 * <p>The step index is the optimiser's update count − 1; a resumed session starts its optimiser
 * at the checkpoint's step ({@code optBeginNumUpdate}), so learning rate and momentum schedules
 * continue exactly. {@link #state} and {@link #restore} carry everything else that changes.
 */
public final class PretrainSession implements AutoCloseable {
    static final String ONLINE = "online/";
    static final String MOMENTUM = "momentum/";
    static final String METHOD = "method/";
    private static final NDIndex ALL = new NDIndex("...");

    private final PretrainConfig config;
    private final SslMethod method;
    private final Model model;
    private final Trainer trainer;
    private final ParameterStore store;
    private final MomentumOptimizer optimizer;
    private final ViewPairLoader loader;
    private final int stepsPerEpoch;
    private final long totalSteps;
    private long step;

    /**
     * A session over {@code images} whose optimiser has already made {@code beginStep} steps
     * (0 for a fresh run). {@code config.augment()} must carry its normalisation.
     */
    public PretrainSession(PretrainConfig config, ImageSet images, long beginStep) {
        if (config.augment().normalization() == null) {
            throw new IllegalArgumentException("resolve the augmentation's normalisation before training");
        }
        if (images.size() < config.batchSize()) {
            throw new BadInputException("--batch-size", config.batchSize() + " is larger than the pretrain set ("
                    + images.size() + " images)");
        }
        config.backbone().untrainableReason().ifPresent(reason -> {
            throw new BadInputException("--widths", reason);
        });
        this.config = config;
        RunSeeds seeds = RunSeeds.of(config.seed());
        int batches = images.size() / config.batchSize();
        this.stepsPerEpoch = config.maxStepsPerEpoch() == 0 ? batches : Math.min(batches, config.maxStepsPerEpoch());
        this.totalSteps = (long) stepsPerEpoch * config.epochs();
        this.step = beginStep;
        TorchThreads.set(config.threads());
        Engine.getInstance().setRandomSeed(seeds.init());
        this.method = config.method().create(config.backbone(), config.head());
        this.optimizer = optimizer(config, stepsPerEpoch, totalSteps, beginStep);
        this.model = Model.newInstance("nlb-" + config.method().cliName());
        model.setBlock(method.online());
        // DJL's Trainer wants a loss for its own fit loop; the SSL loss comes from the method instead.
        this.trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer));
        Shape viewShape = new Shape(config.batchSize(), images.channels(), height(config, images), width(config, images));
        trainer.initialize(viewShape);
        this.store = new ParameterStore(trainer.getManager(), false);
        method.initializeState(trainer.getManager(), viewShape, seeds.state());
        this.loader = new ViewPairLoader(images, config.augment(),
                new LoaderOptions(config.batchSize(), config.threads(), LoaderOptions.DEFAULT_PREFETCH, seeds.augment()));
    }

    private static int height(PretrainConfig c, ImageSet images) {
        return c.augment().outputHeight() == 0 ? images.height() : c.augment().outputHeight();
    }

    private static int width(PretrainConfig c, ImageSet images) {
        return c.augment().outputWidth() == 0 ? images.width() : c.augment().outputWidth();
    }

    private static MomentumOptimizer optimizer(PretrainConfig c, int stepsPerEpoch, long totalSteps, long beginStep) {
        OptimizerParams o = c.optimizer();
        long warmup = Math.min(totalSteps, Math.round(o.warmupEpochs() * stepsPerEpoch));
        WarmupCosineSchedule schedule = new WarmupCosineSchedule(c.peakLr(), o.warmupStartLr(), o.minLr(), warmup,
                totalSteps);
        int begin = Math.toIntExact(beginStep);
        return switch (o.kind()) {
            case lars -> Lars.builder().setLearningRate(schedule).optMomentum(o.momentum()).optEta(o.larsEta())
                    .optWeightDecays((float) o.weightDecay()).optBeginNumUpdate(begin).build();
            case sgd -> MomentumSgd.builder().setLearningRate(schedule).optMomentum(o.momentum())
                    .optWeightDecays((float) o.weightDecay()).optBeginNumUpdate(begin).build();
        };
    }

    public PretrainConfig config() {
        return config;
    }

    public SslMethod method() {
        return method;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public long totalSteps() {
        return totalSteps;
    }

    /** Optimiser steps done so far in the whole run. */
    public long step() {
        return step;
    }

    /** Seconds the training thread waited for augmented batches so far. */
    public double augmentWaitSeconds() {
        return loader.waitSeconds();
    }

    /**
     * Trains epoch {@code epoch} (1-based) and tells {@code listener} about every step.
     *
     * @throws BadInputException if the loss stops being finite: the settings made training diverge
     */
    public EpochStats runEpoch(int epoch, TrainingListener listener) {
        long start = System.nanoTime();
        double lossSum = 0;
        int done = 0;
        for (ViewPairBatch batch : loader.epoch(epoch - 1)) {
            double loss = trainStep(batch);
            if (!Double.isFinite(loss)) {
                throw new BadInputException("training", "diverged: the loss became " + loss + " at epoch " + epoch
                        + ", step " + step + "; try a smaller --lr");
            }
            lossSum += loss;
            done++;
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.onStep(new TrainingListener.StepStats(epoch, done, step, loss, optimizer.lastLearningRate(),
                    done * (double) config.batchSize() / seconds));
            if (done == stepsPerEpoch) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(epoch, step, lossSum / done, optimizer.lastLearningRate(),
                done * (double) config.batchSize() / seconds, seconds);
    }

    private double trainStep(ViewPairBatch batch) {
        try (NDManager batchManager = trainer.getManager().newSubManager()) {
            Shape shape = new Shape(batch.shape());
            NDArray view1 = batchManager.create(batch.view1(), shape);
            NDArray view2 = batchManager.create(batch.view2(), shape);
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray value = method.loss(store, view1, view2);
                loss = value.toType(DataType.FLOAT64, false).getDouble();
                collector.backward(value);
            }
            trainer.step();
            method.afterStep(step, totalSteps);
            step++;
            return loss;
        }
    }

    /**
     * Copies of everything a bit-for-bit continuation needs besides the step count: every online
     * parameter and BatchNorm statistic ({@code online/<name>}), the optimiser's momentum buffers
     * ({@code momentum/<name>}, keyed by parameter name since parameter ids change per process) and
     * the method's own state ({@code method/...}), attached to {@code manager}.
     */
    public Map<String, NDArray> state(NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : method.online().getParameters()) {
            out.put(ONLINE + p.getKey(), copy(p.getValue().getArray(), manager));
            NDArray buffer = optimizer.momentumBuffer(p.getValue().getId());
            if (buffer != null) {
                out.put(MOMENTUM + p.getKey(), copy(buffer, manager));
            }
        }
        method.state(manager).forEach((name, array) -> out.put(METHOD + name, array));
        return out;
    }

    /** Sets the state written by {@link #state}; the session must have been built with the same step. */
    public void restore(Map<String, NDArray> arrays) {
        for (Pair<String, Parameter> p : method.online().getParameters()) {
            NDArray weight = p.getValue().getArray();
            NDArray saved = arrays.get(ONLINE + p.getKey());
            if (saved == null || !saved.getShape().equals(weight.getShape())) {
                throw new IllegalArgumentException("checkpoint lacks parameter '" + p.getKey() + "' of shape "
                        + weight.getShape());
            }
            weight.set(ALL, saved);
            NDArray buffer = arrays.get(MOMENTUM + p.getKey());
            if (buffer != null) {
                optimizer.restoreMomentumBuffer(p.getValue().getId(), buffer);
            }
        }
        Map<String, NDArray> methodState = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            if (name.startsWith(METHOD)) {
                methodState.put(name.substring(METHOD.length()), array);
            }
        });
        method.restoreState(methodState);
    }

    private static NDArray copy(NDArray array, NDManager manager) {
        NDArray c = array.duplicate();
        c.attach(manager);
        return c;
    }

    @Override
    public void close() {
        loader.close();
        method.close();
        trainer.close();
        model.close();
    }
}
