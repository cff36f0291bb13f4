package org.nlb.data.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and hostile {@code .npy} files: each one is a {@link org.nlb.io.BadInputException}
 * naming the file (DESIGN §7) - never an OutOfMemoryError, a NumberFormatException or an
 * ArithmeticException - and the header is checked against the file before anything is allocated.
 */
class NpyHostileFilesTest {
    @TempDir
    Path tmp;

    /** A version {@code major.minor} file with {@code dict} as its header and {@code dataBytes} zero bytes after it. */
    private Path npy(int major, int minor, String dict, int dataBytes) throws IOException {
        int prefix = major == 1 ? 10 : 12;
        String header = dict + " ".repeat(64 - (prefix + dict.length() + 1) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(prefix + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, (byte) minor});
        if (major == 1) {
            buf.putShort((short) header.length());
        } else {
            buf.putInt(header.length());
        }
        buf.put(header.getBytes(StandardCharsets.UTF_8));
        Path file = tmp.resolve("hostile.npy");
        Files.write(file, buf.array());
        return file;
    }

    private Path npy(String dict, int dataBytes) throws IOException {
        return npy(1, 0, dict, dataBytes);
    }

    private static String dict(String descr, String fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
    }

    @Test
    void aWellFormedFileOfTheHelperReads() throws IOException {
        // Guards the helper: the files below differ from this one only in what each test breaks.
        assertThat(Npy.read(npy(dict("<f4", "False", "(2, 3)"), 24)).shape()).containsExactly(2, 3);
    }

    @Test
    void absurdShapeInASmallFile() throws IOException {
        Path f = npy(dict("<f4", "False", "(1000000000000, 1000000000000)"), 16);
        assertBadInput(() -> Npy.read(f), f, "truncated", "the file has 16");
    }

    @Test
    void shapeWhoseElementCountIsLargeButFitsALong() throws IOException {
        Path f = npy(dict("<f8", "False", "(1000000, 1000000)"), 16);
        assertBadInput(() -> Npy.read(f), f, "truncated", "8000000000000 bytes", "the file has 16");
    }

    @Test
    void hugeDimensionsBesideAZeroDimensionAreAnEmptyArray() throws IOException {
        Path f = npy(dict("<f4", "False", "(1000000000000, 1000000000000, 0)"), 0);

        NpyArray empty = Npy.read(f);

        assertThat(empty.size()).isZero();
        assertThat(empty.shape()).containsExactly(1_000_000_000_000L, 1_000_000_000_000L, 0);
    }

    @Test
    void aRepeatedKeyIsRefusedRatherThanReadWithItsFirstValue() throws IOException {
        // numpy reads this as shape (2, 3), the last value; the first, (1,), would be read by a regex.
        Path f = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'shape': (2, 3), }", 24);
        assertBadInput(() -> Npy.read(f), f, "corrupt header", "key 'shape' appears twice");
    }

    @Test
    void aKeyRepeatedInOtherQuotesIsRepeatedToo() throws IOException {
        Path f = npy("{'descr': '<f4', \"descr\": '<f8', 'fortran_order': False, 'shape': (2, 3), }", 24);
        assertBadInput(() -> Npy.read(f), f, "key 'descr' appears twice");
    }

    @Test
    void aKeyNumpyDoesNotKnowIsRefused() throws IOException {
        Path f = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'extra': 1, }", 24);
        assertBadInput(() -> Npy.read(f), f, "unexpected key 'extra'");
    }

    @Test
    void pythonExpressionInTheShape() throws IOException {
        Path f = npy(dict("<f4", "False", "(10**12, 10**12)"), 16);
        assertBadInput(() -> Npy.read(f), f, "corrupt header", "10**12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(-3, 4)", "(3, -4)"})
    void negativeShapeEntry(String shape) throws IOException {
        Path f = npy(dict("<f4", "False", shape), 48);
        assertBadInput(() -> Npy.read(f), f, "corrupt header", "negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"('a', 4)", "(3.5,)", "(3,,4)", "(,)", "(0x10,)"})
    void nonNumericOrMalformedShape(String shape) throws IOException {
        Path f = npy(dict("<f4", "False", shape), 48);
        assertBadInput(() -> Npy.read(f), f, "corrupt header", "shape");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c8", "<U3", "|O", "<f2", "|b1", "<u4"})
    void unsupportedElementType(String descr) throws IOException {
        Path f = npy(dict(descr, "False", "(2,)"), 16);
        assertBadInput(() -> Npy.read(f), f, "'" + descr + "'", "not supported", "<f4");
    }

    @Test
    void bigEndianIsNamedAsSuch() throws IOException {
        Path f = npy(dict(">f4", "False", "(2,)"), 8);
        assertBadInput(() -> Npy.read(f), f, "'>f4'", "big-endian", "'<f4'");
    }

    @Test
    void fortranOrder() throws IOException {
        Path f = npy(dict("<f4", "True", "(2, 3)"), 24);
        assertBadInput(() -> Npy.read(f), f, "Fortran order");
    }

    @Test
    void headerThatIsNotTheExpectedDict() throws IOException {
        Path f = npy("{'descr': '<f4', 'shape': (2,), }", 8);
        assertBadInput(() -> Npy.read(f), f, "corrupt header", "fortran_order");
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        Path f = npy(dict("<f4", "False", "(2,)"), 8);
        byte[] bytes = Files.readAllBytes(f);
        bytes[8] = (byte) 0xFF; // header length 0x??FF: far past the end of this 136-byte file
        bytes[9] = (byte) 0x7F;
        Files.write(f, bytes);
        assertBadInput(() -> Npy.read(f), f, "header length 32767", "136-byte file");
    }

    @Test
    void version2HeaderLengthThatIsNegativeAsAnInt() throws IOException {
        Path f = npy(2, 0, dict("<f4", "False", "(2,)"), 8);
        byte[] bytes = Files.readAllBytes(f);
        Arrays.fill(bytes, 8, 12, (byte) 0xFF);
        Files.write(f, bytes);
        assertBadInput(() -> Npy.read(f), f, "header length 4294967295");
    }

    @Test
    void truncatedData() throws IOException {
        Path f = npy(dict("<i8", "False", "(3, 2)"), 47);
        assertBadInput(() -> Npy.read(f), f, "truncated", "48 bytes", "has 47");
    }

    @Test
    void trailingData() throws IOException {
        Path f = npy(dict("|u1", "False", "(5,)"), 9);
        assertBadInput(() -> Npy.read(f), f, "4 bytes after the data");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path f = npy(dict("<f4", "False", "(2,)"), 8);
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 9));
        assertBadInput(() -> Npy.read(f), f, "truncated");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = tmp.resolve("empty.npy");
        Files.write(f, new byte[0]);
        assertBadInput(() -> Npy.read(f), f, "truncated");
    }

    @Test
    void wrongMagic() throws IOException {
        Path f = tmp.resolve("features.npy");
        Files.writeString(f, "0.1,0.2,0.3\n0.4,0.5,0.6\n");
        assertBadInput(() -> Npy.read(f), f, "wrong magic", "not a .npy file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.0", "0.0", "1.1", "255.0"})
    void unsupportedVersion(String version) throws IOException {
        String[] mm = version.split("\\.");
        Path f = npy(1, 0, dict("<f4", "False", "(2,)"), 8);
        byte[] bytes = Files.readAllBytes(f);
        bytes[6] = (byte) Integer.parseInt(mm[0]);
        bytes[7] = (byte) Integer.parseInt(mm[1]);
        Files.write(f, bytes);
        assertBadInput(() -> Npy.read(f), f, "version " + version, "not supported");
    }

    @Test
    void missingFile() {
        Path f = tmp.resolve("missing.npy");
        assertBadInput(() -> Npy.read(f), f, "not found");
    }

    @Test
    void directoryInsteadOfAFile() {
        assertBadInput(() -> Npy.read(tmp), tmp, "directory");
    }

    @Test
    void moreElementsThanAJavaArrayHoldsInAFileThatReallyIsThatLarge() throws IOException {
        // A sparse 3 GB file whose size matches its header: only the array limit can stop it.
        Path f = npy(dict("|u1", "False", "(3000000000,)"), 0);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(raf.length() + 3_000_000_000L);
        }
        assertBadInput(() -> Npy.read(f), f, "3000000000 elements", "more than");
    }
}
