package org.nlb.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.nlb.optim.WarmupCosineSchedule;

/**
 * The linear probe of DESIGN §1 step 7 and §4: multinomial logistic regression trained on frozen,
 * cached features of the labeled downstream split. Mini-batch AdamW with a cosine learning rate
 * (no warm-up), decoupled weight decay on the weights only, zero initialisation, and a seeded
 * shuffle per epoch: the same seed gives the same classifier.
 *
 * <p>Why not solo-learn's recipe (SGD, lr 0.1, momentum 0.9, 100 epochs): it trains on raw
 * backbone outputs whose norms are in the tens, while nlb's features are L2-normalised (norm 1)
 * and sit in a narrow cone; plain SGD then barely moves in 100 epochs. Adam's per-coordinate
 * step sizes do not depend on the feature scale. The softmax cross-entropy gradient is written
 * in closed form ({@code Xᵀ(softmax(XW + b) − Y)/B}), so no autograd graph is built.
 *
 * @param epochs passes over the training features
 * @param batchSize examples per step
 * @param learningRate AdamW's peak rate, decayed by a cosine to 0
 * @param weightDecay decoupled weight decay of the weights (not the bias)
 * @param scaling what is done to features first: by default only centring ({@link FeatureScaling#CENTER}),
 *     never per-dimension standardisation
 * @param seed seed of the shuffles
 */
public record LinearProbe(int epochs, int batchSize, double learningRate, double weightDecay,
                          FeatureScaling scaling, long seed) {
    public static final LinearProbe DEFAULT = new LinearProbe(100, 256, 0.1, 1e-4, FeatureScaling.CENTER, 0);
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    public LinearProbe {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be positive");
        }
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("need learning rate > 0 and weight decay ≥ 0");
        }
    }

    public LinearProbe withSeed(long s) {
        return new LinearProbe(epochs, batchSize, learningRate, weightDecay, scaling, s);
    }

    public LinearProbe withScaling(FeatureScaling s) {
        return new LinearProbe(epochs, batchSize, learningRate, weightDecay, s, seed);
    }

    /** Fits a classifier of {@code classes} classes to rows {@code x} with labels {@code labels} (0..classes−1). */
    public LinearClassifier fit(Features x, int[] labels, int classes) {
        if (labels.length != x.rows() || x.rows() == 0) {
            throw new IllegalArgumentException(labels.length + " labels for " + x.rows() + " feature rows");
        }
        int n = x.rows();
        int d = x.dim();
        float[][] shiftScale = scaling.fit(x);
        float[] scaled = scaled(x, shiftScale[0], shiftScale[1]);
        int stepsPerEpoch = (n + batchSize - 1) / batchSize;
        WarmupCosineSchedule schedule = WarmupCosineSchedule.of(learningRate, 0, (long) epochs * stepsPerEpoch);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Adam w = new Adam(manager, new Shape(d, classes));
            Adam b = new Adam(manager, new Shape(classes));
            long step = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                shuffle(order, rng);
                for (int start = 0; start < n; start += batchSize) {
                    int count = Math.min(batchSize, n - start);
                    float[] xb = new float[count * d];
                    float[] yb = new float[count * classes];
                    for (int k = 0; k < count; k++) {
                        int i = order[start + k];
                        System.arraycopy(scaled, i * d, xb, k * d, d);
                        yb[k * classes + checkLabel(labels[i], classes)] = 1f;
                    }
                    try (NDManager batch = manager.newSubManager()) {
                        NDArray xs = batch.create(xb, new Shape(count, d));
                        NDArray error = xs.matMul(w.value).add(b.value).softmax(1)
                                .sub(batch.create(yb, new Shape(count, classes))).div(count);
                        float lr = (float) schedule.at(step);
                        step++;
                        w.update(xs.transpose().matMul(error), lr, (float) weightDecay, step);
                        b.update(error.sum(new int[] {0}), lr, 0f, step);
                    }
                }
            }
            return new LinearClassifier(w.value.toFloatArray(), b.value.toFloatArray(), shiftScale[0], shiftScale[1]);
        }
    }

    private static float[] scaled(Features x, float[] shift, float[] scale) {
        int d = x.dim();
        float[] out = x.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] - shift[i % d]) * scale[i % d];
        }
        return out;
    }

    private static int checkLabel(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes - 1));
        }
        return label;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** One parameter (zero-initialised) with AdamW's moment estimates (Loshchilov and Hutter, 2019). */
    private static final class Adam {
        final NDArray value;
        final NDArray mean;
        final NDArray variance;

        Adam(NDManager manager, Shape shape) {
            value = manager.zeros(shape);
            mean = manager.zeros(shape);
            variance = manager.zeros(shape);
        }

        /** Step {@code t} (from 1) along {@code grad}; temporaries live in {@code grad}'s manager. */
        void update(NDArray grad, float lr, float decay, long t) {
            mean.muli(BETA1).addi(grad.mul(1 - BETA1));
            variance.muli(BETA2).addi(grad.square().muli(1 - BETA2));
            float correction1 = (float) (1 - Math.pow(BETA1, t));
            float correction2 = (float) (1 - Math.pow(BETA2, t));
            NDManager temporaries = grad.getManager();
            NDArray denominator = inside(variance.div(correction2), temporaries).sqrt().addi(EPSILON);
            if (decay > 0) {
                value.muli(1 - lr * decay);
            }
            value.subi(inside(mean.mul(lr / correction1), temporaries).divi(denominator));
        }

        /** Moves a result of an operation on a long-lived array into the batch's manager, freed with it. */
        private static NDArray inside(NDArray temporary, NDManager manager) {
            temporary.attach(manager);
            return temporary;
        }
    }
}
