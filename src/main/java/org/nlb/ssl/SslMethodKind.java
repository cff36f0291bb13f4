package org.nlb.ssl;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;

/** The SSL methods nlb trains, by their command-line names (DESIGN §5, §7). */
public enum SslMethodKind {
    /** SimCLR: NT-Xent between the two views' projections (Chen et al. 2020). */
    SIMCLR("simclr"),
    /** MoCo v2+: InfoNCE against a momentum encoder and a queue of past keys (Chen et al. 2020). */
    MOCOV2("mocov2"),
    /** BYOL: a predictor regresses an EMA target's projection (Grill et al. 2020). */
    BYOL("byol"),
    /** Barlow Twins: cross-correlation of the views pushed to the identity (Zbontar et al. 2021). */
    BARLOW("barlow");

    private final String cliName;

    SslMethodKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The method called {@code name}; an unknown name is bad input listing the valid ones. */
    public static SslMethodKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.cliName.equals(n)).findFirst()
                .orElseThrow(() -> new BadInputException("--method", "unknown method '" + name + "'; valid: "
                        + Arrays.stream(values()).map(SslMethodKind::cliName).collect(Collectors.joining(", "))));
    }

    /** Builds the method with its heads and loss; {@code params} gives their sizes and constants. */
    public SslMethod create(org.nlb.model.BackboneConfig backbone, MethodParams params) {
        return switch (this) {
            case SIMCLR -> new SimClr(backbone, params);
            case MOCOV2 -> new MocoV2Plus(backbone, params);
            case BYOL -> new Byol(backbone, params);
            case BARLOW -> new BarlowTwins(backbone, params);
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
