package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.nlb.artefact.GeometryValues;
import org.nlb.artefact.Probe;
import org.nlb.artefact.ProbeMetrics;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;
import org.nlb.eval.FeatureExtractor;
import org.nlb.eval.ProbeKind;
import org.nlb.eval.ProbeRun;
import org.nlb.io.JsonArtefacts;
import org.nlb.poison.trigger.TriggerConfig;

/**
 * DESIGN §1 step 7, §4: the linear probe and the kNN monitor of one frozen encoder, trained on
 * the downstream images and tested on the clean and the triggered test set with the selection's
 * target ({@link ProbeRun}, {@code metrics.json}). Run on each victim, and with the same trigger
 * and target on the clean encoder, whose ASR is the baseline the backdoor is measured against;
 * with {@code probe.at_epochs}, also on their mid-run snapshots (ASR against epoch).
 */
final class ProbeStage implements Stage<ProbeStage.Output> {
    static final String FILE = ProbeMetrics.FILE;

    /** metrics.json and what it holds. */
    record Output(Path file, ProbeMetrics metrics) {
        /** The linear probe's figures; {@code null} when it was not run. */
        ProbeMetrics.Result<?> linear() {
            return metrics.probe(Probe.LINEAR);
        }

        /** The kNN monitor's figures; {@code null} when it was not run. */
        ProbeMetrics.Result<?> knn() {
            return metrics.probe(Probe.KNN);
        }

        /** The trigger's geometry without the note on the features, undefined in a metrics.json that predates it. */
        GeometryValues geometry() {
            return metrics.geometry().figures();
        }
    }

    private final String name;
    private final DatasetSpec data;
    private final Path encoderDir;
    private final Path downstream;
    private final TriggerConfig trigger;
    private final int target;
    private final ProbeSettings probe;
    private final long seed;
    private final int snapshotEpoch;
    private final Map<String, StageKey> upstream;

    /**
     * @param encoderDir the encoder: a pretraining stage's directory, or one of its snapshots
     * @param snapshotEpoch the snapshot's epoch, 0 for the final encoder; part of the key, since a
     *     snapshot and the final encoder have the same upstream stage
     */
    ProbeStage(String name, DatasetSpec data, Path encoderDir, Path downstream, TriggerConfig trigger, int target,
               ProbeSettings probe, long seed, int snapshotEpoch, Map<String, StageKey> upstream) {
        this.name = name;
        this.data = data;
        this.encoderDir = encoderDir;
        this.downstream = downstream;
        this.trigger = trigger;
        this.target = target;
        this.probe = probe;
        this.seed = seed;
        this.snapshotEpoch = snapshotEpoch;
        this.upstream = upstream;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "linear probe and kNN, target " + target
                + (snapshotEpoch > 0 ? ", epoch-" + snapshotEpoch + " snapshot" : "");
    }

    @Override
    public ObjectNode settings() {
        ObjectNode s = RunJson.JSON.createObjectNode();
        s.put("stage", "probe");
        ObjectNode t = s.putObject("trigger");
        t.put("kind", trigger.name());
        t.set("parameters", RunJson.JSON.valueToTree(trigger.parameters()));
        s.put("target", target);
        s.set("linear", RunJson.tree(probe.linear()));
        s.set("knn", RunJson.tree(probe.knn()));
        s.put("seed", seed);
        if (snapshotEpoch > 0) {
            s.put("snapshot_epoch", snapshotEpoch);
        }
        return s;
    }

    @Override
    public Map<String, StageKey> upstream() {
        return upstream;
    }

    @Override
    public double run(Path dir) {
        FeatureExtractor.Options extraction = FeatureExtractor.Options.DEFAULT.withBatchSize(probe.batchSize());
        ProbeRun.run(new ProbeRun.Request(data, ReadOptions.DEFAULT, encoderDir, Optional.of(downstream),
                Optional.of(trigger), OptionalInt.of(target), ProbeKind.BOTH, probe.linear().probe(seed),
                probe.knn().probe(), extraction, dir.resolve(FILE)));
        return Double.NaN;
    }

    @Override
    public Output read(Path dir) {
        Path file = dir.resolve(FILE);
        return new Output(file, JsonArtefacts.read(file, ProbeMetrics.class));
    }
}
