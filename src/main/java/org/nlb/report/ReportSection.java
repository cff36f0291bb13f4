package org.nlb.report;

/**
 * One section of the run report: an anchor id, a heading and a body. A section whose optional
 * inputs are missing writes a note saying what is missing instead of failing.
 */
interface ReportSection {
    /** The HTML id, stable: scripts and tests link to it. */
    String id();

    String heading();

    void writeBody(Html html);
}
