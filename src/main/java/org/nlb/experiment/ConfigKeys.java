package org.nlb.experiment;

import java.util.function.Supplier;
import org.nlb.io.BadInputException;

/**
 * Checks of configuration values that name the offending key ({@code pretrain.victim_epochs}),
 * so that {@link ConfigLoader} can say which file and key hold a bad value.
 */
final class ConfigKeys {
    private ConfigKeys() {}

    static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new BadInputException(key, problem);
        }
    }

    static int atLeast(String key, int value, int min) {
        require(value >= min, key, "must be at least " + min + ", got " + value);
        return value;
    }

    static double positive(String key, double value) {
        require(value > 0 && Double.isFinite(value), key, "must be a positive number, got " + value);
        return value;
    }

    static double nonNegative(String key, double value) {
        require(value >= 0 && Double.isFinite(value), key, "must be a number ≥ 0, got " + value);
        return value;
    }

    static <T> T notNull(String key, T value) {
        require(value != null, key, "is missing");
        return value;
    }

    /**
     * Parses a name with a registry's own parser (which lists the valid names), reporting a
     * failure against {@code key} rather than the command-line option the registry names.
     */
    static <T> T parse(String key, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (BadInputException e) {
            throw new BadInputException(key, e.problem());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(key, e.getMessage());
        }
    }
}
