/**
 * The artefacts a run leaves on disk, as one typed contract: immutable records for
 * {@code results.json} ({@link org.nlb.artefact.RunResults}), {@code sweep.json}
 * ({@link org.nlb.artefact.SweepResults}), {@code poison.json} ({@link org.nlb.artefact.PoisonFile}),
 * {@code metrics.json} ({@link org.nlb.artefact.ProbeMetrics}), a poisoned copy's
 * {@code manifest.json} ({@link org.nlb.artefact.Manifest}) and a stage's {@code stage.json}
 * ({@link org.nlb.artefact.StageRecord}). The code that writes a file builds its record, the code
 * that reads it gets the same record back: the JSON keys are the records' component names in
 * snake_case and are spelled nowhere else.
 *
 * <p>Every file is read and written through {@link org.nlb.artefact.Artefacts} (snake_case keys,
 * an undefined number — NaN — written as {@code null} and read back as NaN, indented output).
 * Over the seeds of a run every figure is a {@link org.nlb.artefact.Stat}. A record checks its
 * own invariants; a malformed file is a {@link org.nlb.artefact.MalformedArtefactException} whose
 * message names the field. This package depends on Jackson and the JDK only.
 */
package org.nlb.artefact;
