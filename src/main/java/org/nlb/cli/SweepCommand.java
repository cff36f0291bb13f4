package org.nlb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nlb.experiment.ConfigLoader;
import org.nlb.experiment.Sweep;
import org.nlb.experiment.SweepGrid;
import org.nlb.experiment.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb sweep}: {@code nlb run} over a grid of poison rates × SSL methods (org.nlb.experiment.Sweep). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run the whole experiment once per point of a grid of poison rates x SSL methods, sharing the"
                + " stages that do not depend on the point (split, each method's clean encoder and its features).",
            "Writes DIR/points/<name>/ (a run directory with results.json and report.html per point), DIR/stages/,"
                + " DIR/sweep.json and DIR/sweep.html. Running the same command again reuses finished stages."})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--rates", paramLabel = "R1,R2,...", description = "Poison rates relative to one class"
            + " (M = floor(rate * N / C)), e.g. 0.05,0.1,0.2,0.6; default: the config's attack.rate.")
    String rates;

    @Option(names = "--methods", paramLabel = "M1,M2,...", description = "SSL methods (simclr, mocov2, byol, barlow);"
            + " default: the config's pretrain.method.")
    String methods;

    @Mixin
    RunConfigOptions configOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default: runs/sweep-<preset>).")
    Path out;

    @Option(names = "--force", description = "Replace a non-empty DIR (an earlier sweep's stages included): the sweep"
            + " is written beside it and takes its place when complete.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepGrid grid = SweepGrid.parse(Optional.ofNullable(rates), Optional.ofNullable(methods));
        ConfigLoader.Request request = configOptions.request();
        Path dir = out != null ? out : Path.of("runs", "sweep-" + configOptions.presetName());
        List<String> command = new ArrayList<>(List.of("nlb"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        Sweep.Result result = Sweep.run(new Sweep.Request(grid, request, dir, force, command), spec.commandLine().getErr());
        spec.commandLine().getOut().printf("%s", SweepSummary.text(result.json(), result.sweepJson()));
        return ExitCodes.OK;
    }
}
