package org.nlb.data.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * The image files of an ImageFolder directory (DESIGN §6): {@code DIR/train/<class>/<image>} and
 * {@code DIR/test/<class>/<image>}. Classes are the sorted names of train's folders; images come
 * in (class, file name) order. Hidden entries (names starting with a dot) are skipped; anything
 * else that is not a class folder or an image file is an error rather than silently dropped.
 *
 * @param classes class names, label k at index k
 * @param train   train image files in reading order
 * @param test    test image files in reading order
 */
record FolderListing(List<String> classes, List<ImageFile> train, List<ImageFile> test) {
    static final String TRAIN = "train";
    static final String TEST = "test";
    private static final String LAYOUT = "an image folder holds train/<class>/<image>.png|jpg and"
            + " test/<class>/<image>.png|jpg";

    /**
     * One image file to read.
     *
     * @param file     where it is
     * @param itemName its path relative to the split folder, "cat/0001.png"
     * @param label    index of its class
     */
    record ImageFile(Path file, String itemName, int label) {}

    static FolderListing scan(Path dir) {
        InputFiles.requireDirectory(dir);
        Path trainDir = requireSplit(dir.resolve(TRAIN));
        Path testDir = requireSplit(dir.resolve(TEST));
        List<Path> trainClasses = classFolders(trainDir);
        if (trainClasses.isEmpty()) {
            throw new BadInputException(trainDir, "has no class folders; " + LAYOUT);
        }
        List<String> classes = trainClasses.stream().map(FolderListing::name).toList();
        List<ImageFile> train = images(trainClasses, classes);
        List<Path> testClasses = classFolders(testDir);
        for (Path folder : testClasses) {
            if (!classes.contains(name(folder))) {
                throw new BadInputException(folder, "class '" + name(folder) + "' has no folder in "
                        + trainDir + "; test classes must be train classes");
            }
        }
        return new FolderListing(classes, train, images(testClasses, classes));
    }

    private static Path requireSplit(Path split) {
        if (!Files.exists(split)) {
            throw new BadInputException(split, "not found; " + LAYOUT);
        }
        if (!Files.isDirectory(split)) {
            throw new BadInputException(split, "is not a directory; " + LAYOUT);
        }
        return split;
    }

    /** The class folders of a split folder, sorted by name. */
    private static List<Path> classFolders(Path split) {
        List<Path> folders = new ArrayList<>();
        for (Path entry : visibleEntries(split)) {
            if (!Files.isDirectory(entry)) {
                throw new BadInputException(entry, "is a file, but " + split.getFileName()
                        + "/ may only hold class folders; " + LAYOUT);
            }
            folders.add(entry);
        }
        return folders;
    }

    private static List<ImageFile> images(List<Path> classFolders, List<String> classes) {
        List<ImageFile> out = new ArrayList<>();
        for (Path folder : classFolders) {
            String className = name(folder);
            int label = classes.indexOf(className);
            List<Path> files = visibleEntries(folder);
            if (files.isEmpty()) {
                throw new BadInputException(folder, "empty folder: class '" + className + "' has no images");
            }
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    throw new BadInputException(file, "is a folder inside class folder '" + className
                            + "'; images must sit directly in their class folder");
                }
                if (!hasImageExtension(name(file))) {
                    throw new BadInputException(file, "not a PNG or JPEG image (expected .png, .jpg or .jpeg)");
                }
                out.add(new ImageFile(file, className + "/" + name(file), label));
            }
        }
        return out;
    }

    static boolean hasImageExtension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    /** Entries of {@code dir} whose names do not start with a dot, sorted by name. */
    private static List<Path> visibleEntries(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !name(p).startsWith("."))
                    .sorted((a, b) -> name(a).compareTo(name(b)))
                    .toList();
        } catch (IOException e) {
            throw InputFiles.cannotRead(dir, e);
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
