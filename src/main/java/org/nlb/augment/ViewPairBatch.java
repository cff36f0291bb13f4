package org.nlb.augment;

/**
 * One batch of view pairs: {@code view1} and {@code view2} are B×C×H×W float32 arrays
 * (normalised, channel-first), {@code indices} the B data-set items they show, in that order.
 *
 * @param epoch the epoch the batch belongs to
 * @param batch its position in the epoch, from 0
 * @param indices the items, one per row
 * @param view1 first views, B·C·H·W values
 * @param view2 second views, B·C·H·W values
 * @param channels C
 * @param height H (output size)
 * @param width W (output size)
 */
public record ViewPairBatch(int epoch, int batch, int[] indices, float[] view1, float[] view2,
                            int channels, int height, int width) {
    public int size() {
        return indices.length;
    }

    /** {B, C, H, W}, the tensor shape of each view. */
    public long[] shape() {
        return new long[] {indices.length, channels, height, width};
    }
}
