package org.nlb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlb.experiment.ConfigLoader;
import org.nlb.experiment.ExperimentRunner;
import org.nlb.experiment.LaneProcesses;
import org.nlb.experiment.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb run}: the whole experiment of DESIGN §1, cached and resumable (org.nlb.experiment). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the whole experiment: split, the attacker's encoder, its features, each selector's poison"
                + " set, a victim per selector, and linear + kNN probes on every victim and on the clean encoder.",
            "Writes DIR/config.json, DIR/run.json, DIR/stages/<stage>-<key>/, DIR/results.json and DIR/report.html."
                + " Running the same command again reuses finished stages and continues an interrupted one."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    RunConfigOptions configOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<preset>).")
    Path out;

    @Option(names = "--force", description = "Replace a non-empty DIR that holds no run: the run is written beside"
            + " it and takes its place when complete (a run's DIR is always continued; delete it to start over).")
    boolean force;

    @Option(names = "--print-config", description = "Print the resolved configuration as JSON and exit; writes nothing.")
    boolean printConfig;

    @Option(names = LaneProcesses.TASK_OPTION, hidden = true, paramLabel = "TASK",
            description = "Run one lane's task of the run in DIR (the run starts its lanes with it).")
    String laneTask;

    @Option(names = LaneProcesses.THREADS_OPTION, hidden = true, paramLabel = "N", defaultValue = "1",
            description = "The lane's threads.")
    int laneThreads;

    @Option(names = LaneProcesses.CONFIG_OPTION, hidden = true, paramLabel = "SHA256",
            description = "The run's resolved configuration, which the lane must resolve to.")
    String laneConfig = "";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(configOptions.request());
        var stdout = spec.commandLine().getOut();
        if (printConfig) {
            stdout.printf("%s", loaded.json());
            return ExitCodes.OK;
        }
        Path dir = out != null ? out : Path.of("runs", loaded.preset());
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> command = new ArrayList<>(List.of("nlb"));
        command.addAll(args);
        ExperimentRunner.Request request = new ExperimentRunner.Request(loaded, dir, force, command);
        if (laneTask != null) {
            ExperimentRunner.runLaneTask(request, laneTask, laneThreads, laneConfig, spec.commandLine().getErr(), stdout);
            return ExitCodes.OK;
        }
        ExperimentRunner.Result result = ExperimentRunner.run(request, new LaneProcesses(Main.class.getName(), args, loaded.json()),
                spec.commandLine().getErr());
        stdout.printf("%s", RunSummary.text(result.json(), result.results()));
        return ExitCodes.OK;
    }
}
