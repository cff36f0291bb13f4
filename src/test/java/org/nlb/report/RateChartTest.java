package org.nlb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.testing.BadInputAssert;

/**
 * {@link RateChart}: runs of one setting at several rates drawn as one PNG of four charts whose
 * data hold each run's figures in their place, or refused with nothing written.
 */
class RateChartTest {
    @TempDir
    Path tmp;

    /**
     * The made-up mean of {@code metric} for a selector under a probe at {@code rate}: different for
     * every selector, probe, metric and rate, so a figure drawn in the wrong place shows.
     */
    private static double figure(String selector, Probe probe, Metric metric, double rate) {
        boolean contrastive = selector.equals("contrastive");
        double asr = probe == Probe.LINEAR ? (contrastive ? 0.30 + rate / 2 : 0.10 + rate / 10)
                : (contrastive ? 0.20 + rate / 4 : 0.08 + rate / 20);
        double clean = probe == Probe.LINEAR ? 0.05 : 0.07;
        return switch (metric) {
            case ASR -> asr;
            case ASR_CLEAN_ENCODER -> clean;
            case BACKDOOR -> asr - clean;
            default -> throw new IllegalArgumentException(metric.toString());
        };
    }

    /** The spread of every ASR and effect over two seeds: values mean ± 0.1. */
    private static final double TWO_SEED_STD = Math.sqrt(0.02);

    private static String stat(double mean, int seeds) {
        return seeds == 1 ? String.format(Locale.ROOT, "{\"mean\": %s, \"std\": 0, \"values\": [%1$s]}", mean)
                : String.format(Locale.ROOT, "{\"mean\": %s, \"std\": %s, \"values\": [%s, %s]}", mean, TWO_SEED_STD,
                        mean - 0.1, mean + 0.1);
    }

    private static String selector(String name, double rate, int seeds, boolean withKnn) {
        StringBuilder sb = new StringBuilder("{\"ccr\": 0.9, \"targets\": [8], \"target\": 8");
        for (Probe p : withKnn ? Probe.values() : new Probe[] {Probe.LINEAR}) {
            sb.append(String.format(Locale.ROOT, ", \"%s\": {\"clean_acc\": 0.8, \"clean_acc_drop\": 0.0,"
                    + " \"asr\": %s, \"asr_clean_encoder\": %s, \"backdoor\": %s}", p.name().toLowerCase(Locale.ROOT),
                    stat(figure(name, p, Metric.ASR, rate), seeds), figure(name, p, Metric.ASR_CLEAN_ENCODER, rate),
                    stat(figure(name, p, Metric.BACKDOOR, rate), seeds)));
        }
        return sb.append('}').toString();
    }

    private Path run(String name, String method, double rate, int size, int seeds) throws Exception {
        return run(name, method, rate, size, seeds, true);
    }

    /** A run's results.json with the selectors contrastive and random; {@code randomKnn}: whether random has kNN figures. */
    private Path run(String name, String method, double rate, int size, int seeds, boolean randomKnn) throws Exception {
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
                rate, rate / 10, selector("contrastive", rate, seeds, true), selector("random", rate, seeds, randomKnn));
        Path dir = Files.createDirectories(tmp.resolve(name));
        return Files.writeString(dir.resolve("results.json"), results);
    }

    @Test
    void eachChartHoldsItsMetricUnderItsProbeForEverySelectorAndRate() throws Exception {
        RunFile high = RunFile.readFile(run("r06", "mocov2", 0.6, 7, 2));
        RunFile mid = RunFile.readFile(run("r045", "mocov2", 0.45, 7, 1, false));
        RunFile low = RunFile.readFile(run("r03", "mocov2", 0.3, 7, 1));
        List<RateChart.Panel> panels = RateChart.panels(List.of(high, low, mid));
        assertThat(panels).extracting(p -> p.metric() + " " + p.probe() + " at " + p.row() + ", " + p.column())
                .containsExactly("BACKDOOR LINEAR at 0, 0", "BACKDOOR KNN at 0, 1", "ASR LINEAR at 1, 0", "ASR KNN at 1, 1");
        List<String> rates = List.of(RateChart.label(low.results()), RateChart.label(mid.results()),
                RateChart.label(high.results()));
        for (RateChart.Panel panel : panels) {
            assertThat(panel.title()).startsWith(panel.probe().title() + " · mocov2 — "
                    + (panel.metric() == Metric.ASR ? "ASR vs" : "backdoor effect vs"));
            StatisticalCategoryDataset data = panel.chart().data();
            String what = panel.title();
            assertThat(data.getRowKeys()).as(what).containsExactly("contrastive", "random");
            assertThat(data.getColumnKeys()).as(what).containsExactly(rates.toArray());
            for (String selector : List.of("contrastive", "random")) {
                for (RunFile run : List.of(low, mid, high)) {
                    String label = RateChart.label(run.results());
                    Number mean = data.getMeanValue(selector, label);
                    Number std = data.getStdDevValue(selector, label);
                    if (run == mid && selector.equals("random") && panel.probe() == Probe.KNN) {
                        assertThat(mean).as("%s: a figure the run lacks leaves a gap", what).isNull();
                        continue;
                    }
                    double expected = 100 * figure(selector, panel.probe(), panel.metric(), run.results().rate());
                    assertThat(mean.doubleValue()).as("%s, %s at %s", what, selector, label).isCloseTo(expected, within(1e-9));
                    if (run.results().seeds().size() == 1) {
                        assertThat(std).as("%s, %s at %s: no error bar for one seed", what, selector, label).isNull();
                    } else {
                        assertThat(std.doubleValue()).as("%s, %s at %s", what, selector, label)
                                .isCloseTo(100 * TWO_SEED_STD, within(1e-9));
                    }
                }
            }
        }
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
