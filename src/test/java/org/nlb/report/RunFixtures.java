package org.nlb.report;

import java.io.IOException;
import java.nio.file.Path;

/** Ready-made fixture run directories for tests outside this package (the CLI's). */
public final class RunFixtures {
    private RunFixtures() {}

    /** A one-seed run under {@code tmp}/run on a small generated data set, where contrastive shows a backdoor. */
    public static Path convincingRun(Path tmp) throws IOException {
        String spec = RunReportTest.writeData(tmp.resolve("data"));
        return RunFixture.write(tmp.resolve("run"), spec, RunReportTest.read(spec), new long[] {0},
                RunReportTest.convincing());
    }
}
