package org.nlb.data.cifar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * Reads the official CIFAR binary files (DESIGN §6) strictly: every file must exist, be non-empty
 * and hold whole records, and every label must have a class name. All sizes are checked before
 * any file is read; each file is then streamed once, in 1 MB chunks of whole records, and copied
 * record by record (one arraycopy per image) into one buffer.
 */
final class CifarReader {
    /** Bytes read at a time: whole files would double the memory a 150 MB CIFAR-100 file needs. */
    private static final int CHUNK_BYTES = 1 << 20;
    private final CifarLayout layout;
    private final Path dir;
    private final Map<CifarLabelField, ClassNames> names = new LinkedHashMap<>();

    /** Class names of one label field and the file they came from (null: the standard names). */
    private record ClassNames(List<String> names, Path source) {}

    private CifarReader(CifarLayout layout, Path dir) {
        this.layout = layout;
        this.dir = dir;
    }

    static Dataset read(DatasetSpec spec) {
        return new CifarReader(CifarLayout.of(spec.format()), spec.path()).readAll(spec);
    }

    private Dataset readAll(DatasetSpec spec) {
        InputFiles.requireDirectory(dir);
        List<Path> trainFiles = layout.trainFiles().stream().map(dir::resolve).toList();
        Path testFile = dir.resolve(layout.testFile());
        long[] trainRecords = new long[trainFiles.size()];
        for (int k = 0; k < trainFiles.size(); k++) {
            trainRecords[k] = recordCount(trainFiles.get(k));
        }
        long testRecords = recordCount(testFile);
        for (CifarLabelField field : layout.fields()) {
            names.put(field, classNames(field));
        }
        ImageSet train = readRecords(trainFiles, trainRecords);
        ImageSet test = readRecords(List.of(testFile), new long[] {testRecords});
        return new Dataset(spec, train, test);
    }

    /** Records in {@code file}, after checking it exists, is not empty and holds whole records. */
    private long recordCount(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file, "not found; a " + layout.name() + " directory holds "
                    + String.join(", ", layout.trainFiles()) + " and " + layout.testFile());
        }
        InputFiles.requireRegularFile(file);
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
        int record = layout.recordBytes();
        if (bytes == 0) {
            throw new BadInputException(file, "is empty; a " + layout.name() + " file holds "
                    + record + "-byte records");
        }
        if (bytes % record != 0) {
            throw new BadInputException(file, "truncated: its " + bytes + " bytes are not a whole number of "
                    + record + "-byte " + layout.name() + " records (" + bytes / record + " records and "
                    + bytes % record + " bytes over)");
        }
        return bytes / record;
    }

    private ClassNames classNames(CifarLabelField field) {
        Path file = dir.resolve(field.namesFile());
        if (!Files.exists(file)) {
            return new ClassNames(field.standardNames(), null);
        }
        String text = new String(InputFiles.read(file), StandardCharsets.UTF_8);
        List<String> list = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            throw new BadInputException(file, "lists no class names");
        }
        return new ClassNames(list, file);
    }

    /** Decodes the records of {@code files} (whose record counts are known) into one set. */
    private ImageSet readRecords(List<Path> files, long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total * CifarLayout.IMAGE_BYTES > ImageSet.maxBytes()) {
            throw new BadInputException(files.get(0).getParent(), "holds " + total
                    + " images, more than nlb can hold in memory at once");
        }
        int n = (int) total;
        byte[] pixels = new byte[n * CifarLayout.IMAGE_BYTES];
        Map<CifarLabelField, int[]> labels = new LinkedHashMap<>();
        for (CifarLabelField field : layout.fields()) {
            labels.put(field, new int[n]);
        }
        int next = 0;
        for (int k = 0; k < files.size(); k++) {
            next = copyRecords(files.get(k), (int) counts[k], next, pixels, labels);
        }
        ImageSet set = ImageSet.of(pixels, n, CifarLayout.CHANNELS, CifarLayout.SIDE, CifarLayout.SIDE,
                new Labels(labels.get(layout.primary()), names.get(layout.primary()).names()));
        CifarLabelField secondary = layout.secondary();
        if (secondary != null) {
            set = set.withSecondaryLabels(new Labels(labels.get(secondary), names.get(secondary).names()));
        }
        return set;
    }

    /** Copies the {@code count} records of {@code file} to image {@code first} on; returns the next index. */
    private int copyRecords(Path file, int count, int first, byte[] pixels, Map<CifarLabelField, int[]> labels) {
        int record = layout.recordBytes();
        int perChunk = Math.max(1, CHUNK_BYTES / record);
        byte[] chunk = new byte[Math.min(count, perChunk) * record];
        List<CifarLabelField> fields = layout.fields();
        int labelBytes = layout.labelBytes();
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = 0; r < count; r += perChunk) {
                int m = Math.min(perChunk, count - r);
                if (in.readNBytes(chunk, 0, m * record) != m * record) {
                    throw new BadInputException(file, "changed while it was being read");
                }
                for (int j = 0; j < m; j++) {
                    int at = j * record;
                    int image = first + r + j;
                    for (CifarLabelField field : fields) {
                        int label = chunk[at + field.offset()] & 0xFF;
                        checkLabel(file, r + j, field, label);
                        labels.get(field)[image] = label;
                    }
                    System.arraycopy(chunk, at + labelBytes, pixels, image * CifarLayout.IMAGE_BYTES,
                            CifarLayout.IMAGE_BYTES);
                }
            }
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
        return first + count;
    }

    private void checkLabel(Path file, int record, CifarLabelField field, int label) {
        ClassNames classes = names.get(field);
        int count = classes.names().size();
        if (label < count) {
            return;
        }
        if (classes.source() != null) {
            throw new BadInputException(classes.source(), "lists " + count + " class names, but record "
                    + record + " of " + file.getFileName() + " has " + field.kind() + " " + label);
        }
        throw new BadInputException(file, "record " + record + " has " + field.kind() + " " + label + ", but "
                + layout.name() + " has only " + count + " classes (0.." + (count - 1) + ")");
    }
}
