package org.nlb.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;

/** The backbones nlb can build, by their command-line names (DESIGN §5). */
public enum BackboneKind {
    /** ResNet-18 with the CIFAR stem (3×3 stride-1 convolution, no max-pool), as solo-learn. */
    RESNET18("resnet18"),
    /** A small residual network for CPU-scale runs; widths configurable. */
    SMALL("small");

    private final String cliName;

    BackboneKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The backbone called {@code name}; an unknown name is bad input listing the valid ones. */
    public static BackboneKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.cliName.equals(n)).findFirst()
                .orElseThrow(() -> new BadInputException("--backbone", "unknown backbone '" + name
                        + "'; valid: " + Arrays.stream(values()).map(BackboneKind::cliName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
