package org.nlb.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlb.augment.Normalization;
import org.nlb.data.ImageSet;
import org.nlb.model.BackboneConfig;
import org.nlb.model.BackboneKind;
import org.nlb.ssl.MethodParams;
import org.nlb.ssl.SslMethodKind;
import org.nlb.testing.TestImages;

/** Tiny, fast pretraining set-ups shared by the training tests: small images, nets and heads. */
final class TinyRuns {
    static final int SIZE = 12;

    private TinyRuns() {
    }

    /** 64 pattern images of 1×12×12, unlabeled as the trainer sees them. */
    static ImageSet images(int n) {
        ImageSet labeled = TestImages.patterns(n, SIZE, 7);
        return ImageSet.of(labeled.pixels(), n, 1, SIZE, SIZE);
    }

    /**
     * The CPU recipe of {@code method} shrunk: widths 16/16, heads of 32 → 16, queue 64, batch 16,
     * learning rate 8× the recipe's (B/256 scaling makes it tiny at this batch size).
     */
    static PretrainConfig config(SslMethodKind method, int epochs) {
        PretrainConfig cpu = PretrainConfig.cpu(method, 1);
        MethodParams head = cpu.head().withProjector(32, 16);
        if (method == SslMethodKind.BYOL) {
            head = head.withPredictorHidden(32);
        } else if (method == SslMethodKind.MOCOV2) {
            head = head.withQueueSize(64);
        }
        return cpu.withBackbone(new BackboneConfig(BackboneKind.SMALL, 1, new int[] {16, 16}, 2)).withHead(head)
                .withBatchSize(16).withEpochs(epochs).withThreads(2)
                .withOptimizer(cpu.optimizer().withBaseLr(cpu.optimizer().baseLr() * 8))
                .withAugment(cpu.augmentPreset(), cpu.augment().withNormalization(Normalization.uniform(1, 0.3f, 0.3f)));
    }

    static ObjectNode data() {
        ObjectNode d = RunRecord.JSON.createObjectNode();
        d.put("spec", "test patterns");
        return d;
    }

    static Pretrainer.Job job(PretrainConfig config, ImageSet images, Path out, boolean resume) {
        return new Pretrainer.Job(config, images, data(), out, resume, false);
    }

    /** Records every step's loss. */
    static final class Losses implements TrainingListener {
        final List<Double> values = new ArrayList<>();

        @Override
        public void onStep(StepStats step) {
            values.add(step.loss());
        }
    }
}
