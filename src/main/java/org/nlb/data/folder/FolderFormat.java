package org.nlb.data.folder;

import java.nio.file.Path;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ReadOptions;

/** ImageFolder layout. */
public final class FolderFormat {
    private FolderFormat() {}

    public static Dataset read(DatasetSpec spec, ReadOptions options) {
        throw new UnsupportedOperationException("folder reading is not written yet");
    }

    public static void write(Dataset data, Path dir) {
        throw new UnsupportedOperationException("folder writing is not written yet");
    }
}
