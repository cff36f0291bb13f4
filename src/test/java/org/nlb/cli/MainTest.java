package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlb.testing.CliRunner;
import org.nlb.testing.CliRunner.Result;

/** The command line's contract (DESIGN §7): help, version, and usage errors as one 'error:' line and exit 2. */
class MainTest {
    @Test
    void versionNamesNlb() {
        Result r = CliRunner.run("--version");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("nlb ");
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("nlb \\d+\\.\\d+\\.\\d+.*");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionNamesTheEngineAndItsDevice() {
        Result r = CliRunner.run("--version");

        assertThat(r.out()).containsPattern("PyTorch 2\\.7\\.1 through DJL 0\\.36\\.0, device cpu\\(\\)");
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        Result r = CliRunner.run();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: nlb", "datasets");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--help                     | Usage: nlb               | datasets,Exit status",
        "datasets --help            | Usage: nlb datasets      | info,preview,split",
        "datasets                   | Usage: nlb datasets      | info,preview,split",
        "datasets info --help       | Usage: nlb datasets info | SPEC,--json,--resize",
        "datasets preview --help    | Usage: nlb datasets preview | --out,--per-class,--split,--seed,--max-classes",
        "datasets split --help      | Usage: nlb datasets split   | --out,--seed,--pretrain-fraction,--force,90 %",
    })
    void helpListsTheVerbsAndOptionsAndExitsZero(String args, String usage, String mentions) {
        Result r = CliRunner.run(args.trim().split(" "));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith(usage.trim()).contains(mentions.trim().split(","));
        assertThat(r.err()).isEmpty();
        assertThat(r.stray()).as("nothing printed around the command's writers").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--frobnicate", "datasets frobnicate", "datasets info --frobnicate idx:/x",
        "datasets info", "datasets split idx:/x", "datasets preview idx:/x --out p.png --per-class many"})
    void usageErrorsExitTwoWithOneErrorLine(String args) {
        Result r = CliRunner.run(args.split(" "));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: ");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownVerbIsNamed() {
        Result r = CliRunner.run("frobnicate");

        assertThat(r.errLines().get(0)).contains("'frobnicate'");
        assertThat(r.err()).contains("nlb --help");
    }
}
