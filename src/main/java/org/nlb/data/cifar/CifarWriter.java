package org.nlb.data.cifar;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlb.data.Dataset;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;

/**
 * Writes a data set back as the CIFAR binary files it was read from (DESIGN §6), with the same
 * file names and record layout, plus the class-name files.
 *
 * <p>CIFAR-10's train images are spread over the five {@code data_batch_*.bin} files in order,
 * {@code N / 5} per file, with the remainder of that division going into {@code data_batch_5.bin}
 * (50 000 images give the original 10 000 per file). A set of fewer than five train images is
 * refused, because the reader refuses empty files. Everything is checked before the first byte is
 * written, so a refused set leaves nothing behind.
 */
final class CifarWriter {
    private final CifarLayout layout;
    private final Dataset data;

    private CifarWriter(Dataset data) {
        this.layout = CifarLayout.of(data.spec().format());
        this.data = data;
    }

    static void write(Dataset data, Path dir) throws IOException {
        new CifarWriter(data).writeInto(dir);
    }

    private void writeInto(Path dir) throws IOException {
        checkShape(data.train());
        Map<CifarLabelField, Labels> train = labelsByField(data.train(), "train");
        Map<CifarLabelField, Labels> test = labelsByField(data.test(), "test");
        int[] batchSizes = batchSizes(data.train().size());
        for (CifarLabelField field : layout.fields()) {
            checkNames(field, train.get(field), test.get(field));
        }
        int from = 0;
        for (int k = 0; k < batchSizes.length; k++) {
            writeRecords(dir.resolve(layout.trainFiles().get(k)), data.train(), train, from, from + batchSizes[k]);
            from += batchSizes[k];
        }
        writeRecords(dir.resolve(layout.testFile()), data.test(), test, 0, data.test().size());
        for (CifarLabelField field : layout.fields()) {
            String text = String.join("\n", train.get(field).classNames()) + "\n";
            Files.writeString(dir.resolve(field.namesFile()), text, StandardCharsets.UTF_8);
        }
    }

    /** Images per train file: equal shares, the remainder in the last file. */
    private int[] batchSizes(int n) {
        int files = layout.trainFiles().size();
        if (n < files) {
            throw refuse(layout.name() + " spreads the train images over " + files + " files and none may be"
                    + " empty, so it needs at least " + files + " train images; this set has " + n);
        }
        if (data.test().size() == 0) {
            throw refuse("the test set is empty, and an empty " + layout.testFile() + " could not be read back");
        }
        int[] sizes = new int[files];
        java.util.Arrays.fill(sizes, n / files);
        sizes[files - 1] += n % files;
        return sizes;
    }

    private void checkShape(ImageSet set) {
        if (set.channels() != CifarLayout.CHANNELS || set.height() != CifarLayout.SIDE
                || set.width() != CifarLayout.SIDE) {
            throw refuse(layout.name() + " files hold 3x32x32 images, these are " + set.shapeText());
        }
    }

    /** The labels for each label byte of a record: the primary labels and, for CIFAR-100, the secondary ones. */
    private Map<CifarLabelField, Labels> labelsByField(ImageSet set, String part) {
        Map<CifarLabelField, Labels> out = new LinkedHashMap<>();
        for (CifarLabelField field : layout.fields()) {
            boolean primary = field.equals(layout.primary());
            Labels labels = (primary ? set.labels() : set.secondaryLabels()).orElseThrow(() -> refuse(
                    "every " + layout.name() + " record holds a " + field.kind() + ", but the " + part
                            + " images have no " + field.kind() + "s"));
            if (labels.classCount() > 256) {
                throw refuse("a " + layout.name() + " " + field.kind() + " is one byte, but there are "
                        + labels.classCount() + " classes");
            }
            out.put(field, labels);
        }
        return out;
    }

    /** Names must survive the names file: one per line, read back stripped, blank lines skipped. */
    private void checkNames(CifarLabelField field, Labels train, Labels test) {
        if (!train.classNames().equals(test.classNames())) {
            throw refuse("the train and test " + field.kind() + "s have different class names");
        }
        for (String name : train.classNames()) {
            if (name.isEmpty() || !name.equals(name.strip()) || name.contains("\n") || name.contains("\r")) {
                throw refuse("class name '" + name + "' cannot be stored in " + field.namesFile()
                        + " (one name per line, without surrounding spaces)");
            }
        }
    }

    private void writeRecords(Path file, ImageSet set, Map<CifarLabelField, Labels> labels, int from, int to)
            throws IOException {
        List<CifarLabelField> fields = layout.fields();
        byte[] head = new byte[layout.labelBytes()];
        byte[] pixels = set.pixels();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = from; i < to; i++) {
                for (CifarLabelField field : fields) {
                    head[field.offset()] = (byte) labels.get(field).get(i);
                }
                out.write(head);
                out.write(pixels, i * CifarLayout.IMAGE_BYTES, CifarLayout.IMAGE_BYTES);
            }
        }
    }

    private BadInputException refuse(String problem) {
        return new BadInputException(data.spec().toString(), "cannot write as " + layout.name() + ": " + problem);
    }
}
