package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nlb.data.ImageSet;
import org.nlb.ssl.SslMethodKind;

/** Every method trains on a learnable toy set: finite losses that fall within 20 steps. */
class SslMethodTrainingTest {
    @ParameterizedTest
    @EnumSource(SslMethodKind.class)
    void lossIsFiniteAndFallsOverTwentySteps(SslMethodKind method) {
        ImageSet images = TinyRuns.images(64);
        // 4 steps per epoch, 5 epochs: 20 steps, the same 64 images seen five times
        PretrainConfig config = TinyRuns.config(method, 5);
        TinyRuns.Losses losses = new TinyRuns.Losses();
        try (PretrainSession session = new PretrainSession(config, images, 0)) {
            PretrainResult result = Pretrainer.train(session, images.size(), List.of(), List.of(losses));
            assertThat(result.epochs()).hasSize(5);
            assertThat(session.step()).isEqualTo(20);
        }
        assertThat(losses.values).hasSize(20).allSatisfy(l -> assertThat(l).isFinite());
        // MoCo's loss first rises while real keys replace the queue's random ones (4 steps here)
        int from = method == SslMethodKind.MOCOV2 ? 4 : 0;
        double first = mean(losses.values.subList(from, from + 5));
        double last = mean(losses.values.subList(15, 20));
        assertThat(last).as("%s losses %s", method, losses.values).isLessThan(first);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
