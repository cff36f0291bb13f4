package org.nlb.report;

import java.nio.file.Path;
import java.util.List;
import org.nlb.artefact.RunResults;
import org.nlb.io.AtomicOutput;
import org.nlb.io.OutputGuard;

/**
 * The HTML report of one {@code nlb run} directory (DESIGN §4 and §7): a verdict that
 * flags an unconvincing result in words, the metrics table, charts of ASR and clean accuracy (and
 * of ASR against epoch when the run probed mid-run snapshots), the poison sets' class histograms,
 * a PCA view of the attacker's features, clean and triggered images, training losses, confusion
 * matrices of triggered predictions, the config and timings.
 * One self-contained file: images are embedded PNG data URIs, CSS is inline, no script, no URL.
 * Reads only {@code results.json} and the files it points to; a missing or malformed
 * {@code results.json} is bad input, a missing optional file only makes its section say so.
 */
public final class RunReport {
    /** The default file name, inside the run directory. */
    public static final String FILE = "report.html";

    private RunReport() {}

    /** Writes {@code runDir/report.html}; returns its path. */
    public static Path write(Path runDir) {
        return write(runDir, runDir.resolve(FILE));
    }

    /**
     * Writes the report of {@code runDir} to {@code out}, atomically; returns {@code out}. An
     * {@code out} that is or holds a file the report reads, or lies inside the data set, is refused.
     */
    public static Path write(Path runDir, Path out) {
        RunFile run = RunFile.read(runDir);
        OutputGuard.output(out).inputs(run.inputs()).check();
        AtomicOutput.writeString(out, render(run));
        return out;
    }

    /** The report of {@code runDir} as HTML text. */
    public static String render(Path runDir) {
        return render(RunFile.read(runDir));
    }

    private static String render(RunFile run) {
        // Charts are drawn off-screen; without this, AWT may look for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        RunResults results = run.results();
        SectionInputs inputs = new SectionInputs(run);
        List<ReportSection> sections = new java.util.ArrayList<>(List.of(
                new VerdictSection(results),
                new MetricsTableSection(results),
                new ProbeChartsSection(results)));
        if (EpochChartsSection.applies(results)) {
            sections.add(new EpochChartsSection(results));
        }
        sections.addAll(List.of(
                new HistogramSection(run),
                new ProjectionSection(inputs),
                new SamplesSection(inputs),
                new LossCurvesSection(run),
                new ConfusionSection(run),
                new ConfigSection(run),
                new TimingsSection(results)));
        return ReportPage.render(run, sections);
    }
}
