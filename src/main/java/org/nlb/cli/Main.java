package org.nlb.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code nlb} command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit status; used by tests with captured output. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(out, err), args);
    }

    /**
     * Runs {@code args} on {@code cli}. picocli hands exceptions to {@link ErrorReporter} but lets
     * an {@link Error} (out of memory, stack overflow) through: it too becomes one {@code error:}
     * line here rather than a JVM trace.
     */
    static int execute(CommandLine cli, String[] args) {
        try {
            return cli.execute(args);
        } catch (Error e) {
            return ErrorReporter.handleError(e, cli.getErr());
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new NlbCommand()), out, err);
    }

    /** Sets nlb's writers and error handlers on {@code cli}. */
    static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(new UsageErrorReporter());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
