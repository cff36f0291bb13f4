package org.nlb.eval;

import org.nlb.artefact.GeometryValues;

/**
 * Where a trigger moves test images in an encoder's feature space (read next to the
 * backdoor metrics of DESIGN §4). It tells three failures apart without reading confusion
 * matrices: the encoder does not see the trigger ({@code trigger_cosine} ≈ 1, {@code target_pull}
 * ≈ 0), the trigger is learned as a direction of its own (triggered images collapse onto one
 * point: {@code triggered_spread} ≈ 1 well above {@code clean_spread}, without a pull), or it is
 * tied to the target class ({@code target_pull} &gt; 0).
 *
 * <p>All four figures use the raw L2-normalised backbone features the probe run extracts, before
 * the linear probe's centring (or standardising); the kNN monitor sees exactly these. Each row is
 * normalised once more in double precision, so every dot product is a cosine; an all-zero row
 * has no direction and counts as cosine 0.
 *
 * <p>The figures are those of {@link GeometryValues} (its components document them); the
 * {@code cleanSpread} is well above 0, since L2-normalised backbone features share a common
 * direction, and the triggered spread is read against it.
 */
public final class TriggerGeometry {
    private TriggerGeometry() {}

    /**
     * Measures the geometry.
     *
     * @param clean the clean test features, one row per test image
     * @param triggered the triggered test features, row i for the same image as {@code clean}'s row i
     * @param downstream the downstream (probe training) features
     * @param downstreamLabels one label per downstream row
     * @param testLabels one label per test row
     * @param target the attack's target class
     */
    public static GeometryValues of(Features clean, Features triggered, Features downstream, int[] downstreamLabels,
                                    int[] testLabels, int target) {
        if (clean.rows() != triggered.rows() || clean.dim() != triggered.dim() || clean.dim() != downstream.dim()) {
            throw new IllegalArgumentException("clean " + clean.rows() + "x" + clean.dim() + ", triggered "
                    + triggered.rows() + "x" + triggered.dim() + " and downstream features of dimension "
                    + downstream.dim() + " do not match");
        }
        if (testLabels.length != clean.rows() || downstreamLabels.length != downstream.rows()) {
            throw new IllegalArgumentException("need one label per row: " + testLabels.length + " test labels for "
                    + clean.rows() + " rows, " + downstreamLabels.length + " downstream labels for " + downstream.rows());
        }
        double[] direction = classDirection(downstream, downstreamLabels, target);
        int dim = clean.dim();
        double[] c = new double[dim];
        double[] t = new double[dim];
        Spread cleanSpread = new Spread(dim);
        Spread triggeredSpread = new Spread(dim);
        double cosine = 0;
        double pull = 0;
        int nonTarget = 0;
        for (int i = 0; i < clean.rows(); i++) {
            unitRow(clean, i, c);
            unitRow(triggered, i, t);
            cosine += dot(c, t);
            cleanSpread.add(c);
            triggeredSpread.add(t);
            if (testLabels[i] != target && direction != null) {
                pull += dot(t, direction) - dot(c, direction);
                nonTarget++;
            }
        }
        return new GeometryValues(clean.rows() == 0 ? Double.NaN : cosine / clean.rows(),
                nonTarget == 0 ? Double.NaN : pull / nonTarget, triggeredSpread.mean(), cleanSpread.mean(), null);
    }

    /** The mean cosine over all pairs of distinct rows of {@code features} (see {@link Spread}). */
    static double meanPairwiseCosine(Features features) {
        Spread spread = new Spread(features.dim());
        double[] row = new double[features.dim()];
        for (int i = 0; i < features.rows(); i++) {
            unitRow(features, i, row);
            spread.add(row);
        }
        return spread.mean();
    }

    /**
     * The mean cosine over all pairs of distinct unit (or zero) rows, exactly and in one pass of
     * O(n·d) without a pair loop: Σ_{i≠j} x_i·x_j = ‖Σ_i x_i‖² − Σ_i ‖x_i‖². NaN for fewer than two rows.
     */
    private static final class Spread {
        private final double[] sum;
        private double selfSum;
        private long rows;

        Spread(int dim) {
            sum = new double[dim];
        }

        void add(double[] x) {
            for (int j = 0; j < x.length; j++) {
                sum[j] += x[j];
            }
            selfSum += dot(x, x);
            rows++;
        }

        double mean() {
            return rows < 2 ? Double.NaN : (dot(sum, sum) - selfSum) / ((double) rows * (rows - 1));
        }
    }

    /** μ_t: the normalised mean of the unit downstream rows labelled {@code target}; null if there are none. */
    private static double[] classDirection(Features downstream, int[] labels, int target) {
        double[] mean = new double[downstream.dim()];
        double[] row = new double[downstream.dim()];
        for (int i = 0; i < downstream.rows(); i++) {
            if (labels[i] == target) {
                unitRow(downstream, i, row);
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += row[j];
                }
            }
        }
        double norm = Math.sqrt(dot(mean, mean));
        if (norm == 0) {
            return null;
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= norm;
        }
        return mean;
    }

    /** Row {@code i} of {@code f} scaled to unit length in double precision into {@code out}; a zero row stays zero. */
    private static void unitRow(Features f, int i, double[] out) {
        float[] x = f.data();
        int base = i * f.dim();
        double norm = 0;
        for (int j = 0; j < out.length; j++) {
            double v = x[base + j];
            out[j] = v;
            norm += v * v;
        }
        if (norm > 0) {
            double inv = 1 / Math.sqrt(norm);
            for (int j = 0; j < out.length; j++) {
                out[j] *= inv;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
