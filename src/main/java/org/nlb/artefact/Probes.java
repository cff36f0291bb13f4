package org.nlb.artefact;

/**
 * Something per probe: {@code {"linear": …, "knn": …}}; a probe that was not run is {@code null}.
 *
 * @param <T> what each probe has
 */
public record Probes<T>(T linear, T knn) {
    /** The probe's entry, or {@code null}. */
    public T get(Probe probe) {
        return probe == Probe.LINEAR ? linear : knn;
    }
}
