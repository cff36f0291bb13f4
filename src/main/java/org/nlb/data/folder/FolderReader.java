package org.nlb.data.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.data.ReadOptions;
import org.nlb.data.ReadOptions.ImageSize;
import org.nlb.data.folder.FolderListing.ImageFile;
import org.nlb.data.image.ImageDecoder;
import org.nlb.data.image.ImageDecoder.Decoded;
import org.nlb.data.image.ImageDecoder.Header;
import org.nlb.io.BadInputException;

/**
 * Reads an ImageFolder directory (DESIGN §6) into a data set. The headers of all images are read
 * first and a folder whose decoding would not fit the heap is refused ({@link FolderMemory}).
 * Images are then decoded in parallel but placed by index, and problems are reported for the
 * first bad file in reading order, so the result and any error are the same on every run. Sets are 1-channel if every image is gray,
 * otherwise 3-channel with gray images repeated into R, G and B.
 */
final class FolderReader {
    private FolderReader() {}

    /** One file's outcome: its image, or the problem with it (kept to report in file order). */
    private record Outcome(Decoded image, BadInputException problem) {}

    static Dataset read(DatasetSpec spec, ReadOptions options) {
        FolderListing listing = FolderListing.scan(spec.path());
        List<ImageFile> files = new ArrayList<>(listing.train());
        files.addAll(listing.test());
        ImageSize resize = options.resize().orElse(null);
        FolderMemory.require(files, headers(files), resize);
        Outcome[] outcomes = new Outcome[files.size()];
        IntStream.range(0, files.size()).parallel()
                .forEach(i -> outcomes[i] = decode(files.get(i).file(), resize));
        Decoded first = null;
        boolean allGray = true;
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].problem() != null) {
                throw outcomes[i].problem();
            }
            Decoded image = outcomes[i].image();
            if (first == null) {
                first = image;
            } else if (image.height() != first.height() || image.width() != first.width()) {
                throw new BadInputException(files.get(i).file(), "is " + sizeText(image) + " (height x width) but "
                        + files.get(0).file() + " is " + sizeText(first)
                        + "; all images must have one size, or pass --resize HxW to resize them");
            }
            allGray &= image.gray();
        }
        int channels = allGray ? 1 : 3;
        long bytes = (long) files.size() * channels * first.height() * first.width();
        if (bytes > ImageSet.maxBytes()) {
            throw new BadInputException(spec.path(), "its " + files.size() + " images of " + sizeText(first)
                    + " are more than nlb can hold in memory at once");
        }
        int trainCount = listing.train().size();
        ImageSet train = assemble(listing.train(), outcomes, 0, channels, first, listing.classes());
        ImageSet test = assemble(listing.test(), outcomes, trainCount, channels, first, listing.classes());
        return new Dataset(spec, train, test);
    }

    /** The headers of {@code files}, read in parallel; the first problem in reading order is thrown. */
    private static Header[] headers(List<ImageFile> files) {
        Object[] read = new Object[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                read[i] = ImageDecoder.readHeader(files.get(i).file());
            } catch (BadInputException e) {
                read[i] = e;
            }
        });
        Header[] headers = new Header[read.length];
        for (int i = 0; i < read.length; i++) {
            if (read[i] instanceof BadInputException problem) {
                throw problem;
            }
            headers[i] = (Header) read[i];
        }
        return headers;
    }

    private static Outcome decode(Path file, ImageSize resize) {
        try {
            return new Outcome(ImageDecoder.decode(file, resize), null);
        } catch (BadInputException e) {
            return new Outcome(null, e);
        }
    }

    private static ImageSet assemble(List<ImageFile> files, Outcome[] outcomes, int offset, int channels,
                                     Decoded shape, List<String> classes) {
        int n = files.size();
        int stride = channels * shape.height() * shape.width();
        byte[] pixels = new byte[n * stride];
        int[] labels = new int[n];
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Decoded image = outcomes[offset + i].image();
            byte[] planes = channels == 3 ? image.rgbPlanes() : image.planes();
            System.arraycopy(planes, 0, pixels, i * stride, stride);
            labels[i] = files.get(i).label();
            names.add(files.get(i).itemName());
        }
        return ImageSet.of(pixels, n, channels, shape.height(), shape.width(), new Labels(labels, classes))
                .withItemNames(names);
    }

    private static String sizeText(Decoded image) {
        return image.height() + "x" + image.width();
    }
}
