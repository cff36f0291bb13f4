package org.nlb.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nlb.NlbVersion;
import org.nlb.artefact.Artefacts;
import org.nlb.artefact.GeometryValues;
import org.nlb.artefact.Probe;
import org.nlb.artefact.ProbeMetrics;
import org.nlb.model.EncoderSpec;

/**
 * The {@code metrics.json} of {@code nlb probe} and its one-screen summary. Metric names are those
 * of DESIGN §4 and §7 ({@code clean_acc}, {@code poison_acc}, {@code asr}, {@code clean_to_target});
 * an undefined fraction (no test image outside the target class) is {@code null}.
 */
public final class ProbeReport {
    /** What the run's geometry was measured on, as metrics.json says it. */
    static final String GEOMETRY_FEATURES = "L2-normalised backbone features, before the linear probe's scaling"
            + " (as the kNN sees them)";

    private ProbeReport() {}

    public static String json(ProbeRun.Result result) {
        return Artefacts.write(describe(result));
    }

    static ProbeMetrics describe(ProbeRun.Result r) {
        ProbeRun.Request q = r.request();
        ProbeMetrics.Data data = new ProbeMetrics.Data(q.data().toString(), q.downstream().map(Object::toString).orElse(null),
                r.downstreamSize(), q.downstream().isPresent() ? "the train images listed in " + q.downstream().get()
                : "the whole train set (no --downstream given)", r.testLabels().size(), r.testLabels().classCount(),
                r.testLabels().classNames());
        ProbeMetrics.Trigger trigger = q.trigger().map(t -> new ProbeMetrics.Trigger(t.name(), t.parameters()))
                .orElse(null);
        GeometryValues geometry = r.geometry().map(g -> new GeometryValues(g.triggerCosine(), g.targetPull(),
                g.triggeredSpread(), g.cleanSpread(), GEOMETRY_FEATURES)).orElse(null);
        ProbeMetrics.Result<ProbeMetrics.LinearSettings> linear = null;
        ProbeMetrics.Result<ProbeMetrics.KnnSettings> knn = null;
        for (ProbeRun.ProbeResult p : r.probes()) {
            if (p.probe() == Probe.LINEAR) {
                linear = probe(p, linearSettings(q.linear()));
            } else {
                knn = probe(p, knnSettings(q.knn()));
            }
        }
        return new ProbeMetrics(encoder(q, r.encoder()), data,
                new ProbeMetrics.Features(true, q.extraction().batchSize()), trigger,
                q.target().isPresent() ? q.target().getAsInt() : null, geometry, new ProbeMetrics.Probes(linear, knn),
                new ProbeMetrics.Timings(round(r.loadSeconds()), round(r.featureSeconds()), round(r.totalSeconds())),
                NlbVersion.get());
    }

    private static ProbeMetrics.Encoder encoder(ProbeRun.Request q, ProbeRun.LoadedEncoderSummary e) {
        EncoderSpec s = e.spec();
        return new ProbeMetrics.Encoder(q.encoderDir().toString(), s.backbone().kind().cliName(),
                s.backbone().inputChannels(), Arrays.stream(s.backbone().widths()).boxed().toList(), e.featureDim(),
                s.height(), s.width(), s.method(), s.epochs(), s.seed(), s.nlbVersion());
    }

    private static <S> ProbeMetrics.Result<S> probe(ProbeRun.ProbeResult p, S settings) {
        Optional<BackdoorMetrics> b = p.backdoor();
        return new ProbeMetrics.Result<>(settings, p.trainAcc(), p.cleanAcc(), b.map(BackdoorMetrics::poisonAcc).orElse(null),
                b.map(BackdoorMetrics::asr).orElse(null), b.map(BackdoorMetrics::cleanToTarget).orElse(null),
                b.map(BackdoorMetrics::nonTarget).orElse(null), b.map(m -> rows(m.confusion())).orElse(null),
                round(p.seconds()));
    }

    private static List<List<Integer>> rows(int[][] counts) {
        return Arrays.stream(counts).map(row -> Arrays.stream(row).boxed().toList()).toList();
    }

    private static ProbeMetrics.LinearSettings linearSettings(LinearProbe p) {
        return new ProbeMetrics.LinearSettings("multinomial logistic regression", "adamw", "cosine, no warm-up",
                p.epochs(), p.batchSize(), p.learningRate(), p.weightDecay(), p.scaling().cliName(), p.seed());
    }

    private static ProbeMetrics.KnnSettings knnSettings(KnnProbe k) {
        return new ProbeMetrics.KnnSettings("cosine", k.k(), k.temperature(),
                "exp(similarity / temperature), summed per class (solo-learn)");
    }

    /** A few lines for the terminal: one per probe. */
    public static String summary(ProbeRun.Result r) {
        ProbeRun.Request q = r.request();
        EncoderSpec s = r.encoder().spec();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "encoder %s, %s, %d epochs; probes trained on %,d images (%s), tested on %,d%n",
                s.backbone(), s.method(), s.epochs(), r.downstreamSize(),
                q.downstream().map(p -> "downstream " + p).orElse("whole train set: no --downstream given"),
                r.testLabels().size()));
        q.trigger().ifPresent(t -> sb.append(String.format(Locale.ROOT, "trigger %s %s, target %d (%s)%n", t.name(),
                t.parameters(), q.target().getAsInt(), r.testLabels().classNames().get(q.target().getAsInt()))));
        r.geometry().ifPresent(g -> sb.append(String.format(Locale.ROOT,
                "trigger geometry: cosine %.3f, target pull %+.3f, spread triggered %.3f / clean %.3f%n",
                g.triggerCosine(), g.targetPull(), g.triggeredSpread(), g.cleanSpread())));
        for (ProbeRun.ProbeResult p : r.probes()) {
            sb.append(String.format(Locale.ROOT, "%-6s clean_acc %.4f", p.name(), p.cleanAcc()));
            p.backdoor().ifPresent(b -> sb.append(String.format(Locale.ROOT, "  poison_acc %.4f  asr %.4f  clean_to_target %.4f",
                    b.poisonAcc(), b.asr(), b.cleanToTarget())));
            sb.append(String.format(Locale.ROOT, "  (%.1f s)%n", p.seconds()));
        }
        sb.append(String.format(Locale.ROOT, "features %.1f s, total %.1f s -> %s%n", r.featureSeconds(), r.totalSeconds(), q.out()));
        return sb.toString();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
