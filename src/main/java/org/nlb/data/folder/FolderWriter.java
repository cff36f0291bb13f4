package org.nlb.data.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.nlb.data.Dataset;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;

/**
 * Writes a data set as an ImageFolder directory (DESIGN §6): {@code train/<class>/<name>.png} and
 * {@code test/<class>/<name>.png}, lossless PNG, 8-bit gray or RGB.
 *
 * <p>File names: an image read from a folder keeps its file name with the extension changed to
 * {@code .png} (a clash, as between {@code a.jpg} and {@code a.png}, gets {@code -2}, {@code -3},
 * … added); other images are named by their index in the split, zero-padded to at least five
 * digits so that reading the folder back keeps their order within each class. The folder is
 * named by the image's current label, not by the item name. Encoding is deterministic, so
 * write → read → write gives byte-identical files.
 *
 * <p>Every class needs at least one train image: classes are train's folder names, and an empty
 * folder is refused by the reader, so a class without train images could not be read back.
 */
final class FolderWriter {
    private static final int MIN_INDEX_DIGITS = 5;
    private final Dataset data;

    private FolderWriter(Dataset data) {
        this.data = data;
    }

    static void write(Dataset data, Path dir) throws IOException {
        new FolderWriter(data).writeInto(dir);
    }

    private void writeInto(Path dir) throws IOException {
        ImageSet train = data.train();
        if (train.channels() != 1 && train.channels() != 3) {
            throw refuse("PNG images have 1 or 3 channels, these have " + train.channels());
        }
        Labels trainLabels = labels(train, FolderListing.TRAIN);
        Labels testLabels = labels(data.test(), FolderListing.TEST);
        List<String> classes = trainLabels.classNames();
        if (!testLabels.classNames().equals(classes)) {
            throw refuse("the train and test images have different class names");
        }
        classes.forEach(this::checkClassName);
        int[] counts = trainLabels.classCounts();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw refuse("class '" + classes.get(k) + "' has no train images, and the folder layout"
                        + " takes its classes from the train folders");
            }
        }
        writeSplit(dir.resolve(FolderListing.TRAIN), train, trainLabels);
        writeSplit(dir.resolve(FolderListing.TEST), data.test(), testLabels);
    }

    private Labels labels(ImageSet set, String split) {
        return set.labels().orElseThrow(() -> refuse("the " + split
                + " images have no labels, and the folder layout stores each image in its class folder"));
    }

    private void checkClassName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0) {
            throw refuse("class name '" + name + "' cannot be a folder name"
                    + " (it must not be empty, start with a dot or contain a slash)");
        }
    }

    private void writeSplit(Path splitDir, ImageSet set, Labels labels) throws IOException {
        Files.createDirectories(splitDir);
        List<String> paths = relativePaths(set, labels);
        for (String path : paths) {
            Files.createDirectories(splitDir.resolve(path).getParent());
        }
        try {
            IntStream.range(0, set.size()).parallel().forEach(i -> {
                try {
                    Files.write(splitDir.resolve(paths.get(i)), PngEncoder.encode(set, i));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** "class/name.png" for every image of {@code set}, unique, in image order. */
    private static List<String> relativePaths(ImageSet set, Labels labels) {
        int digits = Math.max(MIN_INDEX_DIGITS, Integer.toString(Math.max(0, set.size() - 1)).length());
        List<String> itemNames = set.itemNames().orElse(null);
        Set<String> used = new HashSet<>();
        List<String> paths = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            String folder = labels.classNames().get(labels.get(i)) + "/";
            String stem = itemNames == null ? null : stem(itemNames.get(i));
            if (stem == null) {
                stem = String.format("%0" + digits + "d", i);
            }
            String path = folder + stem + ".png";
            for (int k = 2; !used.add(path); k++) {
                path = folder + stem + "-" + k + ".png";
            }
            paths.add(path);
        }
        return paths;
    }

    /** File name of {@code itemName} without folder and extension; null if it would be hidden or empty. */
    private static String stem(String itemName) {
        String name = itemName.substring(Math.max(itemName.lastIndexOf('/'), itemName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() || stem.startsWith(".") ? null : stem;
    }

    private BadInputException refuse(String problem) {
        return new BadInputException(data.spec().toString(), "cannot write as an image folder: " + problem);
    }
}
