package org.nlb.augment;

/**
 * Bilinear resampling of a crop box to an output size, separable (rows, then columns), with
 * half-pixel centres and — when shrinking — a filter widened by the shrink factor (antialiasing),
 * which is what PIL and torchvision's {@code antialias=True} do. Enlarging is plain bilinear with
 * edge clamping; a box of the output size is copied exactly.
 */
final class Resampler {
    private Resampler() {}

    /** Replaces the image in {@code img} by its box (top, left, h, w) resized to outH × outW. */
    static void cropResize(FloatImage img, int top, int left, int h, int w, int outH, int outW) {
        int c = img.channels();
        int inH = img.height();
        int inW = img.width();
        if (top < 0 || left < 0 || h < 1 || w < 1 || top + h > inH || left + w > inW) {
            throw new IllegalArgumentException("crop box " + top + "," + left + " " + h + "x" + w
                    + " outside a " + inH + "x" + inW + " image");
        }
        float[] src = img.data();
        float[] dst = img.spare(c * outH * outW);
        if (h == outH && w == outW) {
            copyBox(src, dst, c, inH, inW, top, left, h, w);
        } else {
            Taps cols = img.taps.get(w, outW);
            Taps rows = img.taps.get(h, outH);
            float[] tmp = img.resampleRows;
            if (tmp.length < c * h * outW) {
                tmp = new float[c * h * outW];
                img.resampleRows = tmp;
            }
            horizontalPass(src, tmp, c, inH, inW, top, left, h, cols, outW);
            verticalPass(tmp, dst, c, h, rows, outH, outW);
        }
        img.swap(outH, outW);
    }

    private static void copyBox(float[] src, float[] dst, int c, int inH, int inW,
                                int top, int left, int h, int w) {
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (ch * inH + top + y) * inW + left, dst, (ch * h + y) * w, w);
            }
        }
    }

    private static void horizontalPass(float[] src, float[] tmp, int c, int inH, int inW,
                                       int top, int left, int h, Taps cols, int outW) {
        int taps = cols.taps;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int rowStart = (ch * inH + top + y) * inW + left;
                int outStart = (ch * h + y) * outW;
                if (taps == 2) { // every enlargement: two neighbours per output pixel
                    for (int x = 0; x < outW; x++) {
                        int base = rowStart + cols.first[x];
                        tmp[outStart + x] = cols.weights[2 * x] * src[base] + cols.weights[2 * x + 1] * src[base + 1];
                    }
                } else {
                    for (int x = 0; x < outW; x++) {
                        int base = rowStart + cols.first[x];
                        int wb = x * taps;
                        float sum = 0;
                        for (int k = 0; k < taps; k++) {
                            sum += cols.weights[wb + k] * src[base + k];
                        }
                        tmp[outStart + x] = sum;
                    }
                }
            }
        }
    }

    private static void verticalPass(float[] tmp, float[] dst, int c, int h, Taps rows, int outH, int outW) {
        int taps = rows.taps;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < outH; y++) {
                int outStart = (ch * outH + y) * outW;
                int wb = y * taps;
                int firstRow = (ch * h + rows.first[y]) * outW;
                float w0 = rows.weights[wb];
                for (int x = 0; x < outW; x++) {
                    dst[outStart + x] = w0 * tmp[firstRow + x];
                }
                for (int k = 1; k < taps; k++) {
                    float wk = rows.weights[wb + k];
                    int row = firstRow + k * outW;
                    for (int x = 0; x < outW; x++) {
                        dst[outStart + x] += wk * tmp[row + x];
                    }
                }
            }
        }
    }

    /**
     * The input taps and normalised triangle-filter weights of every output position of one
     * axis. Every position has the same number of taps (padded with zero weights, the window
     * shifted inside the input at the edges), so the inner loops have a fixed length.
     */
    static final class Taps {
        final int[] first;
        final float[] weights;
        final int taps;

        private Taps(int outSize, int taps) {
            this.first = new int[outSize];
            this.weights = new float[outSize * taps];
            this.taps = taps;
        }

        static Taps of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale; // the triangle's support of 1, widened when shrinking
            int[] lo = new int[outSize];
            int[] hi = new int[outSize];
            double[] centre = new double[outSize];
            int taps = 1;
            for (int i = 0; i < outSize; i++) {
                centre[i] = (i + 0.5) * scale;
                lo[i] = Math.max(0, (int) (centre[i] - support + 0.5));
                hi[i] = Math.min(inSize, (int) (centre[i] + support + 0.5));
                taps = Math.max(taps, hi[i] - lo[i]);
            }
            Taps t = new Taps(outSize, taps);
            for (int i = 0; i < outSize; i++) {
                double total = 0;
                for (int k = lo[i]; k < hi[i]; k++) {
                    total += triangle((k - centre[i] + 0.5) / filterScale);
                }
                int first = Math.min(lo[i], inSize - taps);
                t.first[i] = first;
                for (int k = lo[i]; k < hi[i]; k++) {
                    double w = triangle((k - centre[i] + 0.5) / filterScale);
                    t.weights[i * taps + k - first] = (float) (total == 0 ? 0 : w / total);
                }
            }
            return t;
        }

        private static double triangle(double x) {
            double a = Math.abs(x);
            return a < 1 ? 1 - a : 0;
        }
    }

    /**
     * Taps by input length for the two output lengths in use, so that a worker computes the
     * weights of each crop size once rather than once per image.
     */
    static final class TapsCache {
        private int outA = -1;
        private int outB = -1;
        private Taps[] byInA = new Taps[0];
        private Taps[] byInB = new Taps[0];

        Taps get(int inSize, int outSize) {
            if (outSize != outA && outSize != outB) {
                // a new output length replaces the older table
                outB = outA;
                byInB = byInA;
                outA = outSize;
                byInA = new Taps[0];
            }
            if (outSize == outA) {
                if (byInA.length <= inSize) {
                    byInA = java.util.Arrays.copyOf(byInA, inSize + 1);
                }
                return byInA[inSize] != null ? byInA[inSize] : (byInA[inSize] = Taps.of(inSize, outSize));
            }
            if (byInB.length <= inSize) {
                byInB = java.util.Arrays.copyOf(byInB, inSize + 1);
            }
            return byInB[inSize] != null ? byInB[inSize] : (byInB[inSize] = Taps.of(inSize, outSize));
        }
    }
}
