package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlb.data.ImageSet;
import org.nlb.ssl.Byol;
import org.nlb.ssl.MocoV2Plus;
import org.nlb.ssl.MomentumUpdater;
import org.nlb.ssl.SslMethodKind;
import org.nlb.ssl.SslNetwork;

/** The EMA targets of BYOL and MoCo v2+ follow the online network on the cosine momentum schedule. */
class MomentumTargetTest {
    /** The trainable weights of a block (BatchNorm running statistics left out), copied. */
    private static List<float[]> weights(Block block) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
                out.add(p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    private static boolean same(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<float[]> targetPart(SslNetwork net) {
        List<float[]> w = weights(net.backbone());
        w.addAll(weights(net.projector()));
        return w;
    }

    @Test
    void byolTargetStartsAsTheOnlineNetworkThenMovesByTheScheduledEma() {
        ImageSet images = TinyRuns.images(64);
        // one step per epoch, three epochs: τ(0), τ(1), τ(2) of a 3-step run
        PretrainConfig config = TinyRuns.config(SslMethodKind.BYOL, 3).withMaxStepsPerEpoch(1);
        MomentumUpdater schedule = new MomentumUpdater(config.head().baseTau(), config.head().finalTau());
        try (PretrainSession session = new PretrainSession(config, images, 0)) {
            Byol byol = (Byol) session.method();
            List<float[]> target0 = targetPart(byol.target());
            List<float[]> online0 = targetPart(byol.online());
            assertThat(same(target0, online0)).as("the target starts as a copy").isTrue();

            session.runEpoch(1, new TrainingListener() { });
            double tau = schedule.tau(0, 3);
            assertThat(byol.lastTau()).isEqualTo(tau).isEqualTo(config.head().baseTau());
            List<float[]> online1 = targetPart(byol.online());
            List<float[]> target1 = targetPart(byol.target());
            boolean moved = false;
            for (int i = 0; i < target1.size(); i++) {
                for (int k = 0; k < target1.get(i).length; k++) {
                    float expected = (float) (tau * target0.get(i)[k] + (1 - tau) * online1.get(i)[k]);
                    assertThat(target1.get(i)[k]).isCloseTo(expected, within(1e-6f));
                    moved |= target1.get(i)[k] != online1.get(i)[k];
                }
            }
            assertThat(moved).as("the target lags behind the online network").isTrue();

            session.runEpoch(2, new TrainingListener() { });
            assertThat(byol.lastTau()).isCloseTo(1 - 0.01 * (Math.cos(Math.PI / 3) + 1) / 2, within(1e-12));
            session.runEpoch(3, new TrainingListener() { });
            assertThat(byol.lastTau()).isEqualTo(schedule.tau(2, 3)).isGreaterThan(schedule.tau(1, 3));
        }
    }

    @Test
    void mocoMovesItsMomentumEncoderAndFillsOneQueuePerView() {
        ImageSet images = TinyRuns.images(64);
        PretrainConfig config = TinyRuns.config(SslMethodKind.MOCOV2, 1); // 4 steps of 16 keys, queue of 64
        try (PretrainSession session = new PretrainSession(config, images, 0)) {
            MocoV2Plus moco = (MocoV2Plus) session.method();
            float[] queueBefore = moco.queue(0).toFloatArray();
            session.runEpoch(1, new TrainingListener() { });
            assertThat(moco.lastTau()).isEqualTo(new MomentumUpdater(0.99, 0.999).tau(3, 4));
            assertThat(moco.queue(0).pointer()).isZero(); // 4 × 16 keys wrapped once around 64 slots
            float[] queueAfter = moco.queue(0).toFloatArray();
            assertThat(queueAfter).isNotEqualTo(queueBefore);
            assertThat(moco.queue(1).toFloatArray()).as("each view has its own queue").isNotEqualTo(queueAfter);
            assertThat(same(targetPart(moco.target()), targetPart(moco.online()))).isFalse();
        }
    }
}
