package org.nlb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.testing.BadInputAssert;

/** {@link RateChart}: runs of one setting at several rates drawn as one PNG, or refused with nothing written. */
class RateChartTest {
    @TempDir
    Path tmp;

    private Path run(String name, String method, double rate, int size, int seeds) throws Exception {
        String values = seeds == 1 ? "[0.4]" : "[0.3, 0.5]";
        String selector = """
                {"ccr": 0.9, "targets": [8], "target": 8,
                 "linear": {"clean_acc": 0.82, "asr": {"mean": 0.4, "std": 0.1, "values": %1$s},
                            "asr_clean_encoder": 0.05, "backdoor": {"mean": 0.35, "std": 0.1, "values": %1$s},
                            "clean_acc_drop": 0.0},
                 "knn": {"clean_acc": 0.73, "asr": 0.45, "asr_clean_encoder": 0.05, "backdoor": 0.4, "clean_acc_drop": 0.0}}
                """.formatted(values);
        String results = String.format(Locale.ROOT, """
                {"config": {"pretrain": {"method": "%s", "recipe": "cpu", "attacker_epochs": 20, "victim_epochs": 20}},
                 "dataset": {"spec": "fashion-mnist", "channels": 1, "height": 28, "width": 28, "pretrain": 10000,
                             "classes": 10, "class_names": %s},
                 "seeds": %s,
                 "trigger": {"kind": "checkerboard-4corner", "alpha": 1.0, "size": %d},
                 "budget": %d, "rate": %s, "assumed_classes": 10, "poison_share": %s,
                 "selectors": {"contrastive": %s, "random": %s},
                 "timings": {"total_seconds": 600.0}}
                """, method, ExperimentRowsTest.CLASS_NAMES, seeds == 1 ? "[0]" : "[0, 1]", size, (int) (rate * 1000),
                rate, rate / 10, selector, selector);
        Path dir = Files.createDirectories(tmp.resolve(name));
        return Files.writeString(dir.resolve("results.json"), results);
    }

    @Test
    void runsAtSeveralRatesMakeOnePngOfFourCharts() throws Exception {
        Path high = run("r06", "mocov2", 0.6, 7, 2);
        Path low = run("r03", "mocov2", 0.3, 7, 1);
        Path out = tmp.resolve("charts/rate.png");
        RateChart.write(List.of(high, low), out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(2 * ChartStyle.WIDTH);
        assertThat(png.getHeight()).isEqualTo(2 * RateLineChart.HEIGHT);
        assertThat(RateChart.label(RunFile.readFile(low).results())).isEqualTo("0.3 (3.0 % of pretrain, 1 seed)");
        assertThat(RateChart.label(RunFile.readFile(high).results())).isEqualTo("0.6 (6.0 % of pretrain, 2 seeds)");
    }

    @Test
    void runsOfAnotherSettingOrAtTheSameRateAreRefusedAndNothingIsWritten() throws Exception {
        Path moco = run("moco", "mocov2", 0.6, 7, 2);
        Path simclr = run("simclr", "simclr", 0.3, 7, 2);
        Path bigger = run("bigger", "mocov2", 0.3, 8, 2);
        Path again = run("again", "mocov2", 0.6, 7, 1);
        Path out = tmp.resolve("rate.png");
        BadInputAssert.assertBadInput(() -> RateChart.write(List.of(moco, simclr), out), simclr,
                "pretrain.method simclr differs from mocov2");
        BadInputAssert.assertBadInput(() -> RateChart.write(List.of(moco, bigger), out), bigger, "trigger");
        BadInputAssert.assertBadInput(() -> RateChart.write(List.of(moco, again), out), again,
                "has the rate 0.6 of", "one run per rate");
        Path missing = tmp.resolve("gone/results.json");
        BadInputAssert.assertBadInput(() -> RateChart.write(List.of(moco, missing), out), missing);
        assertThat(out).doesNotExist();
        assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".png")
                || p.getFileName().toString().startsWith("."));
    }
}
