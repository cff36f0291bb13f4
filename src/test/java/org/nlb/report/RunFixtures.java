package org.nlb.report;

import java.io.IOException;
import java.nio.file.Path;

/** Ready-made fixture run directories for tests outside this package (the CLI's). */
public final class RunFixtures {
    private RunFixtures() {}

    /** A handwritten one-seed results.json (two selectors, with trigger geometry) in {@code dir}; returns the file. */
    public static Path handwrittenResults(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        return java.nio.file.Files.writeString(dir.resolve("results.json"), ExperimentRowsTest.ONE_SEED);
    }

    /** The EXPERIMENTS.md row of {@link #handwrittenResults}' contrastive selector, after its id. */
    public static final String HANDWRITTEN_CONTRASTIVE_ROW = " | 20000 × 16 | simclr | 0.2 | checkerboard-center, 3 × 3,"
            + " at (12, 12), 1.1 % | 0.6 (1200, 6.0 %) | contrastive | 28.0 | 6 Shirt | 80.1 / 78.2 (+0.5 / −0.3) | 2.1"
            + " | 1.9 | +0.2 | 1.5 | 1.4 | +0.1 | 0.991 | +0.004 | 34.5 |";

    /** A one-seed run under {@code tmp}/run on a small generated data set, where contrastive shows a backdoor. */
    public static Path convincingRun(Path tmp) throws IOException {
        String spec = RunReportTest.writeData(tmp.resolve("data"));
        return RunFixture.write(tmp.resolve("run"), spec, RunReportTest.read(spec), new long[] {0},
                RunReportTest.convincing());
    }
}
