package org.nlb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.nlb.io.BadInputException;

/** Checks the bad-input contract (DESIGN §7): the right exception, naming the right file and problem. */
public final class BadInputAssert {
    private BadInputAssert() {}

    /**
     * Runs {@code call} and asserts that it throws a {@link BadInputException} whose subject is
     * {@code subject} and whose problem contains each of {@code problemParts} (ignoring case).
     */
    public static BadInputException assertBadInput(ThrowingCallable call, Path subject, String... problemParts) {
        return assertBadInput(call, subject.toString(), problemParts);
    }

    public static BadInputException assertBadInput(ThrowingCallable call, String subject, String... problemParts) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a BadInputException").isInstanceOf(BadInputException.class);
        BadInputException bad = (BadInputException) thrown;
        assertThat(bad.subject()).as("subject of: " + bad.getMessage()).isEqualTo(subject);
        for (String part : problemParts) {
            assertThat(bad.problem()).containsIgnoringCase(part);
        }
        assertThat(bad.problem()).as("a message that reads alone").doesNotContain("\n");
        return bad;
    }

    /**
     * Asserts that a command run by {@link CliRunner} ended as bad input must: exit 2, nothing on
     * stdout, and one stderr line {@code error: <subject>: <problem>} whose problem contains
     * {@code problem}.
     */
    public static void assertCliRefused(CliRunner.Result r, String subject, String problem) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: " + subject + ": ").contains(problem);
        assertThat(r.out()).isEmpty();
    }
}
