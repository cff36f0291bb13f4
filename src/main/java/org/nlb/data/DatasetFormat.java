package org.nlb.data;

import java.nio.file.Path;
import org.nlb.data.cifar.CifarFormat;
import org.nlb.data.folder.FolderFormat;
import org.nlb.data.idx.IdxFormat;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.HeapBudget;

/** The on-disk formats nlb reads and writes image sets in; the registry of readers and writers. */
public enum DatasetFormat {
    FASHION_MNIST("fashion-mnist", false),
    IDX("idx", true),
    CIFAR10("cifar10", true),
    CIFAR100("cifar100", true),
    CIFAR100_COARSE("cifar100-coarse", true),
    FOLDER("folder", true);

    private final String prefix;
    private final boolean takesPath;

    DatasetFormat(String prefix, boolean takesPath) {
        this.prefix = prefix;
        this.takesPath = takesPath;
    }

    /** The word before the colon in a spec. */
    public String prefix() {
        return prefix;
    }

    /** Whether the spec names a directory ({@code idx:DIR}) or stands alone ({@code fashion-mnist}). */
    public boolean takesPath() {
        return takesPath;
    }

    Dataset read(DatasetSpec spec, ReadOptions options) {
        return switch (this) {
            case FASHION_MNIST -> IdxFormat.readFashionMnist(spec);
            case IDX -> IdxFormat.read(spec);
            case CIFAR10, CIFAR100, CIFAR100_COARSE -> CifarFormat.read(spec);
            case FOLDER -> FolderFormat.read(spec, options);
        };
    }

    /** Writes {@code data} into the fresh directory {@code dir} in this format. */
    void writeInto(Dataset data, Path dir) throws java.io.IOException {
        switch (this) {
            case FASHION_MNIST, IDX -> IdxFormat.write(data, dir, IdxFormat.sourceIsCompressed(data.spec()));
            case CIFAR10, CIFAR100, CIFAR100_COARSE -> CifarFormat.write(data, dir);
            case FOLDER -> FolderFormat.write(data, dir);
        }
    }

    /**
     * Reads a data set from its spec. Readers check what headers declare against the file sizes and
     * the heap before they allocate; if the data is still too big for the heap, that is this input's
     * problem, reported as bad input naming it rather than as an internal error.
     */
    public static Dataset readDataset(DatasetSpec spec, ReadOptions options) {
        try {
            return spec.format().read(spec, options);
        } catch (OutOfMemoryError e) {
            throw new BadInputException(spec.path(), HeapBudget.outOfMemoryText(), e);
        }
    }

    /**
     * Writes {@code data} to directory {@code out} in the format it was read from, atomically;
     * a non-empty {@code out} is refused unless {@code replace}.
     */
    public static void writeDataset(Dataset data, Path out, boolean replace) {
        writeDataset(data, out, replace, dir -> { });
    }

    /**
     * As {@link #writeDataset(Dataset, Path, boolean)}, then {@code extra} adds its files (such as
     * a manifest of the files written) before the directory appears under its name.
     */
    public static void writeDataset(Dataset data, Path out, boolean replace, AtomicOutput.DirectoryContent extra) {
        AtomicOutput.writeDirectory(out, replace, dir -> {
            data.spec().format().writeInto(data, dir);
            extra.writeInto(dir);
        });
    }
}
