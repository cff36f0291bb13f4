package org.nlb.cli;

import org.nlb.testing.InputsUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.model.EncoderStore;
import org.nlb.testing.CliRunner;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/** {@code nlb pretrain}: its outputs, and one {@code error:} line with exit 2 for bad input (DESIGN §7). */
class PretrainCommandTest {
    @TempDir
    Path tmp;
    private Path data;

    @BeforeEach
    void writeData() throws Exception {
        data = IdxFiles.writeSet(Files.createDirectories(tmp.resolve("data")),
                TestImages.patterns(80, 12, 1), TestImages.patterns(8, 12, 2), false);
    }

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("pretrain", "--data", "idx:" + data, "--method", "byol",
                "--widths", "16,16", "--batch-size", "16"));
        a.addAll(Arrays.asList(extra));
        if (!a.contains("--epochs")) {
            a.addAll(List.of("--epochs", "2"));
        }
        if (!a.contains("--threads")) {
            a.addAll(List.of("--threads", "1"));
        }
        return a.toArray(String[]::new);
    }

    private static void assertOneErrorLine(CliRunner.Result r, String... parts) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: ");
        for (String p : parts) {
            assertThat(r.errLines().get(0)).contains(p);
        }
    }

    @Test
    void writesEncoderConfigLogAndCheckpointAndTrainsOnlyTheSubset() throws Exception {
        Path subset = tmp.resolve("pretrain.npy");
        Npy.write(subset, NpyArray.indices(java.util.stream.IntStream.range(0, 48).toArray()));
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run(args("--subset", subset.toString(), "--out", out.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("byol: 2 epochs on 48 images");
        assertThat(out.resolve("log.csv")).content().startsWith("epoch,step,loss,lr,images_per_s,seconds\n1,3,");
        assertThat(out.resolve("checkpoint.nlb")).exists();

        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertThat(config.at("/config/method").asText()).isEqualTo("byol");
        assertThat(config.at("/config/backbone/widths").toString()).isEqualTo("[16,16]");
        assertThat(config.at("/config/head/predictor_hidden").asInt()).isEqualTo(4096);
        assertThat(config.at("/config/augment/normalization/mean").size()).isEqualTo(1);
        assertThat(config.at("/data/images").asInt()).isEqualTo(48);
        assertThat(config.at("/seeds/augment").isNumber()).isTrue();
        assertThat(config.at("/versions/engine").asText()).startsWith("PyTorch");

        var spec = EncoderStore.readSpec(out.resolve(EncoderStore.SPEC_FILE));
        assertThat(spec.method()).isEqualTo("byol");
        assertThat(spec.epochs()).isEqualTo(2);
        assertThat(spec.mean()[0]).isEqualTo((float) config.at("/config/augment/normalization/mean/0").asDouble());
        assertThat(out.resolve(EncoderStore.PROJECTOR_FILE)).exists();
        assertThat(EncoderStore.readProjectorSpec(out.resolve(EncoderStore.SPEC_FILE)))
                .as("BYOL's online projector, not its predictor").contains(org.nlb.model.MlpSpec.byol(4096, 256));
    }

    @Test
    void unknownMethodOrBackboneListsTheValidNames() {
        assertOneErrorLine(CliRunner.run("pretrain", "--method", "simsiam", "--epochs", "1", "--out", tmp + "/o"),
                "--method", "simsiam", "simclr, mocov2, byol, barlow");
        assertOneErrorLine(CliRunner.run("pretrain", "--method", "simclr", "--backbone", "vgg", "--epochs", "1",
                "--out", tmp + "/o"), "--backbone", "resnet18, small");
    }

    @Test
    void epochsAndBatchSizeMustBePositive() {
        assertOneErrorLine(CliRunner.run(args("--epochs", "0", "--out", tmp + "/o")), "--epochs", "at least 1");
        assertOneErrorLine(CliRunner.run(args("--batch-size", "1", "--out", tmp + "/o")), "--batch-size");
        assertOneErrorLine(CliRunner.run(args("--lr", "-1", "--out", tmp + "/o")), "--lr");
        assertOneErrorLine(CliRunner.run(args("--widths", "8,0", "--out", tmp + "/o")), "--widths");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void widthsThatAreNotMultiplesOf16AreRefusedForTrainingNotForAnUntrainedEncoder() {
        assertOneErrorLine(CliRunner.run(args("--widths", "16,24", "--out", tmp + "/o")), "--widths",
                "width 24 is not a multiple of 16", "NaN");
        assertThat(tmp.resolve("o")).doesNotExist();
        CliRunner.Result untrained = CliRunner.run("pretrain", "--data", "idx:" + data, "--method", "simclr",
                "--widths", "8,12", "--untrained", "--out", tmp + "/u");
        assertThat(untrained.exitCode()).as(untrained.toString()).isZero();
    }

    @Test
    void cropMinScaleReplacesTheRecipesOnBothViews() throws Exception {
        Path out = tmp.resolve("crop");
        CliRunner.Result r = CliRunner.run(args("--crop-min-scale", "0.08", "--epochs", "1", "--max-steps", "1",
                "--out", out.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        for (String view : List.of("view1", "view2")) {
            assertThat(config.at("/config/augment/" + view + "/crop/min_scale").asDouble()).isEqualTo(0.08);
            assertThat(config.at("/config/augment/" + view + "/crop/max_scale").asDouble()).isEqualTo(1.0);
        }
        assertThat(config.at("/config/augment/view2/solarize").asDouble()).as("the rest is the recipe's").isEqualTo(0.2);
        assertOneErrorLine(CliRunner.run(args("--crop-min-scale", "0", "--out", tmp + "/o")), "--crop-min-scale",
                "crop scale must satisfy 0 < min <= max <= 1, got 0.0..1.0");
        assertOneErrorLine(CliRunner.run(args("--crop-min-scale", "1.5", "--out", tmp + "/o")), "--crop-min-scale");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void resumeNeedsACheckpointMadeWithTheSameSettings() {
        Path out = tmp.resolve("run");
        assertOneErrorLine(CliRunner.run(args("--out", out.toString(), "--resume")), "no checkpoint to resume from");

        assertThat(CliRunner.run(args("--out", out.toString())).exitCode()).isZero();
        assertOneErrorLine(CliRunner.run(args("--out", out.toString())), "--resume", "--force");
        assertOneErrorLine(CliRunner.run(args("--out", out.toString(), "--resume", "--lr", "0.5")),
                "config.optimizer.base_lr: 1.0 in the checkpoint, 0.5 now");
        assertOneErrorLine(CliRunner.run(args("--out", out.toString(), "--resume", "--seed", "3")), "config.seed");

        CliRunner.Result again = CliRunner.run(args("--out", out.toString(), "--resume", "--threads", "2"));
        assertThat(again.exitCode()).as("a finished run resumes to no-op; threads may differ: " + again).isZero();
        assertThat(CliRunner.run(args("--out", out.toString(), "--force", "--epochs", "1")).exitCode()).isZero();
    }

    @Test
    void untrainedWritesTheInitialisedEncoderOfTheSameArchitecture() throws Exception {
        Path out = tmp.resolve("random");
        CliRunner.Result r = CliRunner.run("pretrain", "--data", "idx:" + data, "--method", "simclr", "--widths", "16,16",
                "--untrained", "--seed", "5", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var spec = EncoderStore.readSpec(out.resolve(EncoderStore.SPEC_FILE));
        assertThat(spec.method()).isEqualTo("random");
        assertThat(spec.epochs()).isZero();
        assertThat(spec.seed()).isEqualTo(5);
        assertThat(spec.backbone().widths()).containsExactly(16, 16);
        assertThat(out.resolve(EncoderStore.PARAMS_FILE)).exists();
        assertThat(out.resolve(EncoderStore.PROJECTOR_FILE)).as("the random projector too").exists();
        assertThat(EncoderStore.readProjectorSpec(out.resolve(EncoderStore.SPEC_FILE)))
                .contains(org.nlb.model.MlpSpec.simclr(2048, 256));
        assertThat(out.resolve("checkpoint.nlb")).doesNotExist();

        Path again = tmp.resolve("again");
        CliRunner.run("pretrain", "--data", "idx:" + data, "--method", "byol", "--widths", "16,16", "--untrained",
                "--seed", "5", "--out", again.toString());
        assertThat(Files.readAllBytes(again.resolve(EncoderStore.PARAMS_FILE)))
                .as("the same seed draws the same backbone whatever the method's heads")
                .isEqualTo(Files.readAllBytes(out.resolve(EncoderStore.PARAMS_FILE)));
        assertOneErrorLine(CliRunner.run("pretrain", "--data", "idx:" + data, "--method", "simclr", "--out",
                tmp.resolve("x").toString()), "--epochs", "is required");
    }

    @Test
    void theReferenceRecipeTrainsResnet18WithTheCifarStem() throws Exception {
        Path out = tmp.resolve("reference");
        CliRunner.Result r = CliRunner.run("pretrain", "--data", "idx:" + data, "--method", "simclr", "--recipe", "reference",
                "--backbone", "resnet18", "--batch-size", "8", "--epochs", "1", "--max-steps", "1", "--threads", "1",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertThat(config.at("/config/backbone/widths").toString()).isEqualTo("[64,128,256,512]");
        assertThat(config.at("/config/backbone/stem_stride").asInt()).isEqualTo(1);
        assertThat(config.at("/config/augment_preset").asText()).isEqualTo("reference");
        assertThat(config.at("/config/optimizer/warmup_epochs").asDouble()).isEqualTo(10);
        assertThat(config.at("/peak_lr").asDouble()).isEqualTo(0.4 * 8 / 256);
        assertThat(EncoderStore.readSpec(out.resolve(EncoderStore.SPEC_FILE)).backbone().featureDim()).isEqualTo(512);
    }


    @Test
    void forceNeverReplacesTheDataOrADirectoryHoldingTheSubset() throws Exception {
        Path subset = Files.createDirectories(tmp.resolve("split")).resolve("pretrain.npy");
        Npy.write(subset, NpyArray.indices(new int[] {0, 1, 2, 3}));
        List<Path> inputs = List.of(data, subset);

        InputsUnchanged.assertRefused(data, "is an input (the data set idx:" + data + ")", inputs,
                args("--out", data.toString(), "--force"));
        InputsUnchanged.assertRefused(tmp.resolve("split"), "contains an input (--subset " + subset + ")", inputs,
                args("--subset", subset.toString(), "--out", tmp.resolve("split").toString(), "--force"));
        InputsUnchanged.assertRefused(data.resolve("enc"), "is inside an input", inputs,
                args("--out", data.resolve("enc").toString(), "--untrained"));
    }

    @Test
    void aForcedRunThatFailsMidwayLeavesTheOldRunWhole() throws Exception {
        Path out = tmp.resolve("run");
        assertThat(CliRunner.run(args("--out", out.toString(), "--epochs", "1")).exitCode()).isZero();
        var before = InputsUnchanged.hashes(List.of(out));

        // a learning rate this large makes the loss NaN within the first epoch: the new run fails
        CliRunner.Result failed = CliRunner.run(args("--out", out.toString(), "--force", "--lr", "1e30"));

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(failed.errLines()).last().asString().startsWith("error: ").contains("NaN"); // after the progress lines
        assertThat(InputsUnchanged.hashes(List.of(out))).as("the old run, byte for byte").isEqualTo(before);
        assertThat(tmp.resolve(".run.nlb-new")).as("the unfinished replacement, beside it").isDirectory();

        CliRunner.Result forced = CliRunner.run(args("--out", out.toString(), "--force", "--seed", "7"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.resolve("config.json").toFile()).at("/config/seed").asLong()).isEqualTo(7);
        assertThat(tmp.resolve(".run.nlb-new")).doesNotExist();
        try (var entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "run");
        }
    }
}
