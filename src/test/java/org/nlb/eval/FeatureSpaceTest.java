package org.nlb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FeatureSpace}: the centring and normalising it does after the network, checked by hand. */
class FeatureSpaceTest {
    @Test
    void centringSubtractsEachColumnsMean() {
        float[] x = {1, 2, 3, 4, 5, 9};
        Features.centreColumns(x, 3, 2);
        // column means 3 and 5
        assertThat(x).containsExactly(new float[] {-2, -3, 0, -1, 2, 4}, within(1e-6f));
        assertThat(new Features(new float[] {1, 2, 3, 4, 5, 9}, 3, 2).centred().data())
                .containsExactly(x, within(0f));
    }

    @Test
    void centredIsTheNormalisedRowsMinusTheirColumnMeanNormalisedAgain() {
        float[] x = {3, 4, 0, 2};
        FeatureSpace.CENTRED.finish(x, 2, 2, true);
        // rows (0.6, 0.8), (0, 1); mean (0.3, 0.9); centred (0.3, -0.1), (-0.3, 0.1); length sqrt(0.1)
        double r = Math.sqrt(0.1);
        assertThat(x).containsExactly(new float[] {(float) (0.3 / r), (float) (-0.1 / r), (float) (-0.3 / r),
            (float) (0.1 / r)}, within(1e-6f));

        float[] raw = {3, 4, 0, 2};
        FeatureSpace.CENTRED.finish(raw, 2, 2, false);
        assertThat(raw).as("--no-normalize: raw outputs minus their column mean").containsExactly(
                new float[] {1.5f, 1, -1.5f, -1}, within(1e-6f));
    }

    @Test
    void centredColumnsHaveZeroMeanBeforeTheRowsAreNormalisedAgain() {
        Random random = new Random(3);
        int rows = 50;
        int dim = 7;
        float[] x = new float[rows * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() + 2 + i % dim);  // a large shared direction
        }
        Features.normaliseRows(x, rows, dim);
        Features.centreColumns(x, rows, dim);
        for (int j = 0; j < dim; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += x[i * dim + j];
            }
            assertThat(sum / rows).as("column " + j).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void backboneAndProjectorOnlyNormaliseRows() {
        for (FeatureSpace space : new FeatureSpace[] {FeatureSpace.BACKBONE, FeatureSpace.PROJECTOR}) {
            float[] x = {3, 4, 0, 2};
            space.finish(x, 2, 2, true);
            assertThat(x).as(space.cliName()).containsExactly(new float[] {0.6f, 0.8f, 0, 1}, within(1e-6f));
            float[] raw = {3, 4, 0, 2};
            space.finish(raw, 2, 2, false);
            assertThat(raw).containsExactly(3, 4, 0, 2);
        }
    }

    @Test
    void namesParseInAnyCaseAndAnUnknownOneListsTheValidOnes() {
        assertThat(FeatureSpace.parse("Centred")).isEqualTo(FeatureSpace.CENTRED);
        assertThat(FeatureSpace.parse("projector")).isEqualTo(FeatureSpace.PROJECTOR);
        assertThat(FeatureSpace.BACKBONE.cliName()).isEqualTo("backbone");
        assertBadInput(() -> FeatureSpace.parse("logits"), "--space", "'logits'", "backbone, centred, projector");
    }
}
