package org.nlb.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.nlb.data.ImageSet;
import org.nlb.io.AtomicOutput;

/**
 * Writes the encoder as it is at the end of chosen epochs into {@code snapshots/epoch-E/} of a
 * pretraining directory (encoder.json, backbone.params, projector.params; {@link
 * org.nlb.model.EncoderStore}), for measuring a backdoor against epochs within one run.
 * Each snapshot appears whole or not at all ({@link AtomicOutput#writeDirectory}). A snapshot that
 * already exists is kept as it is: a resumed run retrains the epoch after its last checkpoint bit
 * for bit, so a snapshot written just before a kill is already the right one; snapshots of epochs
 * before the checkpoint are never retrained. It must run before the {@link Checkpointer} of the
 * same epoch ({@link Pretrainer#run} calls extra listeners first), or a kill between the two would
 * lose the snapshot.
 */
public final class SnapshotWriter implements TrainingListener {
    /** The folder of the snapshots inside a pretraining directory. */
    public static final String DIR = "snapshots";

    private final Path root;
    private final SortedSet<Integer> epochs;
    private final ImageSet images;

    /**
     * @param out the pretraining directory
     * @param epochs the epochs after which to write a snapshot (1-based)
     * @param images the pretrain images (their shape goes into encoder.json)
     */
    public SnapshotWriter(Path out, List<Integer> epochs, ImageSet images) {
        this.root = out.resolve(DIR);
        this.epochs = new TreeSet<>(epochs);
        this.images = images;
    }

    /** The snapshot directory of {@code epoch} inside pretraining directory {@code out}. */
    public static Path dir(Path out, int epoch) {
        return out.resolve(DIR).resolve("epoch-" + epoch);
    }

    @Override
    public void onEpochEnd(EpochStats epoch, PretrainSession session) {
        if (!epochs.contains(epoch.epoch())) {
            return;
        }
        Path target = root.resolve("epoch-" + epoch.epoch());
        if (Files.isDirectory(target)) {
            return; // complete (written atomically) and, retrained bit for bit, the same
        }
        AtomicOutput.writeDirectory(target, false,
                dir -> Pretrainer.writeEncoder(dir, session.config(), session.method(), images, epoch.epoch()));
    }
}
