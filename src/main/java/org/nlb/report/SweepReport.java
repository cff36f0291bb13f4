package org.nlb.report;

import java.nio.file.Path;
import java.util.List;
import org.nlb.io.AtomicOutput;

/**
 * The HTML page of an {@code nlb sweep} directory (issue 6), in the run report's look: ASR and
 * the backdoor effect against the poison rate per selector and probe (one set of charts per SSL
 * method), and a table of every point linking to each point's own report.html. One
 * self-contained file like the run report: images are embedded PNG data URIs, CSS is inline, no
 * script, and the only links are relative ones to the points' reports. Reads only
 * {@code sweep.json}; a missing or malformed one is bad input.
 */
public final class SweepReport {
    /** The file name, inside the sweep directory. */
    public static final String FILE = "sweep.html";

    private SweepReport() {}

    /** Writes {@code sweepDir/sweep.html} atomically; returns its path. */
    public static Path write(Path sweepDir) {
        Path out = sweepDir.resolve(FILE);
        AtomicOutput.writeString(out, render(sweepDir));
        return out;
    }

    /** The page of {@code sweepDir} as HTML text. */
    public static String render(Path sweepDir) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        SweepResults sweep = SweepResultsReader.read(sweepDir);
        String name = ReportPage.name(sweepDir);
        String subtitle = sweep.spec() + " · preset " + sweep.preset() + " · " + sweep.seeds()
                + (sweep.seeds() == 1 ? " seed" : " seeds") + " · " + sweep.points().size() + " points ("
                + String.join(", ", sweep.methods()) + ") · " + String.format(java.util.Locale.ROOT, "%,d",
                sweep.pretrainImages()) + " pretrain images";
        return ReportPage.render("nlb sweep: " + name, "No-label backdoor sweep: " + name, subtitle,
                List.of(new SweepChartsSection(sweep), new SweepTableSection(sweep)),
                "Written by nlb " + org.nlb.NlbVersion.get() + " from " + sweep.file() + " (swept by nlb "
                        + sweep.nlbVersion() + ").");
    }
}
