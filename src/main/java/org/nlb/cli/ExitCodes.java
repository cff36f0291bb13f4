package org.nlb.cli;

/** Exit statuses of nlb (DESIGN §7). */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** Something went wrong inside nlb: a bug or the machine (out of memory, disk full). */
    public static final int INTERNAL = 1;
    /** The user's input or command line was wrong; one {@code error:} line says what. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
