package org.nlb.data;

import java.nio.file.Path;

/**
 * An index file from {@code nlb datasets split} ({@code pretrain.npy}: 1-D int64 positions in
 * the train set). With it, the indices of a {@code poison.json} are positions in this subset,
 * as a selector run on the pretrain features produces them (DESIGN §1).
 *
 * @param file where it was read from
 * @param trainIndices the subset's positions in the train set, distinct
 */
public record IndexSubset(Path file, int[] trainIndices) {
    /** Reads {@code file} and checks it against a train set of {@code trainSize} images. */
    public static IndexSubset read(Path file, int trainSize) {
        return new IndexSubset(file, IndexFile.read(file, trainSize));
    }

    public int size() {
        return trainIndices.length;
    }

    @Override
    public int[] trainIndices() {
        return trainIndices.clone();
    }
}
