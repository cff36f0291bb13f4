package org.nlb.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.nlb.artefact.Probes;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SeedResults;
import org.nlb.data.ImageSet;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;
import org.nlb.poison.select.FeatureMatrix;
import org.nlb.poison.select.SelectionOptions;
import org.nlb.poison.select.SelectionStrategy;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggeredImages;
import org.nlb.report.RunReport;
import org.nlb.train.PretrainConfig;

/**
 * {@code nlb run} (DESIGN §1): checks everything, then runs the stages — the split once; per seed
 * the clean (attacker's) encoder, its features, every selector's poison set, the clean encoder of
 * the victims' schedule if it differs, and per selector the victim and the probes on it and on
 * the clean encoder, and with {@code probe.at_epochs} the same probes on both encoders' mid-run
 * snapshots — through a {@link StageStore}, so that a second run with the same
 * {@code --out} reuses every stage whose settings did not change, and a killed run continues.
 * Ends with results.json and report.html. With {@code lanes} > 1 the seeds' stages run in child
 * processes ({@link LaneScheduler}, {@link #runLaneTask}) and this process only reads them back.
 */
public final class ExperimentRunner {
    private final RunInputs inputs;
    private final ConfigLoader.Loaded loaded;
    private final StageStore store;
    private final int threads;
    private final PrintWriter err;
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    private final RunProgress progress;

    /**
     * What to run.
     *
     * @param loaded the resolved configuration
     * @param out the run directory
     * @param force empty a non-empty {@code out} that holds no run first (a run is always continued)
     * @param command the command line, for run.json
     */
    public record Request(ConfigLoader.Loaded loaded, Path out, boolean force, List<String> command) {}

    /** What the run wrote. */
    public record Result(Path dir, Path results, RunResults json) {}

    /** {@code threads}: what the stages train and select with, part of the pretraining stages' keys. */
    private ExperimentRunner(RunInputs inputs, ConfigLoader.Loaded loaded, StageStore store, int threads,
                             RunProgress progress, PrintWriter err) {
        this.inputs = inputs;
        this.loaded = loaded;
        this.store = store;
        this.threads = threads;
        this.err = err;
        this.progress = progress;
    }

    private ExperimentRunner(RunInputs inputs, ConfigLoader.Loaded loaded, StageStore store,
                             Throughput throughput, PrintWriter err) {
        this(inputs, loaded, store, inputs.config().threadCount(),
                plan(inputs.config(), inputs.budget().n(), throughput, err), err);
    }

    /**
     * Runs the experiment; progress goes to {@code err}. Bad input is refused before anything is
     * written. With {@code lanes} > 1 the encoders train in {@code launcher}'s processes
     * ({@link LaneScheduler}) and this process writes the split, then results.json and the report.
     */
    public static Result run(Request request, LaneProcesses launcher, PrintWriter err) {
        long start = System.nanoTime();
        RunDirectory.refuseInputs(request.out(), request.loaded());
        RunInputs inputs = RunInputs.load(request.loaded().config());
        RunDirectory dir = RunDirectory.check(request.out(), request.force());
        if (inputs.config().lanes() > 1) {
            return runInLanes(inputs, dir, request, launcher, err, start);
        }
        return run(inputs, dir, request, new StageStore(dir.path()), new Throughput(), err, start);
    }

    /**
     * Runs one {@link LaneTask} (given as {@link LaneTask#id()}) of the run in {@code request.out()}
     * with {@code threads} threads: the split (done already), then the task's stages; refused when
     * the configuration no longer resolves to the run's ({@code configSha256}). Its progress
     * goes to {@code err}, the lane's log; {@code report} gets the images it trained and the
     * seconds that took, as JSON, for the run's ETA.
     */
    public static void runLaneTask(Request request, String task, int threads, String configSha256, PrintWriter err,
                                   PrintWriter report) {
        LaneTask lane = LaneTask.parse(task, LaneProcesses.TASK_OPTION);
        LaneProcesses.stopWithTheRun();
        LaneProcesses.checkSameConfig(request.loaded(), configSha256);
        // the run's directory as the run resolved it: DIR, or DIR's replacement under --force
        Path dir = RunDirectory.check(request.out(), request.force()).path();
        LaneProcesses.holdTaskLock(dir, lane);
        RunInputs inputs = RunInputs.load(request.loaded().config().withThreads(threads));
        Throughput throughput = new Throughput();
        ExperimentRunner runner = new ExperimentRunner(inputs, request.loaded(), new StageStore(dir),
                throughput, err);
        runner.runSeed(lane.seed(), runner.pretrainSet(), lane::trainsVictimOf);
        report.printf(Locale.ROOT, "{\"trained_image_epochs\": %.0f, \"training_seconds\": %.3f}%n",
                throughput.images(), throughput.seconds());
        report.flush();
    }

    /** The split here, every encoder in the lanes, then results.json from the stages they wrote. */
    private static Result runInLanes(RunInputs inputs, RunDirectory dir, Request request, LaneProcesses launcher,
                                     PrintWriter err, long start) {
        RunConfig config = inputs.config();
        StageStore store = new StageStore(dir.path());
        begin(inputs, dir, request, err);
        int images = inputs.budget().n();
        PretrainSettings p = config.pretrain();
        int threads = config.laneThreads();
        LaneScheduler lanes = new LaneScheduler(launcher, config.lanes(), threads, dir.path(),
                config.seedList(), config.attack().selectors(),
                (long) images * (p.attackerEpochs() + (p.cleanIsAttacker() ? 0 : p.victimEpochs())),
                (long) images * p.victimEpochs(), err);
        int lines = 1 + lanes.taskCount();
        err.printf(Locale.ROOT, "%d lanes of %d thread%s train the run's %d tasks; each task's log is in %s%n",
                config.lanes(), threads, threads == 1 ? "" : "s", lanes.taskCount(),
                dir.path().resolve(LaneScheduler.LANES_DIR));
        RunProgress splitOnly = new RunProgress(err, lines, 0);
        new ExperimentRunner(inputs, request.loaded(), store, threads, splitOnly, err).stage(new SplitStage(inputs));
        lanes.run(2, lines);
        // every stage is finished now: this pass (with the lanes' thread count, so the lanes' keys)
        // only reads them back, so its lines would be noise
        RunProgress quiet = new RunProgress(new PrintWriter(Writer.nullWriter()), lines, 0);
        return finish(dir, new ExperimentRunner(inputs, request.loaded(), store.finishedOnly(), threads, quiet, err)
                .runAll(start), err);
    }

    /**
     * One point of {@code nlb sweep}: its inputs were loaded and its directory checked with the
     * sweep's other points, before anything was written; its stages live in the sweep's shared
     * {@code stagesDir} and its ETA uses the sweep's {@code throughput}.
     */
    static Result runPoint(RunInputs inputs, RunDirectory dir, Request request, Path stagesDir, Throughput throughput,
                           PrintWriter err) {
        return run(inputs, dir, request, new StageStore(dir.path(), stagesDir), throughput, err, System.nanoTime());
    }

    private static Result run(RunInputs inputs, RunDirectory dir, Request request, StageStore store,
                              Throughput throughput, PrintWriter err, long start) {
        ExperimentRunner runner = new ExperimentRunner(inputs, request.loaded(), store, throughput, err);
        begin(inputs, dir, request, err);
        return finish(dir, runner.runAll(start), err);
    }

    /** run.json and config.json, saying first when an earlier run is continued. */
    private static void begin(RunInputs inputs, RunDirectory dir, Request request, PrintWriter err) {
        if (dir.continues()) {
            err.println("continuing the run in " + request.out() + " (finished stages are reused)");
        }
        dir.start(RunJson.tree(inputs.config()), request.loaded().preset(), request.loaded().configFile(),
                request.command());
    }

    /**
     * results.json and the end in run.json, which complete the run (a replacing run takes its
     * directory's place then), then the report, drawn where the run now is.
     */
    private static Result finish(RunDirectory dir, RunResults results, PrintWriter err) {
        dir.writeResults(results);
        dir.finish();
        Path done = dir.complete();
        writeReport(done, err);
        return new Result(done, done.resolve(RunDirectory.RESULTS_FILE), results);
    }

    /**
     * report.html (org.nlb.report). results.json is the run's outcome; a report that cannot be
     * drawn is said on stderr and does not fail the run, as {@code nlb report --run DIR} redraws it.
     */
    private static void writeReport(Path dir, PrintWriter err) {
        try {
            Path report = RunReport.write(dir);
            err.println("report -> " + report);
        } catch (RuntimeException e) {
            err.println("report: not written (" + (e instanceof BadInputException b ? b.problem() : e.toString())
                    + "); results.json is complete, retry with: nlb report --run " + dir);
        }
        err.flush();
    }

    /** Every stage, then results.json's content; {@code start} is when the command started. */
    private RunResults runAll(long start) {
        RunConfig config = inputs.config();
        Pretrain pretrain = pretrainSet();
        StageStore.Done<SplitStage.Output> split = pretrain.split();
        ImageSet images = pretrain.images();
        List<SeedRun> runs = new ArrayList<>();
        for (long seed : config.seedList()) {
            runs.add(runSeed(seed, pretrain, name -> true));
        }
        return ResultsJson.of(inputs, loaded.preset(), runs, images.size(), split.output().downstream().length,
                new RunResults.SplitFiles(store.relative(split.output().pretrainFile()),
                        store.relative(split.output().downstreamFile())),
                stageSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** The split, the pretrain images it picks (pixels only) and their labels (for the evaluation only). */
    private record Pretrain(StageStore.Done<SplitStage.Output> split, ImageSet images, Labels labels) {}

    /** The split stage and its pretrain set; the encoders see pixels only, labels stay with the evaluation. */
    private Pretrain pretrainSet() {
        StageStore.Done<SplitStage.Output> split = stage(new SplitStage(inputs));
        ImageSet picked = inputs.train().subset(split.output().pretrain());
        ImageSet pixels = ImageSet.of(picked.pixels(), picked.size(), picked.channels(), picked.height(), picked.width());
        return new Pretrain(split, pixels, picked.labels().orElseThrow());
    }

    /**
     * One seed's stages: its clean encoder, features and poison sets, and the victims (and their
     * probes) of the selectors {@code victims} accepts.
     */
    private SeedRun runSeed(long seed, Pretrain pretrain, Predicate<String> victims) {
        StageStore.Done<SplitStage.Output> split = pretrain.split();
        ImageSet images = pretrain.images();
        RunConfig config = inputs.config();
        PretrainSettings p = config.pretrain();
        int channels = images.channels();
        String cleanName = StageNames.cleanPretrain(seed);
        Map<String, StageKey> fromSplit = Map.of(SplitStage.NAME, split.key());
        ObjectNode cleanData = describe(images, 0, null);
        List<Integer> snapshots = config.probe().atEpochs(); // of the victims' schedule, the clean encoder's too

        PretrainConfig attackerConfig = p.config(channels, p.attackerEpochs(), seed, threads);
        StageStore.Done<PretrainStage.Output> attacker = stage(new PretrainStage(cleanName, attackerConfig, images,
                cleanData, p.cleanIsAttacker() ? snapshots : List.of(), fromSplit, err, progress));
        String featuresName = StageNames.features(seed);
        StageStore.Done<FeatureMatrix> features = stage(new FeaturesStage(featuresName, attacker.output().dir(), images,
                config.attack().space(), config.probe().batchSize(), Map.of(cleanName, attacker.key())));

        Map<String, StageStore.Done<SelectStage.Output>> selections = new LinkedHashMap<>();
        for (SelectionStrategy strategy : config.attack().strategies()) {
            SelectionOptions options = SelectionOptions.seeded(seed).withThreads(threads);
            if (strategy == SelectionStrategy.KMEANS) {
                options = options.withClusters(config.attack().kmeansClusters());
            }
            Map<String, StageKey> upstream = strategy.usesFeatureGeometry()
                    ? ordered(SplitStage.NAME, split.key(), featuresName, features.key()) : fromSplit;
            selections.put(strategy.cliName(), stage(new SelectStage(StageNames.select(strategy.cliName(), seed),
                    strategy, features::output, pretrain.labels(), inputs.budget(), options, upstream)));
        }

        PretrainConfig victimConfig = p.config(channels, p.victimEpochs(), seed, threads);
        StageStore.Done<PretrainStage.Output> clean = p.cleanIsAttacker() ? attacker
                : stage(new PretrainStage(cleanName, victimConfig, images, cleanData, snapshots, fromSplit, err,
                        progress));

        Trigger trigger = inputs.trigger().buildFor(ImageShape.of(images));
        Map<String, SeedResults.Selector> outcomes = new LinkedHashMap<>();
        Map<String, SeedRun.Steps> steps = new LinkedHashMap<>();
        Probes<Double> cleanAccuracy = null;
        for (Map.Entry<String, StageStore.Done<SelectStage.Output>> e : selections.entrySet()) {
            String name = e.getKey();
            if (!victims.test(name)) {
                continue;
            }
            StageStore.Done<SelectStage.Output> selection = e.getValue();
            SelectStage.Output poison = selection.output();
            ImageSet poisoned = TriggeredImages.at(images, poison.indices(), trigger);
            String victimName = StageNames.victim(name, seed);
            StageStore.Done<PretrainStage.Output> victim = stage(new PretrainStage(victimName, victimConfig, poisoned,
                    describe(poisoned, poison.indices().length, selection.dir().getFileName().toString()), snapshots,
                    ordered(SplitStage.NAME, split.key(), selection.record().stage(), selection.key()), err, progress));
            StageStore.Done<ProbeStage.Output> probe = stage(probe(StageNames.probe(name, false, seed, 0), victim, victimName,
                    split, poison.target(), seed, 0));
            StageStore.Done<ProbeStage.Output> cleanProbe = stage(probe(StageNames.probe(name, true, seed, 0), clean,
                    cleanName, split, poison.target(), seed, 0));
            ProbeStage.Output v = probe.output();
            ProbeStage.Output c = cleanProbe.output();
            List<SeedResults.Epoch> byEpoch = null;
            if (!snapshots.isEmpty()) {
                byEpoch = new ArrayList<>();
                for (int epoch : snapshots) {
                    ProbeStage.Output ve = stage(probe(StageNames.probe(name, false, seed, epoch), victim, victimName, split,
                            poison.target(), seed, epoch)).output();
                    ProbeStage.Output ce = stage(probe(StageNames.probe(name, true, seed, epoch), clean, cleanName, split,
                            poison.target(), seed, epoch)).output();
                    byEpoch.add(epoch(epoch, ve, ce));
                }
                byEpoch.add(epoch(p.victimEpochs(), v, c));
            }
            outcomes.put(name, new SeedResults.Selector(name, store.relative(poison.file()), store.relative(victim.dir()),
                    store.relative(v.file()), store.relative(c.file()), poison.target(), poison.ccr(),
                    ResultsAggregator.values(v.linear(), c.linear()), ResultsAggregator.values(v.knn(), c.knn()),
                    v.geometry(), c.geometry(), byEpoch));
            steps.put(name, new SeedRun.Steps(poison.seconds(), victim.seconds(), probe.seconds()));
            if (cleanAccuracy == null) {
                cleanAccuracy = new Probes<>(c.linear().cleanAcc(), c.knn().cleanAcc());
            }
        }
        SeedResults entry = new SeedResults(seed, new SeedResults.Attacker(store.relative(attacker.dir()),
                store.relative(features.dir().resolve(FeaturesStage.FILE)), round(attacker.seconds())),
                new SeedResults.Clean(store.relative(clean.dir())), outcomes);
        return new SeedRun(entry, cleanAccuracy, steps);
    }

    /** One epoch's probes of a selector in one seed: the victim's against the clean encoder's. */
    private SeedResults.Epoch epoch(int epoch, ProbeStage.Output victim, ProbeStage.Output clean) {
        return new SeedResults.Epoch(epoch, store.relative(victim.file()), store.relative(clean.file()),
                ResultsAggregator.values(victim.linear(), clean.linear()), ResultsAggregator.values(victim.knn(),
                clean.knn()));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** The probes of {@code encoder}, or with {@code snapshotEpoch} > 0 of its snapshot after that epoch. */
    private ProbeStage probe(String name, StageStore.Done<PretrainStage.Output> encoder, String encoderName,
                             StageStore.Done<SplitStage.Output> split, int target, long seed, int snapshotEpoch) {
        Path dir = snapshotEpoch > 0 ? encoder.output().snapshot(snapshotEpoch) : encoder.output().dir();
        return new ProbeStage(name, inputs.spec(), dir, split.output().downstreamFile(), inputs.trigger(), target,
                inputs.config().probe(), seed, snapshotEpoch,
                ordered(SplitStage.NAME, split.key(), encoderName, encoder.key()));
    }

    private <T> StageStore.Done<T> stage(Stage<T> stage) {
        StageStore.Done<T> done = store.run(stage, progress);
        stageSeconds.put(stage.name(), done.seconds());
        return done;
    }

    /** What the images a pretraining stage trains on are: part of its key and of the Pretrainer's record. */
    private ObjectNode describe(ImageSet images, int poisoned, String poisonStage) {
        ObjectNode d = RunJson.JSON.createObjectNode();
        d.put("spec", inputs.spec().toString());
        d.put("subset", "the run's pretrain images (stages/split)");
        d.put("images", images.size());
        d.put("shape", images.shapeText());
        d.put("poisoned", poisoned);
        if (poisonStage != null) {
            d.put("poison", poisonStage);
        }
        d.put("pixels_sha256", StageKey.sha256(images.pixels()));
        return d;
    }

    /** The stage count and training work of the whole run, for the progress lines and the ETA. */
    private static RunProgress plan(RunConfig config, int images, Throughput throughput, PrintWriter err) {
        int selectors = config.attack().selectors().size();
        boolean extraClean = !config.pretrain().cleanIsAttacker();
        int snapshotProbes = 2 * config.probe().atEpochs().size();
        int stages = 1 + config.seeds() * (2 + (extraClean ? 1 : 0) + (4 + snapshotProbes) * selectors);
        return new RunProgress(err, stages, imageEpochs(config, images, true), throughput);
    }

    /**
     * Images × epochs a run trains on {@code images} pretrain images: the victims, and with
     * {@code withClean} the attacker's and clean encoders (which a sweep shares between rates).
     */
    static long imageEpochs(RunConfig config, int images, boolean withClean) {
        PretrainSettings p = config.pretrain();
        long epochs = (long) config.attack().selectors().size() * p.victimEpochs();
        if (withClean) {
            epochs += p.attackerEpochs() + (p.cleanIsAttacker() ? 0 : p.victimEpochs());
        }
        return config.seeds() * epochs * images;
    }

    private static Map<String, StageKey> ordered(String a, StageKey ka, String b, StageKey kb) {
        Map<String, StageKey> m = new LinkedHashMap<>();
        m.put(a, ka);
        m.put(b, kb);
        return m;
    }
}
