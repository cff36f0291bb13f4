package org.nlb.experiment;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.nlb.data.ImageSet;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.eval.FeatureExtractor;
import org.nlb.eval.Features;
import org.nlb.model.EncoderStore;
import org.nlb.poison.select.FeatureMatrix;

/**
 * DESIGN §1 step 3: the attacker's features of every pretrain image — the frozen encoder's
 * backbone output without augmentation, rows L2-normalised — in the configured
 * {@link FeatureSpace}, written as {@code features.npy} (float32 N × d, row i = pretrain image i).
 */
final class FeaturesStage implements Stage<FeatureMatrix> {
    static final String FILE = "features.npy";

    private final String name;
    private final Path encoderDir;
    private final ImageSet images;
    private final FeatureSpace space;
    private final int batchSize;
    private final Map<String, StageKey> upstream;

    FeaturesStage(String name, Path encoderDir, ImageSet images, FeatureSpace space, int batchSize,
                  Map<String, StageKey> upstream) {
        this.name = name;
        this.encoderDir = encoderDir;
        this.images = images;
        this.space = space;
        this.batchSize = batchSize;
        this.upstream = upstream;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return space.cliName() + " features of " + RunInputs.count(images.size()) + " pretrain images";
    }

    @Override
    public ObjectNode settings() {
        ObjectNode s = RunJson.JSON.createObjectNode();
        s.put("stage", "features");
        s.put("feature_space", space.cliName());
        s.put("l2_normalised", true);
        return s;
    }

    @Override
    public Map<String, StageKey> upstream() {
        return upstream;
    }

    @Override
    public double run(Path dir) {
        Features features;
        try (NDManager manager = NDManager.newBaseManager()) {
            EncoderStore.LoadedEncoder encoder = EncoderStore.load(encoderDir, manager);
            features = FeatureExtractor.extract(encoder, images, FeatureExtractor.Options.DEFAULT.withBatchSize(batchSize));
        }
        Features out = inSpace(features, space);
        Npy.write(dir.resolve(FILE), NpyArray.ofFloats(out.data(), out.rows(), out.dim()));
        return Double.NaN;
    }

    /**
     * The L2-normalised backbone features in {@code space}: as they are, or centred — each column's
     * mean subtracted, then every row re-normalised.
     */
    static Features inSpace(Features normalised, FeatureSpace space) {
        return switch (space) {
            case BACKBONE -> normalised;
            case CENTRED -> centred(normalised);
            case PROJECTOR -> throw new IllegalStateException("projector features are refused when the run starts");
        };
    }

    private static Features centred(Features f) {
        int n = f.rows();
        int d = f.dim();
        double[] mean = new double[d];
        float[] x = f.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (x[i * d + j] - mean[j] / n);
            }
        }
        return new Features(out, n, d).normalised();
    }

    @Override
    public FeatureMatrix read(Path dir) {
        return FeatureMatrix.read(dir.resolve(FILE));
    }
}
