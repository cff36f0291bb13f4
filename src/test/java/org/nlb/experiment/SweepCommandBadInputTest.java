package org.nlb.experiment;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.BadInputAssert;
import org.nlb.testing.CliRunner;

/** DESIGN §7 for {@code nlb sweep}: a bad grid ends with exit 2, one {@code error:} line, and nothing written. */
class SweepCommandBadInputTest {
    @TempDir
    Path tmp;

    private void assertRefused(String subject, String problem, String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "sweep";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--preset";
        args[options.length + 2] = "quick";
        args[options.length + 3] = "--out";
        args[options.length + 4] = tmp.resolve("out").toString();
        BadInputAssert.assertCliRefused(CliRunner.run(args), subject, problem);
        assertThat(tmp.resolve("out")).as("nothing written").doesNotExist();
    }

    @Test
    void emptyOrMalformedListsAreRefused() {
        assertRefused("--rates", "is empty", "--rates", "");
        assertRefused("--rates", "has an empty entry", "--rates", "0.1,,0.2");
        assertRefused("--rates", "has an empty entry", "--rates", "0.1,");
        assertRefused("--rates", "'abc' is not a number", "--rates", "0.1,abc");
        assertRefused("--rates", "lists 0.1 twice", "--rates", "0.1,0.10");
        assertRefused("--methods", "is empty", "--methods", " ");
        assertRefused("--methods", "lists byol twice", "--methods", "byol,simclr,BYOL");
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertRefused("--rates", "rate 0 must be a positive number", "--rates", "0.1,0");
        assertRefused("--rates", "rate -0.2 must be a positive number", "--rates", "-0.2");
        assertRefused("--rates", "rate NaN must be a positive number", "--rates", "NaN");
    }

    @Test
    void anUnknownMethodIsRefusedListingTheValidOnes() {
        assertRefused("--methods", "unknown method 'dino'; valid: simclr, mocov2, byol, barlow", "--methods",
                "simclr,dino");
    }

    @Test
    void aRateWhoseBudgetDoesNotFitIsRefusedBeforeAnyPointRuns() {
        Path config = TinyRun.config(tmp, "");
        // floor(3 · 360 / 4) = 270 poison images: the contrastive selector needs 2M ≤ N
        assertRefused("--rates", "rate 3: contrastive needs 2M ≤ N", "--rates", "0.2,3", "--config", config.toString());
    }

    @Test
    void aNonEmptyDirectoryThatHoldsNoSweepIsRefused() throws Exception {
        Path config = TinyRun.config(tmp, "");
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRunner.Result r = CliRunner.run("sweep", "--rates", "0.2", "--preset", "quick", "--config",
                config.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: " + out + ": is not empty and holds no nlb sweep (no points/);"
                + " choose another --out or use --force to replace it");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("notes.txt"));
        }
    }

    @Test
    void ratesAreNamedWithoutTrailingZerosAndMethodsOnlyWhenSwept() {
        SweepGrid grid = SweepGrid.parse(Optional.of(" 0.10, 6e-1 ,1"), Optional.empty());
        assertThat(grid.rates()).containsExactly(0.1, 0.6, 1.0);
        assertThat(grid.rates().stream().map(SweepGrid::rateText)).containsExactly("0.1", "0.6", "1");
        assertThat(grid.namesMethods()).isFalse();
        assertThat(SweepGrid.parse(Optional.empty(), Optional.of("MoCoV2")).methods()).containsExactly("mocov2");
    }


    @Test
    void anOutOverTheConfigOrTheDataIsRefusedEvenWithForce() throws Exception {
        Path config = TinyRun.config(tmp, "");
        Path data = tmp.resolve("data");
        List<Path> inputs = List.of(config, data);

        InputsUnchanged.assertRefused(tmp, "contains an input (--config " + config + ")", inputs,
                "sweep", "--rates", "0.2", "--preset", "quick", "--config", config.toString(), "--out", tmp.toString(),
                "--force");
        InputsUnchanged.assertRefused(data, "is an input (the data set idx:" + data + ")", inputs,
                "sweep", "--rates", "0.2", "--preset", "quick", "--config", config.toString(), "--out", data.toString(),
                "--force");
        InputsUnchanged.assertRefused(data.resolve("sweep"), "is inside an input", inputs,
                "sweep", "--rates", "0.2", "--preset", "quick", "--config", config.toString(), "--out",
                data.resolve("sweep").toString());
    }
}
