package org.nlb.augment;

import java.util.Arrays;
import org.nlb.data.ImageSet;

/**
 * Per-channel normalisation of pixels in [0, 1]: {@code (v − mean[c]) / std[c]}, as torchvision's
 * {@code Normalize}. Either given (e.g. solo-learn's CIFAR-10 constants) or measured on the data
 * set with {@link #of(ImageSet)}.
 *
 * @param mean per-channel mean, in [0, 1] units
 * @param std per-channel standard deviation, positive
 */
public record Normalization(float[] mean, float[] std) {
    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per channel, got "
                    + mean.length + " and " + std.length);
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Float.isFinite(mean[c]) || !(std[c] > 0) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("channel " + c + ": mean " + mean[c] + ", std " + std[c]
                        + " (std must be positive and finite)");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The mean and (population) standard deviation of every channel over all pixels of all images.
     * A channel that is constant across the whole set gets std 1, so that it maps to 0, not NaN.
     */
    public static Normalization of(ImageSet set) {
        int c = set.channels();
        int plane = set.height() * set.width();
        long[] sum = new long[c];
        long[] squares = new long[c];
        byte[] px = set.pixels();
        for (int i = 0; i < set.size(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int start = (i * c + ch) * plane;
                long s = 0;
                long q = 0;
                for (int k = start; k < start + plane; k++) {
                    int v = px[k] & 0xFF;
                    s += v;
                    q += v * v;
                }
                sum[ch] += s;
                squares[ch] += q;
            }
        }
        double count = (double) set.size() * plane;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = count == 0 ? 0 : sum[ch] / count;
            double var = count == 0 ? 0 : Math.max(0, squares[ch] / count - m * m);
            mean[ch] = (float) (m / 255);
            std[ch] = var > 0 ? (float) (Math.sqrt(var) / 255) : 1f;
        }
        return new Normalization(mean, std);
    }

    /** The same value for every channel (e.g. 0.5 / 0.5 maps [0, 1] to [−1, 1]). */
    public static Normalization uniform(int channels, float mean, float std) {
        float[] m = new float[channels];
        float[] s = new float[channels];
        Arrays.fill(m, mean);
        Arrays.fill(s, std);
        return new Normalization(m, s);
    }

    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** Writes the normalised image into {@code out[offset ..]}. */
    void write(FloatImage image, float[] out, int offset) {
        float[] d = image.data();
        int plane = image.plane();
        for (int c = 0; c < image.channels(); c++) {
            float m = mean[c];
            float inv = 1f / std[c];
            int base = c * plane;
            for (int k = 0; k < plane; k++) {
                out[offset + base + k] = (d[base + k] - m) * inv;
            }
        }
    }

    /** Back to bytes for display: round(clamp(v·std + mean, 0, 1)·255). */
    public byte[] denormalize(float[] values, int offset, int channels, int plane) {
        byte[] out = new byte[channels * plane];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < plane; k++) {
                float v = values[offset + c * plane + k] * std[c] + mean[c];
                out[c * plane + k] = (byte) Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
