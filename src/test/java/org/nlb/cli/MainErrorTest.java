package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nlb.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Picocli lets an {@link Error} through its exception handler; {@link Main} turns it into
 * one {@code error:} line and exit 1, never a JVM stack trace.
 */
class MainErrorTest {
    /** A command that fails the way it is told to. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Parameters
        String how;

        @Override
        public Integer call() {
            return switch (how) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "oom-in-parallel" -> IntStream.range(0, 64).parallel().map(i -> {
                    throw new OutOfMemoryError("Java heap space");
                }).sum();
                case "stack" -> throw new StackOverflowError();
                case "bad" -> throw new BadInputException("x.bin", "is broken");
                default -> 0;
            };
        }
    }

    private record Outcome(int code, String out, List<String> errLines) {}

    private static Outcome run(String how) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.configure(new CommandLine(new Failing()), new PrintWriter(out), new PrintWriter(err));
        int code = Main.execute(cli, new String[] {how});
        return new Outcome(code, out.toString(), err.toString().lines().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void anOutOfMemoryErrorIsOneLineAndExitOne() {
        Outcome r = run("oom");
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: internal: out of memory (Java heap space; maximum heap ")
                .contains("JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    }

    @Test
    void anOutOfMemoryErrorInAParallelStreamIsOneLineToo() {
        Outcome r = run("oom-in-parallel");
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: internal: out of memory");
    }

    @Test
    void anyOtherErrorIsOneLineNamingIt() {
        Outcome r = run("stack");
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.errLines()).containsExactly("error: internal: java.lang.StackOverflowError (set NLB_DEBUG=1 for details)");
    }

    @Test
    void badInputStillExitsTwo() {
        Outcome r = run("bad");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("error: x.bin: is broken");
    }
}
