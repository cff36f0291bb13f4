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
}
