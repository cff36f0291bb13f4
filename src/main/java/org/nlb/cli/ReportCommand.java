package org.nlb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nlb.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb report}: the self-contained HTML report of a run directory (issue 6, DESIGN §7). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the HTML report of a run directory from its results.json: a verdict, the metrics table,"
                + " charts, poison-set histograms, a PCA view of the attacker's features, clean and triggered images,"
                + " training losses, confusion matrices, config and timings. One file, images embedded, no JavaScript."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run directory (from 'nlb run').")
    Path run;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the report (default: DIR/report.html).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path written = RunReport.write(run, out != null ? out : run.resolve(RunReport.FILE));
        spec.commandLine().getOut().printf("wrote %s%n", written);
        return ExitCodes.OK;
    }
}
