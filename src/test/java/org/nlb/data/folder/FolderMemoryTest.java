package org.nlb.data.folder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nlb.data.ReadOptions.ImageSize;
import org.nlb.data.folder.FolderListing.ImageFile;
import org.nlb.data.image.ImageDecoder.Header;

/** An image folder is refused from its headers when decoding it cannot fit the heap. */
class FolderMemoryTest {
    private static final long MB = 1L << 20;

    private static List<ImageFile> files(int n) {
        return IntStream.range(0, n).mapToObj(i -> new ImageFile(Path.of("d/train/a/" + i + ".png"), "a/" + i + ".png", 0))
                .toList();
    }

    private static Header[] same(int n, Header h) {
        return IntStream.range(0, n).mapToObj(i -> h).toArray(Header[]::new);
    }

    @Test
    void threeRgbImagesOf8000x8000NeedAboutTwoGigabytesOnTwoThreads() {
        Header big = new Header(8000, 8000, false, 24);
        // kept planes 3 × 183 MB, plus two images decoding at once, 2 × 610 MB: 1.7 GB; the first
        // two already need 2 × 183 MB + 2 × 610 MB = 1.5 GB
        assertBadInput(() -> FolderMemory.require(files(3), same(3, big), null, 1024 * MB, 2),
                "d/train/a/1.png", "is 8000x8000 pixels", "up to this image needs 1.5 GB", "(all 3 images: 1.7 GB)",
                "more than the 1.0 GB of Java heap");
        assertThatCode(() -> FolderMemory.require(files(3), same(3, big), null, 2048 * MB, 2)).doesNotThrowAnyException();
    }

    @Test
    void theFirstImageAloneCanBeTooMuch() {
        Header big = new Header(8000, 8000, false, 24);
        assertBadInput(() -> FolderMemory.require(files(3), same(3, big), null, 256 * MB, 2),
                "d/train/a/0.png", "is 8000x8000 pixels", "up to this image needs 793 MB", "all 3 images");
    }

    @Test
    void resizingKeepsOnlyTheSmallPlanes() {
        Header big = new Header(2000, 2000, false, 24);
        ImageSize small = new ImageSize(32, 32);
        // 40 MB to decode one at a time; kept planes of 100 images are 3 KB each resized, 12 MB each not
        assertThatCode(() -> FolderMemory.require(files(100), same(100, big), small, 100 * MB, 2))
                .doesNotThrowAnyException();
        assertBadInput(() -> FolderMemory.require(files(100), same(100, big), null, 100 * MB, 2),
                "d/train/a/2.png", "is 2000x2000 pixels");
    }

    @Test
    void grayImagesCountOneBytePerPixel() {
        Header gray = new Header(1000, 1000, true, 8);
        // each: 1 MB kept, 2 MB to decode; 100 of them kept twice over (planes and the set): 200 MB
        assertThatCode(() -> FolderMemory.require(files(100), same(100, gray), null, 200 * MB, 2))
                .doesNotThrowAnyException();
        assertBadInput(() -> FolderMemory.require(files(100), same(100, gray), null, 150 * MB, 2),
                "d/train/a/78.png", "is 1000x1000 pixels");
    }
}
