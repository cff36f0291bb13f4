package org.nlb.data.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with numpy itself: files written by {@code np.save} (src/test/resources/npy, made
 * once by make_fixtures.py there) read as the values numpy wrote, and writing those values gives
 * back the identical bytes, header padding included.
 */
class NpyNumpyFixturesTest {
    static Stream<Arguments> fixtures() {
        float[] f2d = {0f, -0f, 1.5f, -2.25f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MAX_VALUE,
            Float.MIN_VALUE, -Float.MIN_VALUE, 0.1f, 1e-7f};
        byte[] u8 = new byte[24];
        for (int i = 0; i < u8.length; i++) {
            u8[i] = (byte) (i * 11); // numpy's uint8 arithmetic wraps the same way
        }
        long[] shape16 = new long[16];
        Arrays.fill(shape16, 1);
        shape16[14] = 2;
        shape16[15] = 2;
        return Stream.of(
                Arguments.of("float32_2d", NpyArray.ofFloats(f2d, 3, 4)),
                Arguments.of("float64_1d", NpyArray.ofDoubles(new double[] {Math.PI, -1e300, Double.MIN_VALUE, 0.1, -0.0}, 5)),
                Arguments.of("uint8_3d", NpyArray.ofBytes(u8, 2, 3, 4)),
                Arguments.of("int32_1d", NpyArray.ofInts(new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 123456789}, 6)),
                Arguments.of("int64_2d", NpyArray.ofLongs(new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 60000, 42}, 2, 3)),
                Arguments.of("int64_0d", NpyArray.ofLongs(new long[] {-7})),
                Arguments.of("float32_empty", NpyArray.ofFloats(new float[0], 0, 5)),
                Arguments.of("float32_16d", NpyArray.ofFloats(new float[] {0, 1, 2, 3}, shape16)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readGivesTheValuesNumpyWrote(String name, NpyArray expected) {
        NpyArray actual = Npy.read(fixture(name + ".npy"));

        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.shape()).isEqualTo(expected.shape());
        NpyTest.assertSameElements(actual, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void writeGivesTheBytesNumpyWrote(String name, NpyArray values) throws IOException {
        assertThat(NpyTest.toBytes(values)).isEqualTo(Files.readAllBytes(fixture(name + ".npy")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readThenWriteIsByteIdentical(String name, NpyArray unused) throws IOException {
        Path file = fixture(name + ".npy");
        assertThat(NpyTest.toBytes(Npy.read(file))).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void readsVersion2And3Headers() throws IOException {
        NpyArray expected = NpyArray.ofFloats(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f}, 2, 3);
        for (String name : new String[] {"float32_v2.npy", "float32_v3.npy"}) {
            byte[] bytes = Files.readAllBytes(fixture(name));
            assertThat(bytes[6]).as(name + " version").isEqualTo((byte) (name.contains("v2") ? 2 : 3));

            NpyArray actual = Npy.read(fixture(name));

            assertThat(actual.shape()).as(name).containsExactly(2, 3);
            NpyTest.assertSameElements(actual, expected);
            // Written back as 1.0, the oldest version that fits, the data bytes are the same.
            byte[] written = NpyTest.toBytes(actual);
            assertThat(written[6]).isEqualTo((byte) 1);
            assertThat(Arrays.copyOfRange(written, written.length - 24, written.length))
                    .isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 24, bytes.length));
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(NpyNumpyFixturesTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource npy/" + name, e);
        }
    }
}
