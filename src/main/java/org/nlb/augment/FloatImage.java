package org.nlb.augment;

/**
 * A per-thread scratch image: C×H×W floats in [0, 1] (channel planes, row-major), plus a spare
 * buffer that size-changing ops write into before {@link #swap}ping. Reused for every image a
 * worker handles, so augmenting allocates nothing per pixel and nothing per image.
 */
public final class FloatImage {
    /** 0..255 as floats in [0, 1], so that loading is a table look-up. */
    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT[i] = i / 255f;
        }
    }

    private float[] data;
    private float[] spare;
    private int channels;
    private int height;
    private int width;
    /** Work space of the resampler (one horizontal pass), grown on demand. */
    float[] resampleRows = new float[0];
    /** Resampling weights this worker has computed, by crop and output length. */
    final Resampler.TapsCache taps = new Resampler.TapsCache();

    public FloatImage(int capacity) {
        this.data = new float[capacity];
        this.spare = new float[capacity];
    }

    /** Loads image bytes {@code src[offset ..]} of shape C×H×W as floats in [0, 1]. */
    public void load(byte[] src, int offset, int c, int h, int w) {
        int n = c * h * w;
        reshape(c, h, w);
        for (int k = 0; k < n; k++) {
            data[k] = UNIT[src[offset + k] & 0xFF];
        }
    }

    /** Loads float pixels in [0, 1] (tests and callers that already hold floats). */
    public void load(float[] src, int c, int h, int w) {
        reshape(c, h, w);
        System.arraycopy(src, 0, data, 0, c * h * w);
    }

    private void reshape(int c, int h, int w) {
        int n = c * h * w;
        if (data.length < n) {
            data = new float[n];
            spare = new float[n];
        }
        channels = c;
        height = h;
        width = w;
    }

    /** The spare buffer, at least {@code size} long; fill it, then call {@link #swap}. */
    float[] spare(int size) {
        if (spare.length < size) {
            spare = new float[size];
        }
        return spare;
    }

    /** Makes the spare buffer (now holding a C×h×w image) the current one. */
    void swap(int h, int w) {
        float[] t = data;
        data = spare;
        spare = t;
        height = h;
        width = w;
    }

    /** The current pixels; only the first {@link #size()} entries are meaningful. */
    public float[] data() {
        return data;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Pixels in one channel plane: H·W. */
    public int plane() {
        return height * width;
    }

    /** Values in the image: C·H·W. */
    public int size() {
        return channels * height * width;
    }

    /** A copy of the current pixels, for tests and previews. */
    public float[] toArray() {
        return java.util.Arrays.copyOf(data, size());
    }
}
