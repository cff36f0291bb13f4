package org.nlb.experiment;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.nlb.data.ImageSet;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.eval.FeatureExtractor;
import org.nlb.eval.FeatureSpace;
import org.nlb.eval.Features;
import org.nlb.model.EncoderStore;
import org.nlb.poison.select.FeatureMatrix;

/**
 * DESIGN §1 step 3: the attacker's features of every pretrain image — the frozen encoder's
 * output without augmentation, rows L2-normalised — in the configured {@link FeatureSpace}
 * (the reference's backbone, the centred backbone, or the projector), written as
 * {@code features.npy} (float32 N × d, row i = pretrain image i).
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
            features = FeatureExtractor.extract(encoder, images,
                    FeatureExtractor.Options.DEFAULT.withBatchSize(batchSize), space);
        }
        Npy.write(dir.resolve(FILE), NpyArray.ofFloats(features.data(), features.rows(), features.dim()));
        return Double.NaN;
    }

    @Override
    public FeatureMatrix read(Path dir) {
        return FeatureMatrix.read(dir.resolve(FILE));
    }
}
