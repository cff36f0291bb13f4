package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import org.junit.jupiter.api.Test;
import org.nlb.augment.AugmentPreset;
import org.nlb.model.BackboneKind;
import org.nlb.ssl.SslMethodKind;

/** The recipes of DESIGN §5 and the checks of the run configuration. */
class PretrainConfigTest {
    @Test
    void referenceRecipesAreSoloLearnsCifarConfigs() {
        PretrainConfig simclr = PretrainConfig.reference(SslMethodKind.SIMCLR, 3);
        assertThat(simclr.backbone().kind()).isEqualTo(BackboneKind.RESNET18);
        assertThat(simclr.backbone().stemStride()).isEqualTo(1);
        assertThat(simclr.optimizer().kind()).isEqualTo(OptimizerKind.lars);
        assertThat(simclr.optimizer().baseLr()).isEqualTo(0.4);
        assertThat(simclr.optimizer().weightDecay()).isEqualTo(1e-5);
        assertThat(simclr.optimizer().larsEta()).isEqualTo(0.02);
        assertThat(simclr.head().projectorHidden()).isEqualTo(2048);
        assertThat(simclr.head().projectorOutput()).isEqualTo(256);
        assertThat(simclr.head().temperature()).isEqualTo(0.2);
        assertThat(simclr.batchSize()).isEqualTo(256);
        assertThat(simclr.augmentPreset()).isEqualTo(AugmentPreset.reference);
        assertThat(simclr.augment().view1().crop().minScale()).isEqualTo(0.08);

        PretrainConfig moco = PretrainConfig.reference(SslMethodKind.MOCOV2, 3);
        assertThat(moco.optimizer().kind()).isEqualTo(OptimizerKind.sgd);
        assertThat(moco.optimizer().baseLr()).isEqualTo(0.3);
        assertThat(moco.optimizer().weightDecay()).isEqualTo(1e-4);
        assertThat(moco.head().queueSize()).isEqualTo(32_768);
        assertThat(moco.head().baseTau()).isEqualTo(0.99);
        assertThat(moco.head().finalTau()).isEqualTo(0.999);

        PretrainConfig byol = PretrainConfig.reference(SslMethodKind.BYOL, 3);
        assertThat(byol.optimizer().baseLr()).isEqualTo(1.0);
        assertThat(byol.head().projectorHidden()).isEqualTo(4096);
        assertThat(byol.head().predictorHidden()).isEqualTo(4096);
        assertThat(byol.head().finalTau()).isEqualTo(1.0);

        PretrainConfig barlow = PretrainConfig.reference(SslMethodKind.BARLOW, 3);
        assertThat(barlow.optimizer().baseLr()).isEqualTo(0.3);
        assertThat(barlow.optimizer().weightDecay()).isEqualTo(1e-4);
        assertThat(barlow.head().projectorOutput()).isEqualTo(2048);
        assertThat(barlow.head().barlowLambda()).isEqualTo(0.0051);
        assertThat(barlow.head().barlowScale()).isEqualTo(0.1);
    }

    @Test
    void learningRateScalesWithTheBatchAsSoloLearn() {
        PretrainConfig simclr = PretrainConfig.reference(SslMethodKind.SIMCLR, 1);
        assertThat(simclr.peakLr()).isEqualTo(0.4);
        assertThat(simclr.withBatchSize(512).peakLr()).isEqualTo(0.8);
        assertThat(PretrainConfig.reference(SslMethodKind.MOCOV2, 1).withBatchSize(128).peakLr()).isEqualTo(0.15);
    }

    @Test
    void cpuRecipeUsesTheSmallBackboneAndMilderCrops() {
        for (SslMethodKind method : SslMethodKind.values()) {
            PretrainConfig cpu = PretrainConfig.cpu(method, 1);
            assertThat(cpu.backbone().kind()).isEqualTo(BackboneKind.SMALL);
            assertThat(cpu.backbone().stemStride()).isEqualTo(2);
            assertThat(cpu.augmentPreset()).isEqualTo(AugmentPreset.cpu);
            assertThat(cpu.optimizer().kind()).isEqualTo(PretrainConfig.reference(method, 1).optimizer().kind());
        }
    }

    @Test
    void badValuesAreBadInputNamingTheOption() {
        PretrainConfig ok = PretrainConfig.cpu(SslMethodKind.SIMCLR, 1);
        assertBadInput(() -> ok.withEpochs(0), "--epochs", "at least 1");
        assertBadInput(() -> ok.withBatchSize(1), "--batch-size", "at least 2");
        assertBadInput(() -> ok.withThreads(0), "--threads");
        assertBadInput(() -> ok.withMaxStepsPerEpoch(-1), "--max-steps");
        assertBadInput(() -> ok.withOptimizer(ok.optimizer().withBaseLr(0)), "--lr", "> 0");
        assertBadInput(() -> ok.withOptimizer(ok.optimizer().withWarmupEpochs(-1)), "--warmup-epochs");
        assertBadInput(() -> PretrainConfig.cpu(SslMethodKind.MOCOV2, 1).withHead(ok.head().withQueueSize(0)),
                "queue size");
    }
}
