package org.nlb.data.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing and reading back {@code .npy} arrays of every supported type and rank. */
class NpyTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> arrays() {
        return Stream.of(
                Arguments.of("float32 1-D", NpyArray.ofFloats(new float[] {1.5f, -0f, Float.NaN, Float.MAX_VALUE}, 4)),
                Arguments.of("float32 2-D", NpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)),
                Arguments.of("float32 0-D", NpyArray.ofFloats(new float[] {3.25f})),
                Arguments.of("float32 empty", NpyArray.ofFloats(new float[0], 0, 7)),
                Arguments.of("float64 3-D", NpyArray.ofDoubles(new double[] {Math.PI, -1e300, Double.MIN_VALUE, 0.1,
                        Double.NEGATIVE_INFINITY, -0.0, 7, 8}, 2, 2, 2)),
                Arguments.of("float64 0-D", NpyArray.ofDoubles(new double[] {-2.5})),
                Arguments.of("uint8 3-D", NpyArray.ofBytes(new byte[] {0, 1, (byte) 127, (byte) 128, (byte) 255, 9}, 1, 2, 3)),
                Arguments.of("uint8 1-D", NpyArray.ofBytes(new byte[] {(byte) 200}, 1)),
                Arguments.of("int32 1-D", NpyArray.ofInts(new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}, 4)),
                Arguments.of("int32 2-D", NpyArray.ofInts(new int[] {1, 2, 3, 4}, 4, 1)),
                Arguments.of("int64 2-D", NpyArray.ofLongs(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -5, 6, 7}, 3, 2)),
                Arguments.of("int64 0-D", NpyArray.ofLongs(new long[] {-7})),
                Arguments.of("int64 indices", NpyArray.indices(new int[] {0, 3, 59999})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrays")
    void roundTripsTypeShapeAndValues(String name, NpyArray array) {
        Path file = tmp.resolve("a.npy");
        Npy.write(file, array);

        NpyArray back = Npy.read(file);

        assertThat(back.type()).isEqualTo(array.type());
        assertThat(back.shape()).isEqualTo(array.shape());
        assertSameElements(back, array);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrays")
    void headerIsVersion1AndDataStartsOn64ByteBoundary(String name, NpyArray array) throws IOException {
        byte[] bytes = toBytes(array);

        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(bytes[0] & 0xFF).isEqualTo(0x93);
        assertThat(bytes[6]).isEqualTo((byte) 1);
        assertThat(bytes[7]).isEqualTo((byte) 0);
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        int dataStart = 10 + headerLength;
        assertThat(dataStart % 64).isZero();
        assertThat(bytes[dataStart - 1]).as("header ends with a newline").isEqualTo((byte) '\n');
        assertThat(bytes.length - dataStart).isEqualTo(array.size() * array.type().bytes());
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': '" + array.type().descr() + "', 'fortran_order': False, 'shape': (");
    }

    @Test
    void arraysLargerThanTheCopyBufferRoundTrip() {
        // 1.6 MB and 1.2 MB: more than one 1 MiB chunk each way.
        double[] doubles = new double[200_000];
        float[] floats = new float[300_000];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = Math.sin(i) * i;
        }
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) Math.cos(i) * i;
        }
        Npy.write(tmp.resolve("d.npy"), NpyArray.ofDoubles(doubles, 1000, 200));
        Npy.write(tmp.resolve("f.npy"), NpyArray.ofFloats(floats, floats.length));

        assertThat((double[]) Npy.read(tmp.resolve("d.npy")).data()).containsExactly(doubles);
        assertThat((float[]) Npy.read(tmp.resolve("f.npy")).data()).containsExactly(floats);
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = tmp.resolve("a.npy");
        Npy.write(file, NpyArray.ofInts(new int[] {1, 2, 3}, 3));
        Npy.write(file, NpyArray.ofInts(new int[] {4}, 1));

        assertThat((int[]) Npy.read(file).data()).containsExactly(4);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void elementAccessorsConvertBetweenTypes() {
        NpyArray bytes = NpyArray.ofBytes(new byte[] {(byte) 255, 3}, 2);
        NpyArray floats = NpyArray.ofFloats(new float[] {2f, 2.5f}, 2);

        assertThat(bytes.getLong(0)).isEqualTo(255);
        assertThat(bytes.getDouble(0)).isEqualTo(255.0);
        assertThat(bytes.toFloats()).containsExactly(255f, 3f);
        assertThat(floats.getLong(0)).isEqualTo(2);
        assertThatThrownBy(() -> floats.getLong(1)).isInstanceOf(ArithmeticException.class);
        assertThat(floats.toFloats()).isSameAs(floats.data());
        assertThat(NpyArray.ofLongs(new long[6], 2, 3).ndim()).isEqualTo(2);
        assertThat(NpyArray.ofLongs(new long[1]).size()).isEqualTo(1);
    }

    @Test
    void shapeMustMatchTheData() {
        assertThatThrownBy(() -> NpyArray.ofFloats(new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] toBytes(NpyArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.writeTo(out, array);
        return out.toByteArray();
    }

    /** Element-wise equality that tells -0.0 from 0.0 and NaN from NaN by their bits. */
    static void assertSameElements(NpyArray actual, NpyArray expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            switch (expected.type()) {
                case FLOAT32 -> assertThat(Float.floatToRawIntBits(((float[]) actual.data())[i])).as("element %d", i)
                        .isEqualTo(Float.floatToRawIntBits(((float[]) expected.data())[i]));
                case FLOAT64 -> assertThat(Double.doubleToRawLongBits(((double[]) actual.data())[i])).as("element %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(((double[]) expected.data())[i]));
                default -> assertThat(actual.getLong(i)).as("element %d", i).isEqualTo(expected.getLong(i));
            }
        }
    }
}
