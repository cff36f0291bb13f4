package org.nlb.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nlb.data.ImageSet;
import org.nlb.ssl.SslMethodKind;

/** STYLE.md: every batch is closed, so the number of live native arrays does not grow with the steps. */
class PretrainSessionMemoryTest {
    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return ((BaseNDManager) probe.getParentManager()).getManagedArrays().size();
        }
    }

    @ParameterizedTest
    @EnumSource(SslMethodKind.class)
    void liveArraysStayFlatFromEpochToEpoch(SslMethodKind method) {
        ImageSet images = TinyRuns.images(64);
        try (PretrainSession session = new PretrainSession(TinyRuns.config(method, 4), images, 0)) {
            session.runEpoch(1, new TrainingListener() { });
            int afterOne = liveArrays();
            session.runEpoch(2, new TrainingListener() { });
            session.runEpoch(3, new TrainingListener() { });
            assertThat(liveArrays()).as("arrays after epoch 3 vs after epoch 1").isEqualTo(afterOne);
            // the count sees arrays in nested managers, such as a leaked batch array would be in
            try (NDManager parent = NDManager.newBaseManager(); NDManager child = parent.newSubManager()) {
                child.zeros(new ai.djl.ndarray.types.Shape(2));
                assertThat(liveArrays()).isEqualTo(afterOne + 1);
            }
        }
    }
}
