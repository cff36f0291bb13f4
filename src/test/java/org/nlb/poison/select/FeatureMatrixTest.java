package org.nlb.poison.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.io.BadInputException;

/** Validation and normalisation of feature matrices. */
class FeatureMatrixTest {
    @TempDir
    Path dir;

    private Path write(String name, NpyArray array) {
        Path file = dir.resolve(name);
        Npy.write(file, array);
        return file;
    }

    @Test
    void readsFloat32AndConvertsFloat64() {
        FeatureMatrix f32 = FeatureMatrix.read(write("a.npy", NpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2)));
        FeatureMatrix f64 = FeatureMatrix.read(write("b.npy", NpyArray.ofDoubles(new double[] {1, 2, 3, 4, 5, 6}, 2, 3)));
        assertThat(f32.rows()).isEqualTo(3);
        assertThat(f32.cols()).isEqualTo(2);
        assertThat(f32.get(2, 1)).isEqualTo(6f);
        assertThat(f64.rows()).isEqualTo(2);
        assertThat(f64.get(1, 0)).isEqualTo(4f);
    }

    @Test
    void normalisedRowsHaveUnitLength() {
        FeatureMatrix f = Fixtures.matrix(new double[][] {{3, 4}, {0, -2}, {1e-20, 1e-20}}).normalised();
        assertThat(f.get(0, 0)).isEqualTo(0.6f);
        assertThat(f.get(0, 1)).isEqualTo(0.8f);
        assertThat(f.get(1, 1)).isEqualTo(-1f);
        assertThat((double) f.get(2, 0)).isCloseTo(Math.sqrt(0.5), within(1e-7));
    }

    @Test
    void nanAndInfinityNameTheFirstBadRow() {
        Path nan = write("nan.npy", NpyArray.ofFloats(new float[] {1, 2, 3, 4, Float.NaN, 6, Float.NaN, 1}, 4, 2));
        assertThatThrownBy(() -> FeatureMatrix.read(nan)).isInstanceOf(BadInputException.class)
                .hasMessage(nan + ": row 2 (column 0) holds NaN; features must be finite numbers");
        Path inf = write("inf.npy", NpyArray.ofDoubles(new double[] {1, 2, 3, Double.NEGATIVE_INFINITY}, 2, 2));
        assertThatThrownBy(() -> FeatureMatrix.read(inf)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 1 (column 1) holds -Infinity");
        Path huge = write("huge.npy", NpyArray.ofDoubles(new double[] {1, 1e300}, 1, 2));
        assertThatThrownBy(() -> FeatureMatrix.read(huge)).hasMessageContaining("too large for float32");
    }

    @Test
    void zeroRowsCannotBeNormalised() {
        Path zero = write("zero.npy", NpyArray.ofFloats(new float[] {1, 2, 0, 0, -0f, 0}, 3, 2));
        assertThatThrownBy(() -> FeatureMatrix.read(zero)).isInstanceOf(BadInputException.class)
                .hasMessage(zero + ": row 1 is all zeros: it has no direction and cannot be L2-normalised");
    }

    @Test
    void emptyWrongTypeAndWrongShapeAreRefused() {
        Path empty = write("empty.npy", NpyArray.ofFloats(new float[0], 0, 5));
        assertThatThrownBy(() -> FeatureMatrix.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessage(empty + ": has no rows (N = 0): there is nothing to select from");
        Path ints = write("ints.npy", NpyArray.ofInts(new int[] {1, 2}, 1, 2));
        assertThatThrownBy(() -> FeatureMatrix.read(ints)).hasMessageContaining("must be float32 or float64");
        Path flat = write("flat.npy", NpyArray.ofFloats(new float[] {1, 2}, 2));
        assertThatThrownBy(() -> FeatureMatrix.read(flat)).hasMessageContaining("must be a 2-D array");
        Path noCols = write("nocols.npy", NpyArray.ofFloats(new float[0], 3, 0));
        assertThatThrownBy(() -> FeatureMatrix.read(noCols)).hasMessageContaining("d = 0");
    }
}
