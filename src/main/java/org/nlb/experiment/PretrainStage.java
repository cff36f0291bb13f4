package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nlb.data.ImageSet;
import org.nlb.io.AtomicOutput;
import org.nlb.train.Checkpoint;
import org.nlb.train.EpochStats;
import org.nlb.train.PretrainConfig;
import org.nlb.train.PretrainResult;
import org.nlb.train.Pretrainer;
import org.nlb.train.ProgressDisplay;
import org.nlb.train.SnapshotWriter;
import org.nlb.train.TrainingListener;

/**
 * DESIGN §1 steps 2 and 6: SSL pretraining of one encoder with {@link Pretrainer} — the clean
 * encoder on the pretrain images, or a victim on the same images with one selector's poison set
 * triggered. Its directory is the Pretrainer's (config.json, log.csv, checkpoint.nlb, then
 * encoder.json and backbone.params); an unfinished one resumes from its checkpoint, bit for bit.
 * With snapshot epochs ({@code probe.at_epochs}) it also writes the encoder after each
 * of them into {@code snapshots/epoch-E/} ({@link SnapshotWriter}); those epochs are then part of
 * its key, and only then, so that stages without snapshots keep their keys.
 */
final class PretrainStage implements Stage<PretrainStage.Output> {
    /** The encoder directory and the seconds its epochs took (resumed ones included). */
    record Output(Path dir) {
        /** The encoder directory of the snapshot after {@code epoch}. */
        Path snapshot(int epoch) {
            return SnapshotWriter.dir(dir, epoch);
        }
    }

    private final String name;
    private final PretrainConfig config;
    private final ImageSet images;
    private final ObjectNode data;
    private final List<Integer> snapshots;
    private final Map<String, StageKey> upstream;
    private final PrintWriter err;
    private final RunProgress progress;

    /**
     * @param data what the images are (spec, the poison set, a hash of the pixels): part of the key
     *     and of the Pretrainer's record, which a resumed checkpoint must match
     * @param snapshots epochs after which to keep a snapshot of the encoder, each before the last
     */
    PretrainStage(String name, PretrainConfig config, ImageSet images, ObjectNode data, List<Integer> snapshots,
                  Map<String, StageKey> upstream, PrintWriter err, RunProgress progress) {
        this.name = name;
        this.config = config;
        this.images = images;
        this.data = data;
        this.snapshots = List.copyOf(snapshots);
        this.upstream = upstream;
        this.err = err;
        this.progress = progress;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "pretrain, " + config.epochs() + (config.epochs() == 1 ? " epoch" : " epochs") + " on "
                + RunInputs.count(images.size()) + " images";
    }

    @Override
    public ObjectNode settings() {
        ObjectNode s = RunJson.JSON.createObjectNode();
        s.put("stage", "pretrain");
        // threads stay in: PyTorch sums in another order with another thread count, and after
        // thousands of steps the encoder differs (a probe's figure by a few tenths of a point)
        s.set("config", RunJson.tree(config));
        s.set("data", data);
        if (!snapshots.isEmpty()) {
            s.set("snapshots", RunJson.JSON.valueToTree(snapshots));
        }
        return s;
    }

    @Override
    public Map<String, StageKey> upstream() {
        return upstream;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public boolean resumesFrom(Path dir) {
        return Files.isRegularFile(dir.resolve(Checkpoint.FILE));
    }

    @Override
    public long imageEpochs() {
        return (long) images.size() * config.epochs();
    }

    @Override
    public double run(Path dir) {
        boolean resume = resumesFrom(dir);
        if (!resume) {
            startOver(dir); // the stage's own directory: what a start killed before its first checkpoint left
        }
        Pretrainer.Job job = new Pretrainer.Job(config, images, data, dir, resume, false);
        List<TrainingListener> listeners = snapshots.isEmpty() ? List.of(new ProgressDisplay(err))
                : List.of(new ProgressDisplay(err), new SnapshotWriter(dir, snapshots, images));
        PretrainResult result = Pretrainer.run(job, listeners);
        progress.trained(result.imagesPerSecond() * result.seconds(), result.seconds());
        return result.epochs().stream().mapToDouble(EpochStats::seconds).sum();
    }

    private static void startOver(Path dir) {
        try {
            StageStore.deleteRecursively(dir);
        } catch (java.io.IOException e) {
            throw AtomicOutput.cannotWrite(dir, e);
        }
        AtomicOutput.ensureDirectory(dir);
    }

    @Override
    public Output read(Path dir) {
        return new Output(dir);
    }
}
