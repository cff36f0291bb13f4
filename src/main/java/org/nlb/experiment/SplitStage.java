package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.nlb.data.IndexFile;
import org.nlb.data.PretrainSplit;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;

/**
 * DESIGN §1 step 1: the fixed split of the labeled train set into pretrain (90 %) and downstream
 * (10 %) images, drawn once with the split seed and shared by every run seed; optionally a seeded
 * subset of the pretrain part for laptop-scale runs. Writes {@code pretrain.npy} and
 * {@code downstream.npy} (int64 positions in the train set, ascending), as {@code nlb datasets split}.
 */
final class SplitStage implements Stage<SplitStage.Output> {
    static final String NAME = "split";
    static final String PRETRAIN_FILE = "pretrain.npy";
    static final String DOWNSTREAM_FILE = "downstream.npy";

    /** Positions in the train set, ascending, and the file listing the downstream ones (for the probes). */
    record Output(int[] pretrain, int[] downstream, Path pretrainFile, Path downstreamFile) {}

    private final RunInputs inputs;

    SplitStage(RunInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        int subset = inputs.config().data().pretrainSubset();
        return "90/10 split of " + String.format(java.util.Locale.ROOT, "%,d", inputs.train().size()) + " train images"
                + (subset > 0 ? String.format(java.util.Locale.ROOT, ", %,d pretrain images kept", subset) : "");
    }

    @Override
    public ObjectNode settings() {
        ObjectNode s = RunJson.JSON.createObjectNode();
        s.put("stage", NAME);
        s.put("spec", inputs.spec().toString());
        s.put("train_images", inputs.train().size());
        s.put("train_sha256", inputs.trainSha256());
        s.put("pretrain_fraction", PretrainSplit.DEFAULT_PRETRAIN_FRACTION);
        s.put("split_seed", inputs.config().data().splitSeed());
        s.put("pretrain_subset", inputs.config().data().pretrainSubset());
        return s;
    }

    @Override
    public Map<String, StageKey> upstream() {
        return Map.of();
    }

    @Override
    public double run(Path dir) {
        long seed = inputs.config().data().splitSeed();
        PretrainSplit split = PretrainSplit.draw(inputs.train().size(), PretrainSplit.DEFAULT_PRETRAIN_FRACTION, seed);
        int[] pretrain = subset(split.pretrain(), inputs.config().data().pretrainSubset(), seed);
        Npy.write(dir.resolve(PRETRAIN_FILE), NpyArray.indices(pretrain));
        Npy.write(dir.resolve(DOWNSTREAM_FILE), NpyArray.indices(split.downstream()));
        return Double.NaN;
    }

    /**
     * {@code size} of {@code pretrain} drawn without replacement, ascending; all of them for 0.
     * The draw uses a stream split off the split seed, apart from the split's own shuffle.
     */
    static int[] subset(int[] pretrain, int size, long seed) {
        if (size == 0 || size >= pretrain.length) {
            return pretrain.clone();
        }
        int[] order = pretrain.clone();
        SplittableRandom rng = new SplittableRandom(seed).split();
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] picked = Arrays.copyOf(order, size);
        Arrays.sort(picked);
        return picked;
    }

    @Override
    public Output read(Path dir) {
        int n = inputs.train().size();
        return new Output(IndexFile.read(dir.resolve(PRETRAIN_FILE), n), IndexFile.read(dir.resolve(DOWNSTREAM_FILE), n),
                dir.resolve(PRETRAIN_FILE), dir.resolve(DOWNSTREAM_FILE));
    }
}
