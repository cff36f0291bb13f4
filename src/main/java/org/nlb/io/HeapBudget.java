package org.nlb.io;

import java.util.Locale;

/**
 * How much of the Java heap a reader may plan to fill with one input's buffers: the maximum heap
 * ({@code -Xmx}, set for nlb by {@code JAVA_OPTS}) less a margin for the JVM, the libraries and
 * everything small. Readers compare what a file's headers declare against it before they allocate,
 * so that an input too big for the heap is one {@code error:} line naming it rather than an
 * {@link OutOfMemoryError} halfway through (DESIGN §7, bad input ends with exit 2).
 */
public final class HeapBudget {
    /** The least left aside, and the share of a large heap left aside. */
    private static final long MIN_MARGIN = 64L << 20;
    private static final int MARGIN_DIVISOR = 10;
    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    private HeapBudget() {}

    /** Bytes of heap one input's buffers may take: {@code Runtime.maxMemory()} less the margin. */
    public static long available() {
        long max = Runtime.getRuntime().maxMemory();
        return Math.max(0, max - Math.max(MIN_MARGIN, max / MARGIN_DIVISOR));
    }

    /** "the 166 MB of Java heap nlb may use (maximum heap 256 MB; ...)": how a refusal by {@code budget} ends. */
    public static String limitText(long budget) {
        return "the " + text(budget) + " of Java heap nlb may use (maximum heap "
                + text(Runtime.getRuntime().maxMemory()) + "; raise it with JAVA_OPTS=-Xmx<size>)";
    }

    /** The problem to report when reading an input ran out of heap anyway. */
    public static String outOfMemoryText() {
        return "does not fit in memory: reading it ran out of Java heap (maximum heap "
                + text(Runtime.getRuntime().maxMemory()) + "; raise it with JAVA_OPTS=-Xmx<size>)";
    }

    /** {@code bytes} for people: "612 MB", "1.8 GB", "12 KB". */
    public static String text(long bytes) {
        if (bytes >= 10 * GB) {
            return String.format(Locale.ROOT, "%d GB", Math.round((double) bytes / GB));
        }
        if (bytes >= GB) {
            return String.format(Locale.ROOT, "%.1f GB", (double) bytes / GB);
        }
        if (bytes >= MB) {
            return String.format(Locale.ROOT, "%d MB", Math.round((double) bytes / MB));
        }
        return String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
    }
}
