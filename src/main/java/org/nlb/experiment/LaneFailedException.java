package org.nlb.experiment;

/** A lane's process failed; the message names its task, its exit status, its error line and its log file. */
public final class LaneFailedException extends RuntimeException {
    LaneFailedException(String message) {
        super(message);
    }
}
