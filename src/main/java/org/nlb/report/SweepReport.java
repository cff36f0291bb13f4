package org.nlb.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nlb.artefact.SweepResults;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/**
 * The HTML page of an {@code nlb sweep} directory, in the run report's look: ASR and
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

    /**
     * The rate with the share of the data set it poisons, the way every axis and table of the
     * sweep shows it: {@code 0.6 (6.0 % of pretrain)}.
     */
    static String rateLabel(SweepResults.Point point) {
        return String.format(java.util.Locale.ROOT, "%s (%s of pretrain)", Percent.decimal(point.rate()),
                Percent.withSign(point.poisonShare()));
    }

    /** The page of {@code sweepDir} as HTML text. */
    public static String render(Path sweepDir) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Path file = sweepDir.resolve(SweepResults.FILE);
        if (!Files.exists(file)) {
            throw new BadInputException(file, "is missing: the sweep has not finished (sweep.json is written last)");
        }
        SweepResults sweep = JsonArtefacts.read(file, SweepResults.class);
        String name = ReportPage.name(sweepDir);
        int seeds = sweep.seeds().size();
        String subtitle = sweep.dataset().spec() + " · preset " + ReportPage.preset(sweep.preset()) + " · " + seeds
                + (seeds == 1 ? " seed" : " seeds") + " · " + sweep.points().size() + " points ("
                + String.join(", ", sweep.methods()) + ") · " + String.format(java.util.Locale.ROOT, "%,d",
                sweep.dataset().pretrain()) + " pretrain images";
        return ReportPage.render("nlb sweep: " + name, "No-label backdoor sweep: " + name, subtitle,
                List.of(new SweepChartsSection(sweep), new SweepTableSection(sweep, sweepDir)),
                "Written by nlb " + org.nlb.NlbVersion.get() + " from " + file + " (swept by nlb "
                        + ReportPage.version(sweep.nlbVersion()) + ").");
    }
}
