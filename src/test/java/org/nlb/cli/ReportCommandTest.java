package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.CliRunner;

/** {@code nlb report}: writes the run's report.html, or exits 2 with one line on bad input. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheReportIntoTheRunDirectoryOrWhereAsked() throws Exception {
        Path run = org.nlb.report.RunFixtures.convincingRun(tmp);
        CliRunner.Result result = CliRunner.run("report", "--run", run.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("wrote " + run.resolve("report.html"));
        assertThat(Files.readString(run.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("id=\"verdict\"");
        Path elsewhere = tmp.resolve("out/r.html");
        CliRunner.Result second = CliRunner.run("report", "--run", run.toString(), "--out", elsewhere.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(elsewhere).isRegularFile();
        assertThat(result.stray()).isEmpty();
    }

    @Test
    void badRunDirectoriesExitTwoWithOneLine() throws Exception {
        CliRunner.Result missing = CliRunner.run("report", "--run", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("error: " + tmp.resolve("nope") + ": does not exist (expected a run"
                + " directory from 'nlb run')");
        Path run = Files.createDirectories(tmp.resolve("unfinished"));
        CliRunner.Result unfinished = CliRunner.run("report", "--run", run.toString());
        assertThat(unfinished.exitCode()).isEqualTo(2);
        assertThat(unfinished.errLines()).containsExactly("error: " + run.resolve("results.json")
                + ": is missing: the run has not finished (results.json is written last)");
        Files.writeString(run.resolve("results.json"), "{\"config\": {}, \"seeds\": [0]}");
        CliRunner.Result malformed = CliRunner.run("report", "--run", run.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.errLines()).containsExactly("error: " + run.resolve("results.json")
                + ": \"selectors\" is missing");
        try (var files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.json");
        }
        CliRunner.Result usage = CliRunner.run("report");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--run");
    }
}
