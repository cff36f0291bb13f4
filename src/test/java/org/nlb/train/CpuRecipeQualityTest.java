package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.DatasetSpec;
import org.nlb.data.PretrainSplit;
import org.nlb.data.ReadOptions;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.eval.FeatureExtractor;
import org.nlb.eval.KnnProbe;
import org.nlb.eval.LinearProbe;
import org.nlb.eval.ProbeKind;
import org.nlb.eval.ProbeRun;
import org.nlb.ssl.SslMethodKind;

/**
 * The CPU recipe's quality bar on real Fashion-MNIST (slow tier: tens of minutes, excluded from the
 * default suite; run with {@code mvn test -Dtest=CpuRecipeQualityTest -DexcludedGroups=none}):
 * the CPU recipe of SimCLR reaches 85 % linear-probe test accuracy within 15 minutes of training,
 * and MoCo v2+, BYOL and Barlow Twins train without divergence and beat the randomly initialised
 * encoder of the same architecture by 10 points. Probes as {@code nlb probe}: trained on the
 * 6 000 downstream images of the seed-0 split, tested on the 10 000 test images.
 */
@Tag("slow")
@Tag("real-data")
class CpuRecipeQualityTest {
    private static final double MINUTES = 15;
    /** The other methods have no time limit; they get half as many epochs again as SimCLR's 10. */
    private static final int OTHER_EPOCHS = 15;

    @TempDir
    static Path tmp;
    private static PretrainData data;
    private static Path downstream;
    private static double randomAccuracy;

    @BeforeAll
    static void prepare() {
        data = PretrainData.load("fashion-mnist", ReadOptions.DEFAULT, null, 0);
        downstream = tmp.resolve("downstream.npy");
        Npy.write(downstream, NpyArray.indices(PretrainSplit.draw(60_000, 0.9, 0).downstream()));
        Path random = tmp.resolve("random");
        Pretrainer.writeUntrained(job(PretrainConfig.cpu(SslMethodKind.SIMCLR, 1), random));
        randomAccuracy = linearAccuracy(random, "random");
    }

    private static Pretrainer.Job job(PretrainConfig config, Path out) {
        return new Pretrainer.Job(config, data.images(), data.description(), out, false, false);
    }

    private static double linearAccuracy(Path encoder, String name) {
        ProbeRun.Result r = ProbeRun.run(new ProbeRun.Request(DatasetSpec.parse("fashion-mnist"), ReadOptions.DEFAULT,
                encoder, Optional.of(downstream), Optional.empty(), OptionalInt.empty(), ProbeKind.BOTH,
                LinearProbe.DEFAULT, KnnProbe.DEFAULT, FeatureExtractor.Options.DEFAULT, encoder.resolve("metrics.json")));
        double linear = r.probes().get(0).cleanAcc();
        System.out.printf(Locale.ROOT, "quality: %s linear %.4f knn %.4f%n", name, linear, r.probes().get(1).cleanAcc());
        return linear;
    }

    @Test
    void simclrCpuRecipeReaches85PercentWithin15Minutes() {
        Path out = tmp.resolve("simclr");
        PretrainResult result = Pretrainer.run(job(PretrainConfig.cpu(SslMethodKind.SIMCLR, 1), out), List.of());
        System.out.printf(Locale.ROOT, "quality: simclr %d epochs in %.1f min%n", result.epochs().size(), result.seconds() / 60);
        assertThat(result.seconds() / 60).isLessThanOrEqualTo(MINUTES);
        assertThat(linearAccuracy(out, "simclr")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void theOtherMethodsBeatARandomEncoderByTenPoints() {
        for (SslMethodKind method : List.of(SslMethodKind.MOCOV2, SslMethodKind.BYOL, SslMethodKind.BARLOW)) {
            Path out = tmp.resolve(method.cliName());
            PretrainResult result = Pretrainer.run(job(PretrainConfig.cpu(method, 1).withEpochs(OTHER_EPOCHS), out),
                    List.of());
            assertThat(java.util.Arrays.stream(result.losses()).allMatch(Double::isFinite)).as(method + " diverged").isTrue();
            assertThat(linearAccuracy(out, method.cliName())).as(method + " against random " + randomAccuracy)
                    .isGreaterThanOrEqualTo(randomAccuracy + 0.10);
        }
    }
}
