package org.nlb.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.nlb.experiment.LaneFailedException;
import org.nlb.io.BadInputException;
import org.nlb.io.HeapBudget;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one {@code error:} line and an exit status: 2 for bad
 * input (DESIGN §7), 1 for anything else. Stack traces only with {@code NLB_DEBUG=1}. An
 * {@link Error} that reaches {@link Main} is an internal fault too (exit 1): the readers turn
 * running out of memory on an input into a {@link BadInputException} naming it.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final String DEBUG_ENV = "NLB_DEBUG";

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        var err = cli.getErr();
        if (debug()) {
            e.printStackTrace(err);
        }
        if (e instanceof BadInputException bad) {
            err.println("error: " + bad.subject() + ": " + bad.problem());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof LaneFailedException lane) {
            err.println("error: " + lane.getMessage());
            err.flush();
            return ExitCodes.INTERNAL;
        }
        String what = e instanceof UncheckedIOException io ? io.getCause().toString() : e.toString();
        err.println("error: internal: " + what + (debug() ? "" : " (set " + DEBUG_ENV + "=1 for details)"));
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** Reports an {@link Error} that escaped the command, such as an {@link OutOfMemoryError}. */
    static int handleError(Error e, PrintWriter err) {
        if (debug()) {
            e.printStackTrace(err);
        }
        String what = e instanceof OutOfMemoryError
                ? "out of memory (" + (e.getMessage() == null ? "Java heap space" : e.getMessage()) + "; maximum heap "
                        + HeapBudget.text(Runtime.getRuntime().maxMemory()) + ", raise it with JAVA_OPTS=-Xmx<size>)"
                : e.toString();
        err.println("error: internal: " + what + (debug() ? "" : " (set " + DEBUG_ENV + "=1 for details)"));
        err.flush();
        return ExitCodes.INTERNAL;
    }

    static boolean debug() {
        return "1".equals(System.getenv(DEBUG_ENV));
    }
}
