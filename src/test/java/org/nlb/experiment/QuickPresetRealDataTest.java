package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.DatasetSpec;
import org.nlb.testing.CliRunner;

/**
 * The run contract (DESIGN §7): {@code nlb run --preset quick} on the real Fashion-MNIST writes every key of the run
 * contract for the four selectors; the label-aware oracle's poison set is pure (CCR 1, one class
 * in its histogram). Its time is measured (README, BENCHMARKS.md), not asserted: a wall-clock bound
 * fails whenever the machine is shared, which says nothing about the code.
 */
@Tag("real-data")
class QuickPresetRealDataTest {
    @TempDir
    Path tmp;

    @Test
    void theQuickPresetRunsTheWholeProtocolOnFashionMnist() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DatasetSpec.DEBIAN_FASHION_MNIST), "Fashion-MNIST is not installed");
        Path out = tmp.resolve("quick");
        CliRunner.Result r = CliRunner.run("run", "--preset", "quick", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        JsonNode results = RunCommandTest.json(out.resolve("results.json"));
        RunCommandTest.assertContract(out, results, 1);
        assertThat(results.get("dataset").get("spec").asText()).isEqualTo("fashion-mnist");
        assertThat(results.get("dataset").get("class_names")).hasSize(10);
        assertThat(results.get("dataset").get("test").asInt()).isEqualTo(10_000);
        assertThat(results.get("dataset").get("downstream").asInt()).isEqualTo(6_000);
        assertThat(results.get("budget").asInt()).isEqualTo(results.get("dataset").get("pretrain").asInt() * 6 / 100);
        assertThat(results.get("selectors").get("label-aware").get("ccr").get("mean").asDouble()).isEqualTo(1.0);
        JsonNode oracle = results.get("runs").get(0).get("selectors").get("label-aware");
        JsonNode histogram = RunCommandTest.json(out.resolve(oracle.get("poison").asText())).get("histogram");
        int nonEmpty = 0;
        for (JsonNode count : histogram) {
            nonEmpty += count.asInt() > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).as("the oracle's poison set comes from one class").isEqualTo(1);
        assertThat(histogram.get(oracle.get("target").asInt()).asInt()).isEqualTo(results.get("budget").asInt());
        assertThat(results.get("clean").get("linear").get("clean_acc").get("mean").asDouble())
                .as("even one epoch beats chance (0.1) by far").isGreaterThan(0.5);
    }
}
