package org.nlb.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlb.cli.Main;

/**
 * Runs the nlb command line in-process with captured output, as a script would see it. Anything
 * written around the command's own writers, straight to {@code System.out}/{@code System.err}
 * (e.g. a library's warning), is captured separately as {@link Result#stray()}.
 */
public final class CliRunner {
    private CliRunner() {}

    /** What one command line printed and returned. */
    public record Result(int exitCode, String out, String err, String stray) {
        /** The non-empty lines written to stderr. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err + "--- stray\n" + stray;
        }
    }

    /**
     * The command that runs nlb with {@code args} in a JVM of its own (1 GB heap, offline), for
     * the tests that kill it or measure its memory.
     */
    public static List<String> processCommand(List<String> args) {
        return processCommand("1g", args);
    }

    /** As {@link #processCommand(List)} with a maximum heap of {@code maxHeap} ("256m"). */
    public static List<String> processCommand(String maxHeap, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** Runs {@code args}; synchronized because it swaps the JVM-wide System.out and System.err. */
    public static synchronized Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err);
             PrintStream s = new PrintStream(stray, true, StandardCharsets.UTF_8)) {
            System.setOut(s);
            System.setErr(s);
            code = Main.run(args, o, e);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(), err.toString(), stray.toString(StandardCharsets.UTF_8));
    }
}
