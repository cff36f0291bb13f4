package org.nlb.experiment;

import java.util.List;
import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.BadInputAssert;
import org.nlb.testing.CliRunner;

/** DESIGN §7 for {@code nlb run}: bad input ends with exit 2, one {@code error:} line, and nothing written. */
class RunCommandBadInputTest {
    @TempDir
    Path tmp;

    private void assertRefused(String subject, String problem, String... args) {
        BadInputAssert.assertCliRefused(CliRunner.run(args), subject, problem);
        assertThat(tmp.resolve("out")).as("nothing written").doesNotExist();
    }

    private String out() {
        return tmp.resolve("out").toString();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void anUnknownPresetIsRefused() {
        assertRefused("--preset", "unknown preset 'fast'; valid: quick, default, paper",
                "run", "--preset", "fast", "--out", out());
    }

    @Test
    void anUnknownConfigKeyNamesTheFileAndTheKey() throws Exception {
        Path f = file("run.yaml", "pretrain:\n  epochs: 3\n");
        assertRefused(f.toString(), "unknown key 'pretrain.epochs'", "run", "--config", f.toString(), "--out", out());
    }

    @Test
    void badValuesAreRefused() throws Exception {
        Path epochs = file("epochs.yaml", "pretrain:\n  attacker_epochs: -2\n");
        assertRefused(epochs.toString(), "pretrain.attacker_epochs: must be at least 1, got -2",
                "run", "--config", epochs.toString(), "--out", out());
        Path rate = file("rate.yaml", "attack:\n  rate: 0\n");
        assertRefused(rate.toString(), "attack.rate: must be a positive number", "run", "--config", rate.toString(),
                "--out", out());
        Path negative = file("negative.yaml", "attack:\n  rate: -0.6\n");
        assertRefused(negative.toString(), "attack.rate", "run", "--config", negative.toString(), "--out", out());
        assertRefused("--seeds", "must be at least 1, got 0", "run", "--preset", "quick", "--seeds", "0", "--out", out());
    }

    @Test
    void anUnreadableConfigFileIsRefused() throws Exception {
        Path missing = tmp.resolve("missing.yaml");
        assertRefused(missing.toString(), "not found", "run", "--config", missing.toString(), "--out", out());
        Path dir = Files.createDirectories(tmp.resolve("dir.yaml"));
        assertRefused(dir.toString(), "is a directory", "run", "--config", dir.toString(), "--out", out());
        Path broken = file("broken.yaml", "pretrain: {victim_epochs: 3\n");
        assertRefused(broken.toString(), "not valid YAML", "run", "--config", broken.toString(), "--out", out());
    }

    @Test
    void thePaperPresetNeedsData() {
        assertRefused("--data", "cifar10:DIR", "run", "--preset", "paper", "--out", out());
        CliRunner.Result r = CliRunner.run("run", "--preset", "paper", "--data", "cifar10:" + tmp, "--print-config");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"backbone\" : \"resnet18\"", "\"victim_epochs\" : 500", "\"recipe\" : \"reference\"");
    }

    @Test
    void dataThatDoesNotFitTheConfigIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path config = TinyRun.config(tmp, "");
        Path big = file("big.yaml", Files.readString(config).replace("pretrain_subset: 0", "pretrain_subset: 1000"));
        assertRefused("data.pretrain_subset", "more than the 360 pretrain images",
                TinyRun.args(big, tmp.resolve("out")));
        Path rate = file("rate.yaml", Files.readString(config).replace("assumed_classes: 4", "assumed_classes: 4\n  rate: 3"));
        assertRefused("attack.rate", "2M ≤ N", TinyRun.args(rate, tmp.resolve("out")));
        Path missing = file("nodata.yaml", Files.readString(config).replaceAll("spec: idx:.*", "spec: idx:" + tmp.resolve("nope")));
        CliRunner.Result r = CliRunner.run(TinyRun.args(missing, tmp.resolve("out")));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anOutThatHoldsSomethingElseIsRefusedUnlessForced() throws Exception {
        Path config = TinyRun.config(tmp, "");
        Files.writeString(config, Files.readString(config).replace("attack:\n", "attack:\n  selectors: [random]\n"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("keep.txt"), "mine");
        CliRunner.Result refused = CliRunner.run(TinyRun.args(config, other));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines()).containsExactly("error: " + other + ": is not empty and holds no nlb run (no"
                + " run.json); choose another --out or use --force to replace it");
        assertThat(other.resolve("keep.txt")).hasContent("mine");

        // a forced run that fails midway (its first encoder diverges) leaves the directory as it was
        Path diverging = file("diverging.yaml", Files.readString(config).replace("batch_size: 32", "batch_size: 32\n  lr: 1e30"));
        CliRunner.Result failed = CliRunner.run(TinyRun.args(diverging, other, "--force"));
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
        assertThat(failed.errLines()).last().asString().contains("NaN");
        try (var entries = Files.list(other)) {
            assertThat(entries).containsExactly(other.resolve("keep.txt"));
        }
        assertThat(other.resolve("keep.txt")).hasContent("mine");
        assertThat(tmp.resolve(".other.nlb-new/run.json")).as("the unfinished replacement, beside it").exists();

        CliRunner.Result forced = CliRunner.run(TinyRun.args(config, other, "--force"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.errLines()).as("the same kind of command continues the unfinished replacement")
                .anyMatch(l -> l.startsWith("continuing the run in " + other));
        assertThat(other.resolve("keep.txt")).doesNotExist();
        assertThat(other.resolve("results.json")).exists();
        assertThat(other.resolve("report.html")).exists();
        assertThat(tmp.resolve(".other.nlb-new")).doesNotExist();
        assertThat(RunJson.JSON.readTree(other.resolve("results.json").toFile()).get("selectors").fieldNames())
                .toIterable().containsExactly("random");
        CliRunner.Result again = CliRunner.run(TinyRun.args(config, other, "--force"));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.errLines()).as("--force continues a run, as the same command after a kill must")
                .contains("[2/7] pretrain-clean-s0 cached", "[5/7] victim-random-s0 cached");

        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliRunner.Result notDir = CliRunner.run(TinyRun.args(config, file));
        assertThat(notDir.exitCode()).isEqualTo(2);
        assertThat(notDir.errLines()).containsExactly("error: " + file + ": exists and is not a directory");
    }


    @Test
    void anOutOverTheConfigOrTheDataIsRefusedEvenWithForce() throws Exception {
        Path config = TinyRun.config(tmp, "");
        Path data = tmp.resolve("data");
        List<Path> inputs = List.of(config, data);

        InputsUnchanged.assertRefused(tmp, "contains an input (--config " + config + ")", inputs,
                TinyRun.args(config, tmp, "--force"));
        InputsUnchanged.assertRefused(data, "is an input (the data set idx:" + data + ")", inputs,
                TinyRun.args(config, data, "--force"));
        InputsUnchanged.assertRefused(data.resolve("run"), "is inside an input (the data set idx:" + data + ")", inputs,
                TinyRun.args(config, data.resolve("run")));
        assertThat(data.resolve("run")).doesNotExist();
    }

    @Test
    void aConfigFileInsideTheOutIsRefused() throws Exception {
        // --force would replace DIR, and a config named config.json there would be overwritten by the run
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path config = Files.copy(TinyRun.config(tmp, ""), out.resolve("tiny.yaml"));

        InputsUnchanged.assertRefused(out, "contains an input (--config " + config + ")", List.of(config),
                TinyRun.args(config, out, "--force"));
        InputsUnchanged.assertRefused(config, "is an input (--config " + config + ")", List.of(config),
                TinyRun.args(config, config));
    }
}
