package org.nlb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One command line run through {@link Main#run} with captured output. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(status, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
