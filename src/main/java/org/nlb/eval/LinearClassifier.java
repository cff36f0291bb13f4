package org.nlb.eval;

/**
 * A fitted multinomial logistic regression: {@code argmax((x − shift)·scale · W + b)}. Immutable;
 * {@link LinearProbe} makes it.
 *
 * @param weights d × C, row-major
 * @param bias C values
 * @param shift per-dimension value subtracted first ({@link FeatureScaling})
 * @param scale per-dimension factor applied after the shift
 */
public record LinearClassifier(float[] weights, float[] bias, float[] shift, float[] scale) {
    public LinearClassifier {
        int d = shift.length;
        if (scale.length != d || bias.length == 0 || weights.length != d * bias.length) {
            throw new IllegalArgumentException("weights must be " + d + " x " + bias.length);
        }
    }

    public int dim() {
        return shift.length;
    }

    public int classes() {
        return bias.length;
    }

    /** The class scores of every row, rows × C. */
    public float[] logits(Features x) {
        requireDim(x);
        int d = dim();
        int c = classes();
        float[] out = new float[x.rows() * c];
        float[] row = new float[d];
        float[] data = x.data();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < d; j++) {
                row[j] = (data[i * d + j] - shift[j]) * scale[j];
            }
            for (int k = 0; k < c; k++) {
                double s = bias[k];
                for (int j = 0; j < d; j++) {
                    s += row[j] * weights[j * c + k];
                }
                out[i * c + k] = (float) s;
            }
        }
        return out;
    }

    /** The predicted class of every row (the lowest class on a tie). */
    public int[] predict(Features x) {
        return argmaxRows(logits(x), x.rows(), classes());
    }

    static int[] argmaxRows(float[] scores, int rows, int classes) {
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (scores[i * classes + k] > scores[i * classes + best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private void requireDim(Features x) {
        if (x.dim() != dim()) {
            throw new IllegalArgumentException("features have " + x.dim() + " dimensions, the classifier " + dim());
        }
    }
}
