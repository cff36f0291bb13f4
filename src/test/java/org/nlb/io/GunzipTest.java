package org.nlb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.HostileFiles;
import org.nlb.testing.IdxFiles;

/**
 * The gzip trailer (ISIZE) is a hint, never the size of an allocation. A 29-byte file
 * whose trailer claims 2 GB used to allocate 2 GB before noticing it held nothing.
 */
class GunzipTest {
    @TempDir
    Path tmp;

    @Test
    void aTinyFileWithAForgedTrailerIsRefusedWithoutAllocatingWhatItClaims() throws IOException {
        Path f = tmp.resolve("train-images-idx3-ubyte.gz");
        Files.write(f, HostileFiles.forgedGzipTrailer(0x7FFF_FFF0));
        assertThat(Files.size(f)).isEqualTo(29);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);

        assertBadInput(() -> InputFiles.readMaybeGzip(f), f, "corrupt gzip data", "2147483632", "inflates to 0");

        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).as("bytes allocated to refuse a 29-byte file").isLessThan(1 << 20);
    }

    @Test
    void honestFilesRoundTrip() throws IOException {
        byte[] raw = new byte[300_000];
        new SplittableRandom(1).nextBytes(raw);
        assertThat(Gunzip.inflate(IdxFiles.gzip(raw))).isEqualTo(raw);
        assertThat(Gunzip.inflate(IdxFiles.gzip(new byte[0]))).isEmpty();
    }

    @Test
    void dataThatCompressesBetterThanTheTrustedRatioGrowsToItsSize() throws IOException {
        byte[] zeros = new byte[5_000_000];
        byte[] gz = IdxFiles.gzip(zeros);
        assertThat((long) gz.length * Gunzip.TRUSTED_RATIO).isLessThan(zeros.length);
        assertThat(Gunzip.inflate(gz)).isEqualTo(zeros);
    }

    @Test
    void severalMembersAreConcatenatedAndTrailingZerosIgnored() throws IOException {
        byte[] a = "first member ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] b = new byte[100_000];
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(IdxFiles.gzip(a));
        both.write(IdxFiles.gzip(b));
        both.write(new byte[7]);
        byte[] expected = Arrays.copyOf(a, a.length + b.length);
        assertThat(Gunzip.inflate(both.toByteArray())).isEqualTo(expected);
    }

    @Test
    void trailingGarbageIsCorrupt() {
        byte[] gz = IdxFiles.gzip(new byte[10]);
        byte[] junk = Arrays.copyOf(gz, gz.length + 3);
        junk[gz.length + 1] = 'x';
        assertThatThrownBy(() -> Gunzip.inflate(junk)).isInstanceOf(ZipException.class).hasMessageContaining("trailing");
    }

    @Test
    void aTrailerThatUnderstatesTheSizeIsCorrupt() {
        byte[] gz = IdxFiles.gzip(new byte[50_000]);
        ByteBuffer.wrap(gz).order(ByteOrder.LITTLE_ENDIAN).putInt(gz.length - 4, 10);
        assertThatThrownBy(() -> Gunzip.inflate(gz)).isInstanceOf(ZipException.class)
                .hasMessageContaining("size as 10 bytes").hasMessageContaining("50000");
    }

    @Test
    void dataBeyondTheCapIsRefusedAsItInflates() {
        byte[] gz = IdxFiles.gzip(new byte[1_000_000]);
        assertThatThrownBy(() -> Gunzip.inflate(gz, 100_000))
                .isInstanceOfSatisfying(Gunzip.TooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(100_000);
                    assertThat(e.pastRatio()).isFalse();
                });
    }

    @Test
    void aTruncatedStreamIsTruncated() {
        byte[] gz = IdxFiles.gzip(new byte[1000]);
        assertThatThrownBy(() -> Gunzip.inflate(Arrays.copyOf(gz, 15))).isInstanceOf(EOFException.class);
    }
}
