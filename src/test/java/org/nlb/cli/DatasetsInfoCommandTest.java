package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.CliRunner;
import org.nlb.testing.CliRunner.Result;
import org.nlb.testing.IdxFiles;
import org.nlb.testing.TestImages;

/** {@code nlb datasets info}: the summary of a data set, and bad input as exactly one error line. */
class DatasetsInfoCommandTest {
    @TempDir
    Path tmp;

    private Path data;

    @BeforeEach
    void writeSet() throws IOException {
        data = IdxFiles.writeSet(tmp.resolve("set"), TestImages.labeled(12, 1, 6, 5, 3, 1),
                TestImages.labeled(6, 1, 6, 5, 3, 2), true);
        Files.writeString(data.resolve("classes.txt"), "cat\ndog\nbird\n");
    }

    @Test
    void printsCountsShapeAndClasses() {
        Result r = CliRunner.run("datasets", "info", "idx:" + data);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("idx:" + data, "1x6x5", "12 images", "6 images", "classes   3");
        assertThat(r.out()).containsPattern("0\\s+cat\\s+4\\s+2");
        assertThat(r.out()).containsPattern("2\\s+bird\\s+4\\s+2");
    }

    @Test
    void printsJson() throws IOException {
        Result r = CliRunner.run("datasets", "info", "--json", "idx:" + data);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("train").asInt()).isEqualTo(12);
        assertThat(json.get("test").asInt()).isEqualTo(6);
        assertThat(json.get("channels").asInt()).isEqualTo(1);
        assertThat(json.get("height").asInt()).isEqualTo(6);
        assertThat(json.get("width").asInt()).isEqualTo(5);
        assertThat(json.get("classes").toString()).isEqualTo("[\"cat\",\"dog\",\"bird\"]");
        assertThat(json.get("train_counts").toString()).isEqualTo("[4,4,4]");
        assertThat(json.get("test_counts").toString()).isEqualTo("[2,2,2]");
    }

    @Test
    void aMissingDirectoryIsOneErrorLine() {
        Result r = CliRunner.run("datasets", "info", "idx:/does/not/exist");

        assertOneErrorLine(r);
        assertThat(r.err()).isEqualTo("error: /does/not/exist: not found\n");
    }

    @Test
    void aCorruptFileIsOneErrorLineNamingIt() throws IOException {
        Path labels = data.resolve(IdxFiles.TRAIN_LABELS + ".gz");
        byte[] gz = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(gz, gz.length - 12));

        Result r = CliRunner.run("datasets", "info", "idx:" + data);

        assertOneErrorLine(r);
        assertThat(r.err()).startsWith("error: " + labels + ": truncated");
    }

    @Test
    void anUnknownFormatListsTheValidForms() {
        Result r = CliRunner.run("datasets", "info", "mnist:" + data);

        assertOneErrorLine(r);
        assertThat(r.err()).contains("unknown dataset format 'mnist'", "fashion-mnist", "idx:DIR", "cifar10:DIR", "folder:DIR");
    }

    @Test
    void aBadResizeIsOneErrorLine() {
        Result r = CliRunner.run("datasets", "info", "--resize", "big", "idx:" + data);

        assertOneErrorLine(r);
        assertThat(r.err()).startsWith("error: --resize: 'big' is not of the form HxW");
    }

    /** Bad input (DESIGN §7): exit 2, exactly one 'error:' line, no stack trace, nothing on stdout. */
    static void assertOneErrorLine(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: ");
        assertThat(r.err()).doesNotContain("Exception", "at org.", "\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(r.stray()).isEmpty();
    }
}
