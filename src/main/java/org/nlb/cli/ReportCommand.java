package org.nlb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlb.io.BadInputException;
import org.nlb.report.ExperimentRows;
import org.nlb.report.RateChart;
import org.nlb.report.RunReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nlb report}: the self-contained HTML report of a run directory (DESIGN §7), or
 * with {@code --rows} the Markdown rows of EXPERIMENTS.md's results table ({@link ExperimentRows}),
 * or with {@code --rate-chart} the effect against the rate across runs ({@link RateChart}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the HTML report of a run directory from its results.json: a verdict, the metrics table,"
                + " charts, poison-set histograms, a PCA view of the attacker's features, clean and triggered images,"
                + " training losses, confusion matrices, config and timings. One file, images embedded, no JavaScript.",
                "With --rows: print one Markdown table row per selector of each results.json instead (EXPERIMENTS.md).",
                "With --rate-chart: draw runs of one setting at several poison rates as one PNG."})
final class ReportCommand implements Callable<Integer> {
    static final class What {
        @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run directory (from 'nlb run').")
        Path run;

        @Option(names = "--rows", required = true, arity = "1..*", paramLabel = "FILE",
                description = {"Print EXPERIMENTS.md rows of these results.json files (id = each file's directory):"
                        + " N × E, method, crop, trigger and its area, rate, then per selector CCR, target, clean accuracy,"
                        + " ASR and effect of both probes, trigger geometry and minutes. Means ± std over seeds."})
        List<Path> rows;

        @Option(names = "--rate-chart", required = true, arity = "1..*", paramLabel = "FILE",
                description = {"Write a PNG (--out, required) of the backdoor effect and the ASR against the poison rate,"
                        + " linear probe and kNN, one line per selector, from these results.json files: runs of one setting"
                        + " (same SSL method, trigger and pretrain images) at different rates. Error bars: one standard"
                        + " deviation over seeds."})
        List<Path> rateChart;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--out", paramLabel = "FILE", description = "--run: where to write the report (default: DIR/report.html);"
            + " --rate-chart: the PNG to write.")
    Path out;

    @Option(names = "--header", description = "--rows: print the table's header and separator lines first.")
    boolean header;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (what.rows != null) {
            if (out != null) {
                throw new BadInputException("--out", "only applies with --run; --rows prints to standard output");
            }
            List<String> rows = ExperimentRows.rows(what.rows);
            if (header) {
                ExperimentRows.header().forEach(stdout::println);
            }
            rows.forEach(stdout::println);
            stdout.flush();
            return ExitCodes.OK;
        }
        if (header) {
            throw new BadInputException("--header", "only applies with --rows");
        }
        if (what.rateChart != null) {
            if (out == null) {
                throw new BadInputException("--rate-chart", "needs --out FILE.png, the chart to write");
            }
            RateChart.write(what.rateChart, out);
            stdout.printf("wrote %s%n", out);
            return ExitCodes.OK;
        }
        Path written = RunReport.write(what.run, out != null ? out : what.run.resolve(RunReport.FILE));
        stdout.printf("wrote %s%n", written);
        return ExitCodes.OK;
    }
}
