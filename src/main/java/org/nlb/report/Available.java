package org.nlb.report;

import java.util.Optional;
import java.util.function.Function;

/**
 * An optional input of the report: its value, or a sentence saying why it is missing, which the
 * section that needed it shows instead of failing.
 */
final class Available<T> {
    private final T value;
    private final String missing;

    private Available(T value, String missing) {
        this.value = value;
        this.missing = missing;
    }

    static <T> Available<T> of(T value) {
        return new Available<>(value, null);
    }

    static <T> Available<T> missing(String why) {
        return new Available<>(null, why);
    }

    boolean present() {
        return value != null;
    }

    T get() {
        if (value == null) {
            throw new IllegalStateException("missing: " + missing);
        }
        return value;
    }

    /** Why it is missing; empty when present. */
    String why() {
        return missing == null ? "" : missing;
    }

    Optional<T> optional() {
        return Optional.ofNullable(value);
    }

    <R> Available<R> map(Function<T, R> f) {
        return value == null ? missing(missing) : of(f.apply(value));
    }
}
