package org.nlb.experiment;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nlb.artefact.SweepResults;
import org.nlb.io.BadInputException;
import org.nlb.report.SweepReport;

/**
 * {@code nlb sweep}: the {@code nlb run} protocol (DESIGN §1) once per point of a grid
 * of poison rates × SSL methods, each point a run directory {@code DIR/points/<name>} with its own
 * results.json and report.html. All points share one stage store, {@code DIR/stages}: a stage's
 * key hashes its settings and inputs, so the stages that do not depend on the rate — the split,
 * each method's clean (attacker's) encoder and its features, the clean encoder's probes for a
 * target already probed — are done once and reused by every point. Everything is checked before
 * anything is written; a killed sweep continues where it stopped when run again. Ends with
 * {@code DIR/sweep.json} and {@code DIR/sweep.html}.
 */
public final class Sweep {
    /** The HTML file of a sweep, next to sweep.json. */
    public static final String HTML_FILE = SweepReport.FILE;

    private Sweep() {}

    /**
     * What to sweep.
     *
     * @param grid the rates and methods
     * @param config the preset, config file, {@code --data} and {@code --seeds} every point shares
     * @param out the sweep directory
     * @param force empty a non-empty {@code out} first
     * @param command the command line, for sweep.json and each point's run.json
     */
    public record Request(SweepGrid grid, ConfigLoader.Request config, Path out, boolean force, List<String> command) {}

    /** What the sweep wrote. */
    public record Result(Path dir, Path sweepJson, SweepResults json) {}

    /** Runs every point, then writes sweep.json and sweep.html; progress goes to {@code err}. */
    public static Result run(Request request, PrintWriter err) {
        String started = Instant.now().toString();
        List<SweepPoint> points = SweepPoint.of(request.grid(), request.config());
        // the points differ in rate and method only: one config file, one data set, one trigger
        RunDirectory.refuseInputs(request.out(), points.get(0).loaded());
        SweepDirectory dir = SweepDirectory.check(request.out(), request.force(),
                points.stream().map(SweepPoint::name).toList());
        if (dir.continues()) {
            err.println("continuing the sweep in " + request.out() + " (finished stages are reused)");
        }
        dir.start();
        RunConfig first = points.get(0).loaded().config();
        if (first.lanes() > 1) {
            err.println("note: nlb sweep trains in one process with " + first.threadCount() + " threads; lanes: "
                    + first.lanes() + " applies to nlb run only");
        }
        Throughput throughput = new Throughput();
        List<SweepJson.Finished> finished = new ArrayList<>();
        Set<String> trainedMethods = new HashSet<>();
        for (int k = 0; k < points.size(); k++) {
            SweepPoint point = points.get(k);
            String eta = throughput.known() ? ", sweep ETA " + RunProgress.duration(
                    throughput.secondsFor(remainingImageEpochs(points.subList(k, points.size()), trainedMethods))) : "";
            err.println("point " + (k + 1) + "/" + points.size() + " (" + point.label(request.grid().namesMethods()) + ")"
                    + eta);
            err.flush();
            Path pointDir = dir.point(point.name());
            ExperimentRunner.Result result = ExperimentRunner.runPoint(point.inputs(), RunDirectory.check(pointDir, false),
                    new ExperimentRunner.Request(point.loaded(), pointDir, false, request.command()), dir.stages(),
                    throughput, err);
            trainedMethods.add(point.method());
            finished.add(new SweepJson.Finished(point, result.json()));
        }
        SweepResults json = SweepJson.of(request.grid(), finished, request.command(), started, Instant.now().toString());
        dir.writeSweep(json);
        Path done = dir.complete();
        writeHtml(done, err);
        return new Result(done, done.resolve(SweepDirectory.SWEEP_FILE), json);
    }

    /**
     * The training left in {@code points}: their victims, and the clean encoders of methods not
     * yet trained (the other points of a method reuse them). Stages another sweep already
     * finished are counted too, so on a resumed sweep this is an upper bound.
     */
    private static long remainingImageEpochs(List<SweepPoint> points, Set<String> trainedMethods) {
        Set<String> seen = new HashSet<>(trainedMethods);
        long total = 0;
        for (SweepPoint p : points) {
            total += ExperimentRunner.imageEpochs(p.loaded().config(), p.pretrainImages(), seen.add(p.method()));
        }
        return total;
    }

    /** sweep.html; like a run's report it does not fail the sweep, as sweep.json is complete. */
    private static void writeHtml(Path dir, PrintWriter err) {
        try {
            err.println("sweep report -> " + SweepReport.write(dir));
        } catch (RuntimeException e) {
            err.println("sweep report: not written (" + (e instanceof BadInputException b ? b.problem() : e.toString())
                    + "); sweep.json is complete");
        }
        err.flush();
    }
}
