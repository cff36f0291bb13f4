package org.nlb.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.nlb.cli.Main;

/** Runs the nlb command line in-process with captured output, as a script would see it. */
public final class CliRunner {
    private CliRunner() {}

    /** What one command line printed and returned. */
    public record Result(int exitCode, String out, String err) {
        /** The non-empty lines written to stderr. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(), err.toString());
    }
}
