package org.nlb.data.cifar;

import java.io.IOException;
import java.nio.file.Path;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;

/**
 * CIFAR-10 and CIFAR-100, binary version (DESIGN §6).
 * <ul>
 *   <li>{@code cifar10:DIR}: {@code data_batch_1.bin} … {@code data_batch_5.bin} (train, in that
 *       order) and {@code test_batch.bin}; records of 1 label byte and 3072 pixel bytes; class
 *       names from {@code batches.meta.txt} if present.</li>
 *   <li>{@code cifar100:DIR}: {@code train.bin} and {@code test.bin}; records of a coarse label
 *       byte, a fine label byte and 3072 pixel bytes. Labels are the 100 fine classes, the 20
 *       coarse ones are kept as secondary labels; names from {@code fine_label_names.txt} and
 *       {@code coarse_label_names.txt} if present.</li>
 *   <li>{@code cifar100-coarse:DIR}: the same files with the coarse labels as labels.</li>
 * </ul>
 * Without a names file the official class names are used.
 */
public final class CifarFormat {
    private CifarFormat() {}

    public static Dataset read(DatasetSpec spec) {
        return CifarReader.read(spec);
    }

    /** Writes {@code data} into the empty directory {@code dir}, in the CIFAR flavour of its spec. */
    public static void write(Dataset data, Path dir) throws IOException {
        CifarWriter.write(data, dir);
    }
}
