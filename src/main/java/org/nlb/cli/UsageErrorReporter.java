package org.nlb.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A malformed command line: one {@code error:} line naming the problem and where help is, exit 2. */
final class UsageErrorReporter implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        var err = cli.getErr();
        String message = e.getMessage();
        if (e.getCause() instanceof org.nlb.io.BadInputException bad) {
            message = bad.subject() + ": " + bad.problem();
        }
        // One line, like every other error, so scripts can rely on it.
        err.println("error: " + cli.getCommandName() + ": " + message
                + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
