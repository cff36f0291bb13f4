package org.nlb.data.image;

/**
 * Bilinear resizing of channel-first uint8 planes, with pixel centres aligned as in OpenCV's
 * {@code INTER_LINEAR} and PIL without antialiasing: output pixel {@code x} samples the input at
 * {@code (x + 0.5) · w / outW − 0.5}, clamped to the edge. Deterministic (plain double
 * arithmetic, rounded half up); a same-size resize returns the input unchanged. Shrinking by
 * large factors aliases, as those libraries do without antialiasing.
 */
public final class Bilinear {
    private Bilinear() {}

    /** {@code src} holds {@code channels} planes of {@code h×w}; returns planes of {@code outH×outW}. */
    public static byte[] resize(byte[] src, int channels, int h, int w, int outH, int outW) {
        if (h == outH && w == outW) {
            return src;
        }
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        double[] fx = new double[outW];
        sampling(w, outW, x0, x1, fx);
        int[] y0 = new int[outH];
        int[] y1 = new int[outH];
        double[] fy = new double[outH];
        sampling(h, outH, y0, y1, fy);
        byte[] out = new byte[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            int in = c * h * w;
            int o = c * outH * outW;
            for (int y = 0; y < outH; y++) {
                int top = in + y0[y] * w;
                int bottom = in + y1[y] * w;
                for (int x = 0; x < outW; x++) {
                    double t = lerp(src[top + x0[x]] & 0xFF, src[top + x1[x]] & 0xFF, fx[x]);
                    double b = lerp(src[bottom + x0[x]] & 0xFF, src[bottom + x1[x]] & 0xFF, fx[x]);
                    out[o + y * outW + x] = (byte) (int) Math.floor(lerp(t, b, fy[y]) + 0.5);
                }
            }
        }
        return out;
    }

    /** For each output coordinate: the two input neighbours and the weight of the second. */
    private static void sampling(int in, int out, int[] lo, int[] hi, double[] frac) {
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double pos = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), in - 1);
            lo[i] = (int) Math.floor(pos);
            hi[i] = Math.min(lo[i] + 1, in - 1);
            frac[i] = pos - lo[i];
        }
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
