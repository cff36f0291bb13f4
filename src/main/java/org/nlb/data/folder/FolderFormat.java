package org.nlb.data.folder;

import java.io.IOException;
import java.nio.file.Path;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;

/**
 * ImageFolder layout, {@code folder:DIR} (DESIGN §6): {@code DIR/train/<class>/<image>} and
 * {@code DIR/test/<class>/<image>}, images in PNG or JPEG. Classes are the sorted names of the
 * train folders; images are read in (class, file name) order and keep their relative paths
 * ("cat/0001.png") as item names. See {@link FolderListing}, {@link FolderReader} and
 * {@link FolderWriter} for the rules.
 */
public final class FolderFormat {
    private FolderFormat() {}

    public static Dataset read(DatasetSpec spec, ReadOptions options) {
        return FolderReader.read(spec, options);
    }

    /** Writes {@code data} into the empty directory {@code dir} as PNG files. */
    public static void write(Dataset data, Path dir) throws IOException {
        FolderWriter.write(data, dir);
    }
}
