package org.nlb.io;

import java.nio.file.Path;

/**
 * A problem with something the user gave us: a file that is missing, corrupt, of the wrong shape,
 * or an option that does not fit the data. The command line turns it into exit status 2 and the
 * single line {@code error: <file>: <problem>}, so the message must read well on its own.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String subject;
    private final String problem;

    /** A problem with a file or directory. */
    public BadInputException(Path file, String problem) {
        this(file.toString(), problem, null);
    }

    public BadInputException(Path file, String problem, Throwable cause) {
        this(file.toString(), problem, cause);
    }

    /** A problem with something that is not a file, such as a dataset spec or an option value. */
    public BadInputException(String subject, String problem) {
        this(subject, problem, null);
    }

    public BadInputException(String subject, String problem, Throwable cause) {
        super(subject + ": " + problem, cause);
        this.subject = subject;
        this.problem = problem;
    }

    /** The file, directory or option the problem is with. */
    public String subject() {
        return subject;
    }

    public String problem() {
        return problem;
    }
}
