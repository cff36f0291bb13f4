package org.nlb.artefact;

/**
 * A selector's trigger geometry ({@link GeometryValues}) over the seeds: results.json's
 * {@code selectors.<name>.trigger_geometry} (the victims) and {@code trigger_geometry_clean_encoder}
 * (the clean encoder, same trigger and target). A figure a file does not hold is {@code null}.
 */
public record GeometryStats(Stat triggerCosine, Stat targetPull, Stat triggeredSpread, Stat cleanSpread) {}
