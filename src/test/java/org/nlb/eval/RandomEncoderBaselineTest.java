package org.nlb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.DatasetSpec;
import org.nlb.data.PretrainSplit;
import org.nlb.data.ReadOptions;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.model.BackboneConfig;
import org.nlb.model.EncoderSpec;
import org.nlb.testing.TestEncoders;

/**
 * The "randomly initialised encoder" baseline (BENCHMARKS.md) on the real Fashion-MNIST: the default
 * small backbone, untrained (seed 0), probed on the 6 000 downstream images of
 * {@code PretrainSplit.draw(60000, 0.9, 0)} and tested on the 10 000 test images. Random
 * convolutional features are far from useless, so both probes must be well above chance (0.1).
 */
@Tag("real-data")
class RandomEncoderBaselineTest {
    @TempDir
    Path tmp;

    @Test
    void aRandomSmallBackboneIsWellAboveChanceOnFashionMnist() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DatasetSpec.DEBIAN_FASHION_MNIST),
                "Fashion-MNIST is not installed at " + DatasetSpec.DEBIAN_FASHION_MNIST);
        EncoderSpec spec = new EncoderSpec(BackboneConfig.small(1), 28, 28, new float[] {0.2860f},
                new float[] {0.3530f}, "random", 0, 0, "test");
        Path encoder = TestEncoders.write(tmp.resolve("random"), spec, 0, false);
        Path downstream = tmp.resolve("downstream.npy");
        Npy.write(downstream, NpyArray.indices(PretrainSplit.draw(60_000, 0.9, 0).downstream()));

        ProbeRun.Result result = ProbeRun.run(new ProbeRun.Request(DatasetSpec.parse("fashion-mnist", null),
                ReadOptions.DEFAULT, encoder, Optional.of(downstream), Optional.empty(), OptionalInt.empty(),
                ProbeKind.BOTH, LinearProbe.DEFAULT, KnnProbe.DEFAULT, FeatureExtractor.Options.DEFAULT,
                tmp.resolve("metrics.json")));

        System.out.print(ProbeReport.summary(result));
        assertThat(result.downstreamSize()).isEqualTo(6_000);
        assertThat(result.testLabels().size()).isEqualTo(10_000);
        ProbeRun.ProbeResult linear = result.probes().get(0);
        ProbeRun.ProbeResult knn = result.probes().get(1);
        assertThat(linear.name()).isEqualTo("linear");
        assertThat(linear.cleanAcc()).isGreaterThan(0.5);
        assertThat(knn.cleanAcc()).isGreaterThan(0.4);
    }
}
