package org.nlb.eval;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.nlb.artefact.GeometryValues;
import org.nlb.artefact.Probe;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.IndexSubset;
import org.nlb.data.Labels;
import org.nlb.data.ReadOptions;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.model.EncoderStore.LoadedEncoder;
import org.nlb.model.EncoderStore;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerConfig;

/**
 * {@code nlb probe} (DESIGN §1 step 7, §4, §7): freezes an encoder, embeds the labeled downstream
 * images and the test set (and, with a trigger, the triggered test set), trains the linear probe
 * and/or the kNN monitor on the downstream features, and writes {@code metrics.json} atomically.
 * All input is checked before any feature is computed; on bad input nothing is written.
 */
public final class ProbeRun {
    private ProbeRun() {}

    /**
     * What to measure.
     *
     * @param data the labeled data set
     * @param readOptions how to read it ({@code --resize})
     * @param encoderDir the encoder directory
     * @param downstream index file of the downstream train images; empty = the whole train set
     * @param trigger the test-time trigger, given together with {@code target}
     * @param target the attack's target class
     * @param probes which probes to train
     * @param linear the linear probe's settings (its seed included)
     * @param knn the kNN monitor's settings
     * @param extraction batch size and progress of the feature extraction (normalisation is always on)
     * @param out the metrics file
     */
    public record Request(DatasetSpec data, ReadOptions readOptions, Path encoderDir, Optional<Path> downstream,
                          Optional<TriggerConfig> trigger, OptionalInt target, ProbeKind probes, LinearProbe linear,
                          KnnProbe knn, FeatureExtractor.Options extraction, Path out) {}

    /** The measurements of one probe: {@code backdoor} only with a trigger. */
    public record ProbeResult(Probe probe, double trainAcc, double cleanAcc, Optional<BackdoorMetrics> backdoor,
                              double seconds) {
        /** The probe's name on the terminal: {@code linear}, {@code knn}. */
        public String name() {
            return probe.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Everything {@code metrics.json} reports; {@code geometry} only with a trigger (measured on the
     * L2-normalised backbone features, before any probe scaling: {@link TriggerGeometry}).
     */
    public record Result(Request request, LoadedEncoderSummary encoder, Labels testLabels, int downstreamSize,
                         List<ProbeResult> probes, Optional<GeometryValues> geometry, double loadSeconds,
                         double featureSeconds, double totalSeconds) {}

    /** The encoder's description, kept after its weights are freed. */
    public record LoadedEncoderSummary(org.nlb.model.EncoderSpec spec, int featureDim) {}

    public static Result run(Request request) {
        long start = System.nanoTime();
        if (request.trigger().isPresent() != request.target().isPresent()) {
            throw request.trigger().isPresent()
                    ? new BadInputException("--target", "is needed with --trigger: the backdoor metrics count predictions of the target class")
                    : new BadInputException("--trigger", "is needed with --target: the target is measured on triggered test images");
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedEncoder encoder = EncoderStore.load(request.encoderDir(), manager);
            Dataset dataset = DatasetFormat.readDataset(request.data(), request.readOptions());
            String dataName = request.data().toString();
            Labels trainLabels = requireLabels(dataset.train(), dataName, "train");
            Labels testLabels = requireLabels(dataset.test(), dataName, "test");
            int classes = testLabels.classCount();
            if (trainLabels.classCount() != classes) {
                throw new BadInputException(dataName, "train labels have " + trainLabels.classCount()
                        + " classes but test labels " + classes);
            }
            FeatureExtractor.requireFits(encoder.spec(), dataset.train(), dataName);
            int[] downstream = request.downstream().map(p -> IndexSubset.read(p, dataset.train().size()).trainIndices())
                    .orElseGet(() -> IntStream.range(0, dataset.train().size()).toArray());
            if (downstream.length == 0 || dataset.test().size() == 0) {
                throw new BadInputException(request.downstream().map(Path::toString).orElse(dataName),
                        downstream.length == 0 ? "lists no train images to train the probe on" : "has no test images");
            }
            request.target().ifPresent(t -> requireClass(t, testLabels));
            Optional<Trigger> trigger = request.trigger().map(t -> t.buildFor(ImageShape.of(dataset.test())));
            AtomicOutput.ensureDirectory(request.out().toAbsolutePath().getParent());
            double loadSeconds = seconds(start);

            long featureStart = System.nanoTime();
            FeatureExtractor.Options clean = request.extraction().withNormalise(true).withTriggerOrNone(Optional.empty());
            Features train = FeatureExtractor.extract(encoder, dataset.train(), downstream, clean);
            Features test = FeatureExtractor.extract(encoder, dataset.test(), clean);
            Optional<Features> triggered = trigger.map(t -> FeatureExtractor.extract(encoder, dataset.test(), clean.withTrigger(t)));
            double featureSeconds = seconds(featureStart);

            int[] trainY = trainLabels.subset(downstream).values();
            int[] testY = testLabels.values();
            Optional<GeometryValues> geometry = triggered.map(t ->
                    TriggerGeometry.of(test, t, train, trainY, testY, request.target().getAsInt()));
            List<ProbeResult> results = new ArrayList<>();
            if (request.probes().linear()) {
                long t0 = System.nanoTime();
                LinearClassifier classifier = request.linear().fit(train, trainY, classes);
                results.add(measure(Probe.LINEAR, classifier::predict, train, trainY, test, testY, triggered,
                        request.target(), classes, t0));
            }
            if (request.probes().knn()) {
                long t0 = System.nanoTime();
                KnnProbe.Fitted knn = request.knn().fit(train, trainY, classes);
                results.add(measure(Probe.KNN, knn::predict, train, trainY, test, testY, triggered,
                        request.target(), classes, t0));
            }
            Result result = new Result(request, new LoadedEncoderSummary(encoder.spec(), train.dim()), testLabels,
                    downstream.length, results, geometry, loadSeconds, featureSeconds, seconds(start));
            AtomicOutput.writeString(request.out(), ProbeReport.json(result));
            return result;
        }
    }

    private static ProbeResult measure(Probe probe, java.util.function.Function<Features, int[]> predictor,
                                       Features train, int[] trainY, Features test, int[] testY,
                                       Optional<Features> triggered, OptionalInt target, int classes, long start) {
        double trainAcc = BackdoorMetrics.accuracy(trainY, predictor.apply(train));
        int[] clean = predictor.apply(test);
        Optional<BackdoorMetrics> backdoor = triggered.map(t ->
                BackdoorMetrics.of(testY, clean, predictor.apply(t), target.getAsInt(), classes));
        return new ProbeResult(probe, trainAcc, BackdoorMetrics.accuracy(testY, clean), backdoor, seconds(start));
    }

    private static Labels requireLabels(ImageSet set, String dataName, String part) {
        return set.labels().orElseThrow(() -> new BadInputException(dataName,
                "has no " + part + " labels; the probe needs labeled train and test images"));
    }

    private static void requireClass(int target, Labels labels) {
        if (target < 0 || target >= labels.classCount()) {
            String names = labels.classCount() <= 20 ? " (" + String.join(", ", labels.classNames()) + ")" : "";
            throw new BadInputException("--target", "must be a class index 0.." + (labels.classCount() - 1)
                    + names + ", got " + target);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
