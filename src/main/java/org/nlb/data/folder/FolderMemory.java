package org.nlb.data.folder;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.nlb.data.ReadOptions.ImageSize;
import org.nlb.data.folder.FolderListing.ImageFile;
import org.nlb.data.image.ImageDecoder.Header;
import org.nlb.io.BadInputException;
import org.nlb.io.HeapBudget;

/**
 * The heap that reading an image folder takes, from what its files' headers declare, checked
 * before any pixel is decoded, so that too big a folder is one error line rather than an
 * {@link OutOfMemoryError}: a 190 KB PNG may declare 8000×8000 pixels, 0.6 GB once decoded.
 * Reading holds the planes of every image decoded so far, the working set of the images being
 * decoded (one per thread) and, at the end, the assembled train and test buffers.
 */
final class FolderMemory {
    private FolderMemory() {}

    /** Refuses {@code files} (with their {@code headers}) unless reading them fits {@link HeapBudget#available()}. */
    static void require(List<ImageFile> files, Header[] headers, ImageSize resize) {
        require(files, headers, resize, HeapBudget.available(), ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    /**
     * As {@link #require(List, Header[], ImageSize)} with a given budget and decoding threads. The
     * file named is the first in reading order at which the images up to it no longer fit.
     */
    static void require(List<ImageFile> files, Header[] headers, ImageSize resize, long budget, int threads) {
        long planes = 0;
        long outputPixels = 0;
        long largestDecode = 0;
        boolean colour = false;
        int first = -1;
        long firstNeed = 0;
        long need = 0;
        for (int i = 0; i < headers.length; i++) {
            Header h = headers[i];
            planes += h.planeBytes(resize);
            outputPixels += resize == null ? h.pixels() : (long) resize.height() * resize.width();
            largestDecode = Math.max(largestDecode, h.decodeBytes(resize));
            colour |= !h.gray();
            long decoding = Math.min(i + 1, threads) * largestDecode;
            long assembled = (colour ? 3 : 1) * outputPixels;
            need = planes + Math.max(decoding, assembled);
            if (first < 0 && need > budget) {
                first = i;
                firstNeed = need;
            }
        }
        if (first < 0) {
            return;
        }
        String all = first == headers.length - 1 ? ""
                : " (all " + headers.length + " images: " + HeapBudget.text(need) + ")";
        throw new BadInputException(files.get(first).file(), "is " + headers[first] + " pixels: reading the image folder"
                + " up to this image needs " + HeapBudget.text(firstNeed) + all + ", more than " + HeapBudget.limitText(budget));
    }
}
