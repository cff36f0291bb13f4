package org.nlb.cli;

import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.report.RunFixtures;
import org.nlb.testing.BadInputAssert;
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
    void rowsPrintsOneMarkdownRowPerSelectorOfEachFileAfterAnOptionalHeader() throws Exception {
        Path first = RunFixtures.handwrittenResults(tmp.resolve("e01-corner"));
        Path second = RunFixtures.handwrittenResults(tmp.resolve("e02-centre"));
        CliRunner.Result rows = CliRunner.run("report", "--rows", first.toString(), second.toString());
        assertThat(rows.exitCode()).as(rows.toString()).isZero();
        List<String> lines = rows.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("| e01-corner" + RunFixtures.HANDWRITTEN_CONTRASTIVE_ROW);
        assertThat(lines.get(1)).startsWith("| e01-corner |").contains("| random |");
        assertThat(lines.get(2)).isEqualTo("| e02-centre" + RunFixtures.HANDWRITTEN_CONTRASTIVE_ROW);
        assertThat(rows.err()).isEmpty();

        CliRunner.Result withHeader = CliRunner.run("report", "--header", "--rows", first.toString());
        assertThat(withHeader.exitCode()).as(withHeader.toString()).isZero();
        List<String> table = withHeader.out().lines().toList();
        assertThat(table).hasSize(4);
        assertThat(table.get(0)).startsWith("| id | N × E | method |").endsWith("| trigger_cosine | target_pull | minutes |");
        assertThat(table.get(1)).startsWith("| --- | --- |");
        assertThat(table.get(2)).isEqualTo("| e01-corner" + RunFixtures.HANDWRITTEN_CONTRASTIVE_ROW);
    }

    @Test
    void rateChartWritesThePngWhereAskedOrExitsTwoWithOneLine() throws Exception {
        Path first = RunFixtures.handwrittenResults(tmp.resolve("e01-corner"));
        Path png = tmp.resolve("rate.png");
        BadInputAssert.assertCliRefused(CliRunner.run("report", "--rate-chart", first.toString()),
                "--rate-chart", "needs --out FILE.png, the chart to write");
        assertThat(png).doesNotExist();
        CliRunner.Result chart = CliRunner.run("report", "--rate-chart", first.toString(), "--out", png.toString());
        assertThat(chart.exitCode()).as(chart.toString()).isZero();
        assertThat(chart.out()).contains("wrote " + png);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isPositive();
    }

    @Test
    void rowsOfABadFileExitTwoWithOneLineAndPrintNoRow() throws Exception {
        Path good = RunFixtures.handwrittenResults(tmp.resolve("good"));
        Path missing = tmp.resolve("gone/results.json");
        BadInputAssert.assertCliRefused(CliRunner.run("report", "--rows", good.toString(), missing.toString()),
                missing.toString(), "does not exist (expected a run's results.json)");
        Path broken = Files.writeString(Files.createDirectories(tmp.resolve("broken")).resolve("results.json"),
                "{\"config\": {}, \"seeds\": [0]}");
        BadInputAssert.assertCliRefused(CliRunner.run("report", "--rows", good.toString(), broken.toString()),
                broken.toString(), "\"selectors\" is missing");
        BadInputAssert.assertCliRefused(CliRunner.run("report", "--rows", good.toString(), "--out", "x.html"),
                "--out", "only applies with --run");
        Path run = RunFixtures.convincingRun(tmp);
        BadInputAssert.assertCliRefused(CliRunner.run("report", "--run", run.toString(), "--header"),
                "--header", "only applies with --rows");
        CliRunner.Result both = CliRunner.run("report", "--run", run.toString(), "--rows", good.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
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


    @Test
    void theReportMayNotOverwriteWhatItReads() throws Exception {
        Path run = RunFixtures.convincingRun(tmp);
        Path data = tmp.resolve("data");
        Path results = run.resolve("results.json");
        Path features;
        try (var found = Files.find(run.resolve("stages"), 3, (p, a) -> p.getFileName().toString().equals("features.npy"))) {
            features = found.findFirst().orElseThrow();
        }
        List<Path> inputs = List.of(run, data);

        InputsUnchanged.assertRefused(results, "is an input (the run's " + results + ")", inputs,
                "report", "--run", run.toString(), "--out", results.toString());
        InputsUnchanged.assertRefused(features, "is an input (the run's ", inputs,
                "report", "--run", run.toString(), "--out", features.toString());
        InputsUnchanged.assertRefused(run, "contains an input (the run's " + results + ")", inputs,
                "report", "--run", run.toString(), "--out", run.toString());
        Path inside = data.resolve("report.html");
        InputsUnchanged.assertRefused(inside, "is inside an input (the data set ", inputs,
                "report", "--run", run.toString(), "--out", inside.toString());
    }

    @Test
    void theRateChartMayNotOverwriteAResultsFile() throws Exception {
        Path first = RunFixtures.handwrittenResults(tmp.resolve("e01"));
        Path second = RunFixtures.handwrittenResults(tmp.resolve("e02"));
        List<Path> inputs = List.of(first, second);

        InputsUnchanged.assertRefused(second, "is an input (--rate-chart " + second + ")", inputs,
                "report", "--rate-chart", first.toString(), second.toString(), "--out", second.toString());
        InputsUnchanged.assertRefused(tmp.resolve("e01"), "contains an input (--rate-chart " + first + ")", inputs,
                "report", "--rate-chart", first.toString(), second.toString(), "--out", tmp.resolve("e01").toString());
    }
}
