package org.nlb.artefact;

/**
 * Where a trigger moves test images in an encoder's feature space, as measured by
 * {@code org.nlb.eval.TriggerGeometry}: metrics.json's {@code trigger_geometry}, and one seed's
 * {@code trigger_geometry} in results.json's {@code runs}. Cosines in [−1, 1], NaN where undefined.
 *
 * @param triggerCosine mean over test images of cos(f(x), f(x + T))
 * @param targetPull mean over non-target test images of how much closer the trigger moves them to
 *     the target class's mean direction
 * @param triggeredSpread mean cosine over pairs of triggered test features
 * @param cleanSpread the same over the clean test features
 * @param features which features they were measured on (metrics.json only; {@code null} in results.json)
 */
public record GeometryValues(double triggerCosine, double targetPull, double triggeredSpread, double cleanSpread,
                             String features) {
    /** No measurement (a metrics.json written before the geometry existed). */
    public static final GeometryValues UNDEFINED = new GeometryValues(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            null);

    /** The four figures without the note on the features, as results.json holds them. */
    public GeometryValues figures() {
        return features == null ? this : new GeometryValues(triggerCosine, targetPull, triggeredSpread, cleanSpread, null);
    }
}
