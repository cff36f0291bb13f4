package org.nlb.experiment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;

/**
 * Where the attacker's features for selection live (DESIGN §1 step 3): the reference's
 * L2-normalised backbone output, the same centred (column mean subtracted, rows re-normalised:
 * backbone features sit in a narrow cone, centring spreads them), or the projector's output.
 */
public enum FeatureSpace {
    BACKBONE("backbone"),
    CENTRED("centred"),
    PROJECTOR("projector");

    private final String cliName;

    FeatureSpace(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static FeatureSpace parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.cliName.equals(n)).findFirst()
                .orElseThrow(() -> new BadInputException("feature_space", "unknown feature space '" + name
                        + "'; valid: " + Arrays.stream(values()).map(FeatureSpace::cliName)
                        .collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
