package org.nlb.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlb.data.ReadOptions.ImageSize;
import org.nlb.data.image.ImageDecoder.Header;
import org.nlb.testing.HostileFiles;

/**
 * {@link ImageDecoder#readHeader} tells an image's size without decoding it, in
 * agreement with what {@link ImageDecoder#decode} then produces.
 */
class ImageHeaderTest {
    @TempDir
    Path tmp;

    private Path write(BufferedImage image, String format) throws IOException {
        Path file = tmp.resolve("image." + format);
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "TYPE_BYTE_GRAY, png, true, 8", "TYPE_USHORT_GRAY, png, true, 16", "TYPE_3BYTE_BGR, png, false, 24",
        "TYPE_INT_ARGB, png, false, 32", "TYPE_BYTE_INDEXED, png, false, 8",
        "TYPE_BYTE_GRAY, jpg, true, 8", "TYPE_3BYTE_BGR, jpg, false, 24"})
    void theHeaderAgreesWithTheDecodedImage(String type, String format, boolean gray, int bits) throws Exception {
        int t = BufferedImage.class.getField(type).getInt(null);
        Path file = write(new BufferedImage(7, 5, t), format);

        Header h = ImageDecoder.readHeader(file);
        ImageDecoder.Decoded decoded = ImageDecoder.decode(file, null);

        assertThat(h).isEqualTo(new Header(5, 7, gray, bits));
        assertThat(decoded.height()).isEqualTo(h.height());
        assertThat(decoded.width()).isEqualTo(h.width());
        assertThat(decoded.gray()).isEqualTo(h.gray());
        assertThat((long) decoded.planes().length).isEqualTo(h.planeBytes(null));
    }

    @Test
    void aJpegWhoseFrameHeaderComesAfterALargeSegmentIsStillMeasured() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(9, 4, BufferedImage.TYPE_3BYTE_BGR), "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        ByteArrayOutputStream padded = new ByteArrayOutputStream();
        padded.write(plain, 0, 2); // SOI
        int segment = 10_000;
        padded.write(new byte[] {(byte) 0xFF, (byte) 0xEF, (byte) (segment >> 8), (byte) segment}); // APP15
        padded.write(new byte[segment - 2]);
        padded.write(plain, 2, plain.length - 2);
        Path file = Files.write(tmp.resolve("exif.jpg"), padded.toByteArray());

        assertThat(ImageDecoder.readHeader(file)).isEqualTo(new Header(4, 9, false, 24));
    }

    @Test
    void an8000x8000PngOf190KbIsMeasuredWithoutDecodingIt() {
        Path file = HostileFiles.blankPng(tmp.resolve("big.png"), 8000, 8000, false);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);

        Header h = ImageDecoder.readHeader(file);

        assertThat(threads.getThreadAllocatedBytes(id) - before).as("bytes allocated").isLessThan(1 << 20);
        assertThat(file.toFile().length()).isLessThan(250_000);
        assertThat(h).isEqualTo(new Header(8000, 8000, false, 24));
        assertThat(h.planeBytes(null)).isEqualTo(192_000_000L);
        // raster 3 + ARGB copy 4 + planes 3 bytes a pixel: 0.6 GB to decode
        assertThat(h.decodeBytes(null)).isEqualTo(640_000_000L);
        assertThat(h.decodeBytes(new ImageSize(32, 32))).isEqualTo(640_000_000L + 3 * 32 * 32);
    }

    @Test
    void aHeaderBeyondTheDecodingLimitIsRefused() {
        Path file = HostileFiles.blankPng(tmp.resolve("huge.png"), 1, 100_000, true);
        // 1 × 100 000 is small; patch the height in IHDR to 100 000 as well: 10^10 pixels
        try {
            byte[] b = Files.readAllBytes(file);
            java.nio.ByteBuffer.wrap(b).putInt(20, 100_000);
            Files.write(file, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertBadInput(() -> ImageDecoder.readHeader(file), file, "100000x100000", "more than the 67108864 pixels");
    }

    @Test
    void notAnImage() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.png"), "hello");
        assertBadInput(() -> ImageDecoder.readHeader(file), file, "not a PNG or JPEG image");
    }
}
