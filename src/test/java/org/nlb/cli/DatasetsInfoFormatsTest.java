package org.nlb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlb datasets info} on CIFAR and image-folder data, through the real command line. */
class DatasetsInfoFormatsTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** A CIFAR-10 directory of 7 train images (labels 3, 3, 3, 0, 0, 9, 9) and 3 test images (label 1). */
    private void cifar10() throws IOException {
        int[][] batches = {{3}, {3}, {3}, {0}, {0, 9, 9}};
        for (int b = 0; b < 5; b++) {
            Files.write(dir.resolve("data_batch_" + (b + 1) + ".bin"), records(batches[b]));
        }
        Files.write(dir.resolve("test_batch.bin"), records(new int[] {1, 1, 1}));
    }

    private static byte[] records(int[] labels) {
        byte[] out = new byte[labels.length * 3073];
        for (int k = 0; k < labels.length; k++) {
            out[k * 3073] = (byte) labels[k];
            Arrays.fill(out, k * 3073 + 1, (k + 1) * 3073, (byte) (17 * k));
        }
        return out;
    }

    @Test
    void infoOnCifar10PrintsCountsAndClasses() throws IOException {
        cifar10();
        Run r = run("datasets", "info", "cifar10:" + dir);
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("images    3x32x32").contains("train     7 images").contains("test      3 images")
                .contains("classes   10");
        assertThat(r.out()).containsPattern("\\n\\s+0\\s+airplane\\s+2\\s+0\\n")
                .containsPattern("\\n\\s+1\\s+automobile\\s+0\\s+3\\n")
                .containsPattern("\\n\\s+3\\s+cat\\s+3\\s+0\\n")
                .containsPattern("\\n\\s+9\\s+truck\\s+2\\s+0\\n");
    }

    @Test
    void infoOnAnImageFolderPrintsCountsAndClasses() throws IOException {
        String[] train = {"cat/1.png", "cat/2.png", "cat/3.png", "dog/1.png", "dog/2.png", "emu/1.png", "emu/2.png"};
        String[] test = {"cat/9.png", "dog/9.png", "dog/8.png"};
        for (String name : train) {
            png(dir.resolve("train").resolve(name));
        }
        for (String name : test) {
            png(dir.resolve("test").resolve(name));
        }
        Run r = run("datasets", "info", "folder:" + dir);
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("images    3x5x4").contains("train     7 images").contains("test      3 images")
                .contains("classes   3");
        assertThat(r.out()).containsPattern("\\n\\s+0\\s+cat\\s+3\\s+1\\n")
                .containsPattern("\\n\\s+1\\s+dog\\s+2\\s+2\\n")
                .containsPattern("\\n\\s+2\\s+emu\\s+2\\s+0\\n");
    }

    private static void png(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(4, 5, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    @Test
    void truncatedCifarFileIsOneErrorLineAndStatus2() throws IOException {
        cifar10();
        Path file = dir.resolve("data_batch_5.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        Run r = run("datasets", "info", "cifar10:" + dir);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("error: " + file + ": truncated:")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
