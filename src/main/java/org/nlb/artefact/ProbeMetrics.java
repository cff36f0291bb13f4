package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code metrics.json} of {@code nlb probe} and of the run's probe stages (DESIGN §4, §7): the
 * encoder, the data, the trigger and target, the trigger's geometry, and per probe its settings
 * and figures ({@code clean_acc}, and with a trigger {@code poison_acc}, {@code asr},
 * {@code clean_to_target}, the triggered confusion). Top-level blocks that do not apply are
 * written as {@code null}; a probe that was not run is left out.
 *
 * @param trigger the trigger, {@code null} without one
 * @param target the attack's target class, {@code null} without a trigger
 * @param triggerGeometry the trigger's geometry in the encoder's features, {@code null} without a trigger
 * @param probes the probes that were run
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProbeMetrics(Encoder encoder, Data data, Features features, Trigger trigger, Integer target,
                           GeometryValues triggerGeometry, Probes probes, Timings timings, String nlbVersion) {
    /** The file name in a probe stage's directory. */
    public static final String FILE = "metrics.json";

    /**
     * The frozen encoder that was probed.
     *
     * @param dir its directory
     * @param featureDim the dimension of its features
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Encoder(String dir, String backbone, int inputChannels, List<Integer> widths, int featureDim, int height,
                          int width, String method, int epochs, long seed, String nlbVersion) {
        public Encoder {
            widths = widths == null ? null : List.copyOf(widths);
        }
    }

    /**
     * The data the probes trained and were tested on.
     *
     * @param spec the dataset spec
     * @param downstream the index file of the probes' training images, {@code null} for the whole train set
     * @param probeTrainSource in words, where the probes' training images come from
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Data(String spec, String downstream, int probeTrainImages, String probeTrainSource, int testImages,
                       int classes, List<String> classNames) {
        public Data {
            classNames = classNames == null ? null : List.copyOf(classNames);
        }
    }

    /** How the features were taken. */
    public record Features(boolean l2Normalised, int batchSize) {}

    /** The trigger: its name and {@code TriggerConfig#parameters()}. */
    public record Trigger(String name, Map<String, Object> parameters) {
        public Trigger {
            parameters = parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** The probes that were run; {@code null} for one that was not. */
    public record Probes(Result<LinearSettings> linear, Result<KnnSettings> knn) {
        /** The probe's result, or {@code null}. */
        public Result<?> get(Probe probe) {
            return probe == Probe.LINEAR ? linear : knn;
        }
    }

    /**
     * One probe's figures (DESIGN §4). Without a trigger only {@code clean_acc} is measured; the
     * backdoor figures are then absent ({@code null}); a fraction that is undefined (no test image
     * outside the target class) is NaN.
     *
     * @param settings how the probe was trained
     * @param trainAcc accuracy on its training images
     * @param cleanAcc accuracy on the clean test set
     * @param poisonAcc accuracy on the triggered test set
     * @param asr attack success rate
     * @param cleanToTarget the non-target test images predicted as the target without the trigger
     * @param nonTargetTestImages the test images whose label is not the target
     * @param confusionTriggered counts of triggered predictions, {@code [true][predicted]}
     * @param seconds what the probe took
     * @param <S> the settings' record
     */
    public record Result<S>(S settings, double trainAcc, double cleanAcc, Double poisonAcc, Double asr,
                            Double cleanToTarget, Integer nonTargetTestImages, List<List<Integer>> confusionTriggered,
                            double seconds) {
        public Result {
            confusionTriggered = confusionTriggered == null ? null
                    : confusionTriggered.stream().map(row -> row == null ? null : List.copyOf(row)).toList();
        }

        /** The ASR; NaN when not measured. */
        public double asrOrNaN() {
            return asr == null ? Double.NaN : asr;
        }

        /** The accuracy on triggered test images; NaN when not measured. */
        public double poisonAccOrNaN() {
            return poisonAcc == null ? Double.NaN : poisonAcc;
        }

        /** The no-trigger rate; NaN when not measured. */
        public double cleanToTargetOrNaN() {
            return cleanToTarget == null ? Double.NaN : cleanToTarget;
        }
    }

    /** The linear probe's training (its {@code model}, {@code optimizer} and {@code schedule} in words). */
    public record LinearSettings(String model, String optimizer, String schedule, int epochs, int batchSize,
                                 double learningRate, double weightDecay, String scaling, long seed) {}

    /** The kNN monitor's settings ({@code distance} and {@code weighting} in words). */
    public record KnnSettings(String distance, int k, double temperature, String weighting) {}

    /**
     * Where the time went.
     *
     * @param loadSeconds loading the encoder and the data
     * @param featuresSeconds extracting the features
     * @param totalSeconds the whole probe run
     */
    public record Timings(double loadSeconds, double featuresSeconds, double totalSeconds) {}

    /** The geometry, or {@link GeometryValues#UNDEFINED} in a file that has none. */
    public GeometryValues geometry() {
        return triggerGeometry == null ? GeometryValues.UNDEFINED : triggerGeometry;
    }

    /** The probe's result, or {@code null} when the file has none. */
    public Result<?> probe(Probe probe) {
        return probes == null ? null : probes.get(probe);
    }
}
