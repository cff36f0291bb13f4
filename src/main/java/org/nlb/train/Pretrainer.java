package org.nlb.train;

import ai.djl.ndarray.NDArray;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlb.NlbVersion;
import org.nlb.augment.Normalization;
import org.nlb.data.ImageSet;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.model.EncoderSpec;
import org.nlb.model.EncoderStore;
import org.nlb.ssl.SslMethod;

/**
 * Runs SSL pretraining into an output directory (DESIGN §5, §7 {@code nlb pretrain}):
 * {@code config.json} (the {@link RunRecord}) when it starts, {@code log.csv} and
 * {@code checkpoint.nlb} after every epoch, and at the end the encoder ({@code encoder.json},
 * {@code backbone.params} and the online projector's {@code projector.params}, {@link EncoderStore}).
 * A resumed run continues after the checkpoint's last epoch and refuses a checkpoint whose
 * configuration or data differ, naming the field.
 *
 * <p>A run that replaces a non-empty {@code out} ({@code --force}) trains in the hidden sibling
 * {@link AtomicOutput#replacementOf} and takes {@code out}'s place only when the encoder is
 * written, so until then the old directory is whole. {@code --resume} after a kill continues
 * that unfinished replacement when there is one.
 */
public final class Pretrainer {
    public static final String CONFIG_FILE = "config.json";

    private Pretrainer() {
    }

    /**
     * One run.
     *
     * @param config the configuration; a missing normalisation is measured on {@code images}
     * @param images the pretrain images (no labels are used)
     * @param data what the images are, for the record (spec, subset, hash)
     * @param out the output directory: new or empty, or a previous run's to resume
     * @param resume continue the run in {@code out} from its checkpoint
     * @param force start over in a non-empty {@code out}, replacing it once the new run is complete
     */
    public record Job(PretrainConfig config, ImageSet images, JsonNode data, Path out, boolean resume, boolean force) {
    }

    /**
     * Trains {@code job}. {@code extraListeners} hear of each epoch before its log line and its
     * checkpoint are written, so whatever they write for an epoch exists before a resumed run
     * would start after it ({@link SnapshotWriter}).
     */
    public static PretrainResult run(Job job, List<TrainingListener> extraListeners) {
        PretrainConfig config = resolveNormalization(job.config(), job.images());
        ObjectNode record = RunRecord.of(config, job.data());
        Path dir = workingDirectory(job);
        Path checkpointFile = dir.resolve(Checkpoint.FILE);
        Checkpoint checkpoint = job.resume() ? requireMatchingCheckpoint(checkpointFile, record) : null;
        if (checkpoint == null) {
            startDirectory(dir, job, record);
        } else {
            AtomicOutput.writeString(dir.resolve(CONFIG_FILE), text(record));
        }
        List<TrainingListener> listeners = new ArrayList<>(extraListeners);
        listeners.add(new CsvLog(dir.resolve(CsvLog.FILE)));
        listeners.add(new Checkpointer(checkpointFile, record));
        try (PretrainSession session = new PretrainSession(config, job.images(), checkpoint == null ? 0 : checkpoint.step())) {
            List<EpochStats> history = new ArrayList<>();
            if (checkpoint != null) {
                restore(session, checkpointFile);
                history.addAll(checkpoint.history());
            }
            PretrainResult result = train(session, job.images().size(), history, listeners);
            writeEncoder(dir, config, session.method(), job.images(), config.method().cliName(), config.epochs());
            if (!dir.equals(job.out())) {
                replace(dir, job.out());
            }
            return result;
        } finally {
            for (TrainingListener l : listeners) {
                if (l instanceof AutoCloseable c) {
                    closeQuietly(c);
                }
            }
        }
    }

    /**
     * Writes the encoder as initialised by {@code job}'s seed, without training ({@code method}
     * "random", 0 epochs) and its {@code config.json}: the randomly initialised baseline of the
     * same architecture that a pretrained encoder has to beat (BENCHMARKS.md).
     */
    public static void writeUntrained(Job job) {
        PretrainConfig config = resolveNormalization(job.config(), job.images());
        ObjectNode record = RunRecord.of(config, job.data());
        if (!job.force() && Files.isDirectory(job.out()) && Files.exists(job.out().resolve(CONFIG_FILE))) {
            throw new BadInputException(job.out(), "holds an earlier run; use --force to replace it");
        }
        Engine.getInstance().setRandomSeed(RunSeeds.of(config.seed()).init());
        SslMethod method = config.method().create(config.backbone(), config.head());
        try (NDManager manager = NDManager.newBaseManager()) {
            // as a PretrainSession initialises it (same seed, same order), minus the trainer
            method.online().initialize(manager, DataType.FLOAT32,
                    new Shape(1, job.images().channels(), job.images().height(), job.images().width()));
            AtomicOutput.writeDirectory(job.out(), job.force(), dir -> {
                AtomicOutput.writeString(dir.resolve(CONFIG_FILE), text(record));
                writeEncoder(dir, config, method, job.images(), UNTRAINED, 0);
            });
        } finally {
            method.close();
        }
    }

    /** The method name of an encoder that was never trained. */
    public static final String UNTRAINED = "random";

    /** A mid-run snapshot of the encoder trained by {@code config} after {@code epochs} epochs. */
    static void writeEncoder(Path dir, PretrainConfig config, SslMethod trained, ImageSet images, int epochs) {
        writeEncoder(dir, config, trained, images, config.method().cliName(), epochs);
    }

    private static void writeEncoder(Path dir, PretrainConfig config, SslMethod trained, ImageSet images, String method,
                                     int epochs) {
        EncoderSpec spec = new EncoderSpec(config.backbone(), images.height(), images.width(),
                config.augment().normalization().mean(), config.augment().normalization().std(),
                method, config.seed(), epochs, NlbVersion.get());
        try {
            // the online projector (not MoCo's or BYOL's momentum copy, not BYOL's predictor): the
            // projector feature space of `nlb features --space projector` (DESIGN §1 step 3)
            EncoderStore.writeInto(dir, trained.backbone(),
                    new EncoderStore.Projector(trained.online().projectorSpec(), trained.online().projector()), spec);
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot write the encoder (" + e.getMessage() + ")", e);
        }
    }

    /** The epochs after {@code history}, with every listener told; returns the whole run's result. */
    static PretrainResult train(PretrainSession session, int images, List<EpochStats> history,
                                List<TrainingListener> listeners) {
        TrainingListener all = new Broadcast(listeners);
        all.onStart(new TrainingListener.TrainingPlan(session.config(), images, session.stepsPerEpoch(), history));
        List<EpochStats> epochs = new ArrayList<>(history);
        double seconds = 0;
        long trained = 0;
        for (int e = history.size() + 1; e <= session.config().epochs(); e++) {
            EpochStats stats = session.runEpoch(e, all);
            seconds += stats.seconds();
            trained += (long) session.stepsPerEpoch() * session.config().batchSize();
            epochs.add(stats);
            all.onEpochEnd(stats, session);
        }
        PretrainResult result = new PretrainResult(epochs, seconds, seconds == 0 ? 0 : trained / seconds);
        all.onEnd(result);
        return result;
    }

    static PretrainConfig resolveNormalization(PretrainConfig config, ImageSet images) {
        if (config.augment().normalization() != null) {
            return config;
        }
        return config.withAugment(config.augmentPreset(), config.augment().withNormalization(Normalization.of(images)));
    }

    private static Checkpoint requireMatchingCheckpoint(Path file, ObjectNode record) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no checkpoint to resume from (not found); start without --resume");
        }
        Checkpoint checkpoint = Checkpoint.readHeader(file);
        Optional<String> difference = RunRecord.firstDifference(RunRecord.identity(checkpoint.record()),
                RunRecord.identity(record));
        if (difference.isPresent()) {
            throw new BadInputException(file, "was made with another configuration or data ("
                    + difference.get() + "); resume with the same settings or start over with --force");
        }
        return checkpoint;
    }

    /**
     * Where the run trains: {@code out}, or with {@code force} and a non-empty {@code out} its
     * replacement sibling; a resumed run continues an unfinished replacement if there is one.
     */
    static Path workingDirectory(Job job) {
        Path replacement = AtomicOutput.replacementOf(job.out());
        if (job.resume()) {
            return Files.isRegularFile(replacement.resolve(Checkpoint.FILE)) ? replacement : job.out();
        }
        return job.force() && isNonEmptyDirectory(job.out()) ? replacement : job.out();
    }

    /** A fresh run in {@code dir} with its config.json; an unfinished replacement there is started over. */
    private static void startDirectory(Path dir, Job job, ObjectNode record) {
        Path out = job.out();
        if (!job.force() && Files.isDirectory(out) && Files.exists(out.resolve(Checkpoint.FILE))) {
            throw new BadInputException(out, "holds an earlier run; use --resume to continue it or --force to start over");
        }
        AtomicOutput.writeDirectory(dir, job.force(), d -> AtomicOutput.writeString(d.resolve(CONFIG_FILE), text(record)));
    }

    private static void replace(Path replacement, Path out) {
        try {
            AtomicOutput.replaceDirectory(replacement, out);
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(out, e);
        }
    }

    private static boolean isNonEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(dir, e);
        }
    }

    private static void restore(PretrainSession session, Path file) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> arrays = Checkpoint.readArrays(file, manager);
            try {
                session.restore(arrays);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, "does not fit this run (" + e.getMessage() + ")", e);
            }
        }
    }

    private static String text(ObjectNode record) {
        try {
            return RunRecord.JSON.writeValueAsString(record) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // a listener failing to close must not hide the run's own outcome
        }
    }

    /** Tells every listener, in order. */
    private record Broadcast(List<TrainingListener> listeners) implements TrainingListener {
        @Override
        public void onStart(TrainingPlan plan) {
            listeners.forEach(l -> l.onStart(plan));
        }

        @Override
        public void onStep(StepStats step) {
            listeners.forEach(l -> l.onStep(step));
        }

        @Override
        public void onEpochEnd(EpochStats epoch, PretrainSession session) {
            listeners.forEach(l -> l.onEpochEnd(epoch, session));
        }

        @Override
        public void onEnd(PretrainResult result) {
            listeners.forEach(l -> l.onEnd(result));
        }
    }
}
