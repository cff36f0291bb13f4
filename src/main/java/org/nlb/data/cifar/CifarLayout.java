package org.nlb.data.cifar;

import java.util.List;
import org.nlb.data.DatasetFormat;

/**
 * The files and record layout of one CIFAR flavour (DESIGN §6). A record is its label bytes
 * followed by {@value #IMAGE_BYTES} pixel bytes: 1024 red, 1024 green, 1024 blue, each plane row
 * by row — already nlb's channel-first layout, so records copy straight into an ImageSet.
 *
 * @param name        how messages call the flavour ("CIFAR-10")
 * @param trainFiles  train files, read and written in this order
 * @param testFile    the test file
 * @param fields      the label bytes in record order
 * @param primary     the field that becomes the labels; the other one (CIFAR-100) is kept as
 *                    the secondary labels so that a copy can be written back whole
 */
record CifarLayout(String name, List<String> trainFiles, String testFile,
                   List<CifarLabelField> fields, CifarLabelField primary) {
    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;

    static final CifarLayout CIFAR10 = new CifarLayout("CIFAR-10",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin"),
            "test_batch.bin", List.of(CifarLabelField.CIFAR10), CifarLabelField.CIFAR10);
    static final CifarLayout CIFAR100 = cifar100(CifarLabelField.FINE);
    static final CifarLayout CIFAR100_COARSE = cifar100(CifarLabelField.COARSE);

    private static CifarLayout cifar100(CifarLabelField primary) {
        return new CifarLayout("CIFAR-100", List.of("train.bin"), "test.bin",
                List.of(CifarLabelField.COARSE, CifarLabelField.FINE), primary);
    }

    static CifarLayout of(DatasetFormat format) {
        return switch (format) {
            case CIFAR10 -> CIFAR10;
            case CIFAR100 -> CIFAR100;
            case CIFAR100_COARSE -> CIFAR100_COARSE;
            default -> throw new IllegalArgumentException(format + " is not a CIFAR format");
        };
    }

    /** Label bytes before the pixels of each record. */
    int labelBytes() {
        return fields.size();
    }

    int recordBytes() {
        return labelBytes() + IMAGE_BYTES;
    }

    /** The field stored as secondary labels, or null when records carry one label. */
    CifarLabelField secondary() {
        return fields.stream().filter(f -> !f.equals(primary)).findFirst().orElse(null);
    }
}
