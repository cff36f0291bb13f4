package org.nlb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes a demo report from a fixture run on the real Fashion-MNIST (3 seeds, all four
 * selectors) to {@code target/report-demo/run/report.html}, for a person to look at
 * ({@code scripts/screenshot-report.sh}). Tagged slow: run it with
 * {@code mvn test -Dtest=RunReportDemoTest -DexcludedGroups=none}.
 */
@Tag("slow")
class RunReportDemoTest {
    private static Path fresh(String name) throws Exception {
        Path dir = Path.of("target/report-demo", name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }

    @Test
    void writesAnUnconvincingDemoReport() throws Exception {
        // What DESIGN §5 saw at CPU scale: a full-image blend pulls predictions by itself, and
        // nothing, not even the oracle, adds a backdoor on top.
        Path dir = fresh("unconvincing");
        List<RunFixture.Outcome> outcomes = List.of(
                RunFixture.Outcome.of("contrastive", 0.31, 0.27, 0.28, 6),
                RunFixture.Outcome.of("kmeans", 0.30, 0.26, 0.70, 6),
                RunFixture.Outcome.of("random", 0.29, 0.27, 0.11, 6),
                RunFixture.Outcome.of("label-aware", 0.33, 0.27, 1.0, 6));
        RunFixture.write(dir, "fashion-mnist", RunReportTest.read("fashion-mnist"), new long[] {0}, outcomes);
        assertThat(Files.readString(RunReport.write(dir))).contains("No backdoor is shown");
    }

    @Test
    void writesADemoReportOnFashionMnist() throws Exception {
        Path dir = fresh("run");
        List<RunFixture.Outcome> outcomes = List.of(
                new RunFixture.Outcome("contrastive", new double[] {0.91, 0.84, 0.88}, new double[] {0.03, 0.04, 0.03}, 0.91, 9),
                new RunFixture.Outcome("kmeans", new double[] {0.62, 0.35, 0.51}, new double[] {0.05, 0.06, 0.05}, 0.70, 7),
                new RunFixture.Outcome("random", new double[] {0.06, 0.04, 0.05}, new double[] {0.03, 0.03, 0.04}, 0.11, 0),
                new RunFixture.Outcome("label-aware", new double[] {0.96, 0.97, 0.95}, new double[] {0.03, 0.03, 0.02}, 1.0, 2));
        RunFixture.write(dir, "fashion-mnist", RunReportTest.read("fashion-mnist"), new long[] {0, 1, 2}, outcomes);
        Path report = RunReport.write(dir);
        assertThat(Files.readString(report)).contains("<section id=\"projection\">");
    }
}
