package org.nlb.data.idx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * MNIST-style IDX files: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each raw or gzip-compressed.
 * Images are N×H×W (idx3, one channel) or N×C×H×W (idx4, nlb's convention for colour).
 * Class names come from an optional {@code classes.txt}, one per line.
 */
public final class IdxFormat {
    /** Fashion-MNIST's classes, in label order (from its README). */
    public static final List<String> FASHION_MNIST_CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final String CLASSES_FILE = "classes.txt";
    private static final String GZ = ".gz";

    private IdxFormat() {}

    public static Dataset readFashionMnist(DatasetSpec spec) {
        if (!Files.isDirectory(spec.path())) {
            throw new BadInputException(spec.path(), "Fashion-MNIST is not installed here; install it with"
                    + " 'apt-get install -y dataset-fashion-mnist' or point " + DatasetSpec.DATA_ENV
                    + " at a directory of its IDX files");
        }
        return read(spec, FASHION_MNIST_CLASSES, "Fashion-MNIST has only " + FASHION_MNIST_CLASSES.size() + " classes");
    }

    public static Dataset read(DatasetSpec spec) {
        InputFiles.requireDirectory(spec.path());
        Path classesFile = spec.path().resolve(CLASSES_FILE);
        if (!Files.isRegularFile(classesFile)) {
            return read(spec, null, null);
        }
        List<String> names = readClassNames(classesFile);
        return read(spec, names, CLASSES_FILE + " lists only " + names.size() + " classes");
    }

    /** {@code classNames} null: numbered by the largest label; else {@code namesFrom} says where they came from. */
    private static Dataset read(DatasetSpec spec, List<String> classNames, String namesFrom) {
        Path dir = spec.path();
        Path trainImages = find(dir, "train", "images");
        Path trainLabels = find(dir, "train", "labels");
        Path testImages = find(dir, "t10k", "images");
        Path testLabels = find(dir, "t10k", "labels");
        // The four files decode independently; the big train-image file dominates, so decoding the
        // others beside it hides their cost. Problems are reported in file order, not in the order
        // the threads hit them, so that the same files always give the same error.
        List<Outcome> outcomes = java.util.stream.Stream.of(trainImages, trainLabels, testImages, testLabels)
                .parallel()
                .map(IdxFormat::decode)
                .toList();
        for (Outcome o : outcomes) {
            if (o.problem() != null) {
                throw o.problem();
            }
        }
        List<IdxArray> arrays = outcomes.stream().map(Outcome::array).toList();
        IdxArray trX = arrays.get(0);
        IdxArray trY = arrays.get(1);
        IdxArray teX = arrays.get(2);
        IdxArray teY = arrays.get(3);
        if (trX.dims()[0] == 0) {
            // Without this a set of empty files read as one class "0" and split into empty parts.
            throw new BadInputException(trainImages, "holds no images: a data set needs train images");
        }
        int classCount = classNames != null ? classNames.size()
                : Math.max(maxLabel(trY), maxLabel(teY)) + 1;
        List<String> names = classNames != null ? classNames : Labels.numberedNames(classCount);
        ImageSet train = images(trX, trY, trainLabels, names, namesFrom);
        ImageSet test = images(teX, teY, testLabels, names, namesFrom);
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new BadInputException(testImages, "images are " + test.shapeText()
                    + " but the train images are " + train.shapeText());
        }
        return new Dataset(spec, train, test);
    }

    /** One file's outcome: its array, or the problem with it (kept to report in file order). */
    private record Outcome(IdxArray array, BadInputException problem) {}

    private static Outcome decode(Path file) {
        try {
            return new Outcome(IdxArray.parse(file, InputFiles.readMaybeGzip(file)), null);
        } catch (BadInputException e) {
            return new Outcome(null, e);
        }
    }

    private static ImageSet images(IdxArray x, IdxArray y, Path labelFile, List<String> names, String namesFrom) {
        int[] dims = x.dims();
        if (dims.length != 3 && dims.length != 4) {
            throw new BadInputException(x.file(), "an image file must have 3 or 4 dimensions, this one has " + dims.length);
        }
        if (y.dims().length != 1) {
            throw new BadInputException(labelFile, "a label file must have 1 dimension, this one has " + y.dims().length);
        }
        int n = dims[0];
        if (y.dims()[0] != n) {
            throw new BadInputException(labelFile, "holds " + y.dims()[0] + " labels but " + x.file().getFileName()
                    + " holds " + n + " images");
        }
        int c = dims.length == 4 ? dims[1] : 1;
        int h = dims[dims.length - 2];
        int w = dims[dims.length - 1];
        if (c <= 0 || h <= 0 || w <= 0) {
            throw new BadInputException(x.file(), "image dimensions must be positive");
        }
        // Only the product of all dimensions was checked against the file: with no images, any
        // image size fits, and C×H×W may overflow the int that indexes one image.
        long rows = (long) c * h;
        if (rows > ImageSet.maxBytes() || rows * w > ImageSet.maxBytes()) {
            throw new BadInputException(x.file(), "declares images of " + c + "x" + h + "x" + w
                    + " (channels x height x width), more bytes each than nlb can hold (" + ImageSet.maxBytes() + ")");
        }
        int[] labels = new int[n];
        byte[] raw = y.data();
        for (int i = 0; i < n; i++) {
            labels[i] = raw[i] & 0xFF;
            if (labels[i] >= names.size()) {
                // Only reachable with given names: numbered classes cover the largest label.
                throw new BadInputException(labelFile, "label " + labels[i] + " of item " + i
                        + " has no class: " + namesFrom);
            }
        }
        return ImageSet.of(x.data(), n, c, h, w, new Labels(labels, names));
    }

    private static int maxLabel(IdxArray y) {
        int max = 0;
        for (byte b : y.data()) {
            max = Math.max(max, b & 0xFF);
        }
        return max;
    }

    private static Path find(Path dir, String part, String kind) {
        String idx = kind.equals("images") ? "idx3-ubyte" : "idx1-ubyte";
        // idx4 files (colour images written by nlb) use the same stem with idx4.
        List<String> stems = kind.equals("images")
                ? List.of(part + "-images-" + idx, part + "-images." + idx, part + "-images-idx4-ubyte")
                : List.of(part + "-labels-" + idx, part + "-labels." + idx);
        for (String stem : stems) {
            for (String name : List.of(stem, stem + GZ)) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new BadInputException(dir.resolve(stems.get(0)), "not found (nor with .gz)");
    }

    private static List<String> readClassNames(Path file) {
        String text = new String(InputFiles.read(file), StandardCharsets.UTF_8);
        List<String> names = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new BadInputException(file, "lists no class names");
        }
        return names;
    }

    /** Whether the spec's directory holds gzip-compressed IDX files (so a copy should too). */
    public static boolean sourceIsCompressed(DatasetSpec spec) {
        try {
            return find(spec.path(), "train", "images").getFileName().toString().endsWith(GZ);
        } catch (BadInputException e) {
            return false;
        }
    }

    /**
     * Writes {@code data} as four IDX files into {@code dir} (gzip-compressed if {@code gzip}),
     * plus {@code classes.txt} unless the class names are the plain numbers.
     */
    public static void write(Dataset data, Path dir, boolean gzip) throws IOException {
        String suffix = gzip ? GZ : "";
        String idx = data.train().channels() == 1 ? "idx3-ubyte" : "idx4-ubyte";
        writeImages(data.train(), dir.resolve("train-images-" + idx + suffix), gzip);
        writeLabels(data.train(), dir.resolve("train-labels-idx1-ubyte" + suffix), gzip);
        writeImages(data.test(), dir.resolve("t10k-images-" + idx + suffix), gzip);
        writeLabels(data.test(), dir.resolve("t10k-labels-idx1-ubyte" + suffix), gzip);
        List<String> names = data.train().labels().map(Labels::classNames).orElse(List.of());
        boolean numbered = names.equals(Labels.numberedNames(names.size()));
        // Written for Fashion-MNIST copies too: read back as idx:DIR they keep their class names
        // (the fashion-mnist spec ignores the file and uses its fixed list).
        if (!names.isEmpty() && !numbered) {
            AtomicOutput.writeString(dir.resolve(CLASSES_FILE), String.join("\n", names) + "\n");
        }
    }

    private static void writeImages(ImageSet set, Path file, boolean gzip) throws IOException {
        int[] dims = set.channels() == 1
                ? new int[] {set.size(), set.height(), set.width()}
                : new int[] {set.size(), set.channels(), set.height(), set.width()};
        writeArray(file, dims, set.pixels(), gzip);
    }

    private static void writeLabels(ImageSet set, Path file, boolean gzip) throws IOException {
        Labels labels = set.labels().orElseThrow(() -> new BadInputException(file,
                "cannot write an IDX label file for an unlabeled set"));
        byte[] raw = new byte[labels.size()];
        for (int i = 0; i < raw.length; i++) {
            if (labels.get(i) > 255) {
                throw new BadInputException(file, "IDX labels are bytes; label " + labels.get(i) + " does not fit");
            }
            raw[i] = (byte) labels.get(i);
        }
        writeArray(file, new int[] {raw.length}, raw, gzip);
    }

    private static void writeArray(Path file, int[] dims, byte[] data, boolean gzip) throws IOException {
        try (OutputStream file0 = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = gzip ? new GZIPOutputStream(file0, 1 << 16) : file0) {
            out.write(IdxArray.header(dims));
            out.write(data);
        }
    }
}
