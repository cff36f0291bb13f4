package org.nlb.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;

/**
 * Which features of a frozen encoder poison selection sees (DESIGN §1 step 3: "the feature space
 * is a setting"). The reference takes the backbone's output; at CPU scale the centred
 * backbone and the projector's output selected far purer poison sets.
 */
public enum FeatureSpace {
    /** The backbone's output (before the projector), rows L2-normalised: the reference's {@code F}. */
    BACKBONE,
    /**
     * {@link #BACKBONE}'s rows minus their column mean over the embedded rows, then rows
     * L2-normalised again: removes the direction every image shares, so cosine similarity
     * compares what differs between images.
     */
    CENTRED,
    /** The SSL projector head's output (the online projector), rows L2-normalised. */
    PROJECTOR;

    /** The name on the command line and in configs. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The space named {@code name} (any case); an unknown name is bad input listing the valid ones. */
    public static FeatureSpace parse(String name) {
        for (FeatureSpace s : values()) {
            if (s.cliName().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new BadInputException("--space", "unknown feature space '" + name + "'; use one of "
                + Arrays.stream(values()).map(FeatureSpace::cliName).collect(Collectors.joining(", ")));
    }

    /** Whether the images go through the projector after the backbone. */
    public boolean usesProjector() {
        return this == PROJECTOR;
    }

    /**
     * Turns the network's raw outputs ({@code rows × dim}, row-major) into this space's features
     * in place. Without {@code normalise} rows keep their length: raw outputs, and for
     * {@link #CENTRED} the raw outputs minus their column mean.
     */
    void finish(float[] x, int rows, int dim, boolean normalise) {
        if (this == CENTRED) {
            if (normalise) {
                Features.normaliseRows(x, rows, dim);
            }
            Features.centreColumns(x, rows, dim);
        }
        if (normalise) {
            Features.normaliseRows(x, rows, dim);
        }
    }
}
