package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One step of the experiment (DESIGN §1) as a cacheable unit: its settings and inputs decide its
 * {@link StageKey}; it writes its outputs into its own directory, and {@link StageStore} marks
 * the directory complete only after it returns.
 *
 * @param <T> what later stages need from its outputs, read back from the directory
 */
interface Stage<T> {
    /** The instance's name, e.g. {@code victim-kmeans-s0}; its directory is {@code <name>-<key>}. */
    String name();

    /** A few words on what it does, for the progress line, e.g. {@code pretrain, 2 epochs on 4,000 images}. */
    String describe();

    /** Everything of its own that decides its output; it includes the stage's kind. */
    ObjectNode settings();

    /** The keys of the stages whose outputs it reads, by their names. */
    Map<String, StageKey> upstream();

    /**
     * Whether an unfinished directory is continued rather than redone (pretraining resumes from
     * its checkpoint).
     */
    default boolean resumable() {
        return false;
    }

    /** Whether the unfinished directory {@code dir} holds progress this stage will continue from. */
    default boolean resumesFrom(Path dir) {
        return false;
    }

    /** Images × epochs it trains, for the run's ETA; 0 for stages that do not train. */
    default long imageEpochs() {
        return 0;
    }

    /**
     * Writes the outputs into {@code dir}, which exists (and is empty unless {@link #resumable()}).
     *
     * @return the seconds to record for the stage, or {@code NaN} for the wall-clock time of this call
     */
    double run(Path dir);

    /** Reads the outputs back from a complete directory. */
    T read(Path dir);
}
