package org.nlb.data;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;

/**
 * Where a data set is and how it is stored, parsed from a spec string such as
 * {@code fashion-mnist}, {@code idx:DIR}, {@code cifar10:DIR}, {@code cifar100:DIR},
 * {@code cifar100-coarse:DIR} or {@code folder:DIR} (DESIGN §6).
 */
public record DatasetSpec(DatasetFormat format, Path path) {
    /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** Environment variable that points {@code fashion-mnist} at another directory. */
    public static final String DATA_ENV = "NLB_DATA";

    public static DatasetSpec parse(String text) {
        return parse(text, System.getenv(DATA_ENV));
    }

    /** Parses {@code text}; {@code fashionMnistDir} (may be null) overrides the Debian location. */
    public static DatasetSpec parse(String text, String fashionMnistDir) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("dataset spec", "is empty; " + validForms());
        }
        if (text.equals(DatasetFormat.FASHION_MNIST.prefix())) {
            Path dir = fashionMnistDir == null || fashionMnistDir.isBlank()
                    ? DEBIAN_FASHION_MNIST : Path.of(fashionMnistDir);
            return new DatasetSpec(DatasetFormat.FASHION_MNIST, dir);
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new BadInputException(text, "not a dataset spec; " + validForms());
        }
        String prefix = text.substring(0, colon);
        DatasetFormat format = Arrays.stream(DatasetFormat.values())
                .filter(f -> f.takesPath() && f.prefix().equals(prefix))
                .findFirst()
                .orElseThrow(() -> new BadInputException(text,
                        "unknown dataset format '" + prefix + "'; " + validForms()));
        return new DatasetSpec(format, Path.of(text.substring(colon + 1)));
    }

    private static String validForms() {
        return "valid forms: " + Arrays.stream(DatasetFormat.values())
                .map(f -> f.takesPath() ? f.prefix() + ":DIR" : f.prefix())
                .collect(Collectors.joining(", "));
    }

    /**
     * What reading this spec reads, for {@link OutputGuard}: the data set's directory, which an
     * output may not be, contain or lie inside, and the target of every symbolic link under it,
     * since a link can lead out of it (an installed data set may link to files elsewhere).
     */
    public List<OutputGuard.Input> inputs() {
        String label = "the data set " + this + (format.takesPath() ? "" : " (" + path + ")");
        List<OutputGuard.Input> inputs = new ArrayList<>();
        inputs.add(OutputGuard.Input.tree(label, path));
        if (!Files.isDirectory(path)) {
            return inputs; // reading it will say what is wrong
        }
        try {
            // from the resolved directory: a walk does not enter a link it starts at
            Files.walkFileTree(OutputGuard.canonical(path), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        inputs.add(OutputGuard.Input.tree(label, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a directory that cannot be listed fails when it is read, with the error naming it
        }
        return inputs;
    }

    @Override
    public String toString() {
        return format.takesPath() ? format.prefix() + ":" + path : format.prefix();
    }
}
