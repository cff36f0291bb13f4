package org.nlb.data.idx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;
import org.nlb.testing.CliRunner;
import org.nlb.testing.CliRunner.Result;
import org.nlb.testing.IdxFiles;

/**
 * The real Fashion-MNIST installed by Debian's dataset-fashion-mnist (DESIGN §6). Expected sums
 * and labels were computed with numpy from the same files:
 * {@code np.frombuffer(gzip.open(f).read(), np.uint8, offset=16).reshape(-1, 28, 28)}.
 * Skipped only where the package is not installed; CI installs it.
 */
@Tag("real-data")
class FashionMnistRealDataTest {
    private static Dataset data;

    @BeforeAll
    static void readInstalledSet() {
        Assumptions.assumeTrue(Files.isDirectory(DatasetSpec.DEBIAN_FASHION_MNIST),
                "Fashion-MNIST is not installed at " + DatasetSpec.DEBIAN_FASHION_MNIST);
        data = DatasetFormat.readDataset(DatasetSpec.parse("fashion-mnist", null), ReadOptions.DEFAULT);
    }

    @Test
    void infoShowsTheKnownCountsShapeAndClasses() throws IOException {
        Result table = CliRunner.run("datasets", "info", "fashion-mnist");
        Result json = CliRunner.run("datasets", "info", "--json", "fashion-mnist");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("1x28x28", "60,000 images", "10,000 images", "classes   10");
        for (String name : IdxFormat.FASHION_MNIST_CLASSES) {
            assertThat(table.out()).containsPattern("\\d\\s+" + java.util.regex.Pattern.quote(name) + "\\s+6,000\\s+1,000");
        }
        JsonNode summary = new ObjectMapper().readTree(json.out());
        assertThat(summary.get("train").asInt()).isEqualTo(60_000);
        assertThat(summary.get("test").asInt()).isEqualTo(10_000);
        assertThat(summary.get("channels").asInt()).isEqualTo(1);
        assertThat(summary.get("height").asInt()).isEqualTo(28);
        assertThat(summary.get("width").asInt()).isEqualTo(28);
        assertThat(summary.get("classes")).hasSize(10);
        summary.get("train_counts").forEach(n -> assertThat(n.asInt()).isEqualTo(6_000));
        summary.get("test_counts").forEach(n -> assertThat(n.asInt()).isEqualTo(1_000));
    }

    @Test
    void pixelAndLabelChecksumsMatchNumpy() {
        ImageSet train = data.train();
        ImageSet test = data.test();

        assertThat(imageSum(train, 0)).isEqualTo(76_247);
        assertThat(imageSum(train, 59_999)).isEqualTo(16_684);
        assertThat(imageSum(test, 0)).isEqualTo(33_456);
        assertThat(total(train)).isEqualTo(3_431_114_169L);
        assertThat(total(test)).isEqualTo(573_469_082L);
        assertThat(Arrays.copyOf(train.labels().orElseThrow().values(), 10)).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(Arrays.copyOf(test.labels().orElseThrow().values(), 10)).containsExactly(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        assertThat(train.labels().orElseThrow().classNames()).isEqualTo(IdxFormat.FASHION_MNIST_CLASSES);
    }

    @Test
    void aCopyDecompressesToTheInstalledBytes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("copy");

        DatasetFormat.writeDataset(data, out, false);

        for (String name : List.of(IdxFiles.TRAIN_IMAGES, IdxFiles.TRAIN_LABELS, IdxFiles.TEST_IMAGES, IdxFiles.TEST_LABELS)) {
            byte[] installed = IdxFiles.gunzip(Files.readAllBytes(DatasetSpec.DEBIAN_FASHION_MNIST.resolve(name + ".gz")));
            byte[] copy = IdxFiles.gunzip(Files.readAllBytes(out.resolve(name + ".gz")));
            assertThat(Arrays.equals(copy, installed)).as(name).isTrue();
        }
    }

    private static long imageSum(ImageSet set, int i) {
        byte[] image = set.image(i);
        return IntStream.range(0, image.length).mapToLong(k -> image[k] & 0xFF).sum();
    }

    private static long total(ImageSet set) {
        long sum = 0;
        for (byte b : set.pixels()) {
            sum += b & 0xFF;
        }
        return sum;
    }
}
