package org.nlb.poison.trigger;

/**
 * A trigger built for one image shape (DESIGN §3). Implementations are immutable and thread-safe:
 * every random choice is fixed at construction or derived from the seed and the item index.
 */
public interface Trigger {
    /**
     * Triggers one C×H×W image in place: the bytes of {@code pixels} from {@code offset}.
     *
     * @param itemIndex the image's index in its set; only triggers with a per-image random choice
     *                  (patch-random, layout-patch) use it, so that the same image always gets the same trigger
     */
    void apply(byte[] pixels, int offset, int itemIndex);

    /** The options the trigger was built from (its name and parameters). */
    TriggerConfig config();

    /** The shape of the images this trigger fits. */
    ImageShape shape();

    /**
     * The trigger pasted on test and downstream images, where poisoning uses this one: the same
     * trigger for every kind but layout-patch, whose test-time trigger is its plain patch on the
     * full-size image. Every place that triggers images to measure a backdoor (feature
     * extraction, probes, test previews) goes through this method.
     */
    default Trigger testTime() {
        return this;
    }

    /** A triggered copy of one C×H×W image; {@code image} is left as it is. */
    default byte[] applied(byte[] image, int itemIndex) {
        if (image.length != shape().bytes()) {
            throw new IllegalArgumentException("image has " + image.length + " bytes, trigger fits " + shape());
        }
        byte[] copy = image.clone();
        apply(copy, 0, itemIndex);
        return copy;
    }
}
