package org.nlb.artefact;

/**
 * A JSON artefact that does not hold what its record needs, in one line that names the field by
 * its dotted path: {@code "selectors.random.linear.asr.mean" is missing}. It does not name the
 * file; whoever read the file adds it.
 */
public final class MalformedArtefactException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    /**
     * @param field the field's dotted path ({@code dataset.class_names}, {@code runs[0]}), empty for
     *     a problem of the whole file
     * @param problem what is wrong, e.g. {@code is missing}
     */
    public MalformedArtefactException(String field, String problem) {
        this(field, problem, null);
    }

    MalformedArtefactException(String field, String problem, Throwable cause) {
        super(field.isEmpty() ? problem : "\"" + field + "\" " + problem, cause);
        this.field = field;
        this.problem = problem;
    }

    /** A problem of the whole object, not of one field ({@code index 3 is listed twice}). */
    public static MalformedArtefactException of(String problem) {
        return new MalformedArtefactException("", problem);
    }

    /** A required field that is absent. */
    public static MalformedArtefactException missing(String field) {
        return new MalformedArtefactException(field, "is missing");
    }

    /** Fails with "is missing" when a required field is {@code null}. */
    public static void require(Object value, String field) {
        if (value == null) {
            throw missing(field);
        }
    }

    /** The field's dotted path, empty for the whole object. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** The same problem, seen from the object that holds this one under {@code path}. */
    MalformedArtefactException under(String path) {
        if (path.isEmpty()) {
            return this;
        }
        String joined = field.isEmpty() ? path : field.startsWith("[") ? path + field : path + "." + field;
        return new MalformedArtefactException(joined, problem, getCause());
    }
}
