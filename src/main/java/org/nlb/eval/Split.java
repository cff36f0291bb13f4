package org.nlb.eval;

import org.nlb.data.Dataset;
import org.nlb.data.ImageSet;

/** Which part of a data set a command reads. */
public enum Split {
    TRAIN,
    TEST;

    public ImageSet of(Dataset dataset) {
        return this == TRAIN ? dataset.train() : dataset.test();
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
