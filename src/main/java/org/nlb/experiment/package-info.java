/**
 * {@code nlb run}: the whole experiment of DESIGN §1 — split, the attacker's encoder, its
 * features, every selector's poison set, a victim per selector, and the probes of DESIGN §4 on
 * each victim and on the clean encoder — as cached, resumable stages in one run directory
 * ({@code /work/notes/run-contract.md}: {@code stages/<stage>-<key>/}, {@code results.json}).
 *
 * <p>Configuration: {@link org.nlb.experiment.RunConfig} (validated records), read by
 * {@link org.nlb.experiment.ConfigLoader} from a preset, a YAML/JSON file and the command line.
 * Execution: {@link org.nlb.experiment.ExperimentRunner} runs {@link org.nlb.experiment.Stage}s
 * through a {@link org.nlb.experiment.StageStore}, and {@link org.nlb.experiment.ResultsAggregator}
 * turns the per-seed figures into mean ± std.
 *
 * <p>{@code nlb sweep}: {@link org.nlb.experiment.Sweep} runs the protocol once per
 * {@link org.nlb.experiment.SweepPoint} of a {@link org.nlb.experiment.SweepGrid} (rates × SSL
 * methods), every point a run directory whose stages live in one shared store, and writes
 * sweep.json ({@link org.nlb.experiment.SweepJson}) and sweep.html ({@link org.nlb.report.SweepReport}).
 */
package org.nlb.experiment;
