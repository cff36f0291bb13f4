package org.nlb.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nlb.NlbVersion;
import org.nlb.model.EncoderSpec;

/**
 * The {@code metrics.json} of {@code nlb probe} and its one-screen summary. Metric names are those
 * of DESIGN §4 and §7 ({@code clean_acc}, {@code poison_acc}, {@code asr}, {@code clean_to_target});
 * an undefined fraction (no test image outside the target class) is {@code null}.
 */
public final class ProbeReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProbeReport() {}

    public static String json(ProbeRun.Result result) {
        try {
            return JSON.writeValueAsString(describe(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> describe(ProbeRun.Result r) {
        ProbeRun.Request q = r.request();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("encoder", encoder(q, r.encoder()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", q.data().toString());
        data.put("downstream", q.downstream().map(Object::toString).orElse(null));
        data.put("probe_train_images", r.downstreamSize());
        data.put("probe_train_source", q.downstream().isPresent() ? "the train images listed in " + q.downstream().get()
                : "the whole train set (no --downstream given)");
        data.put("test_images", r.testLabels().size());
        data.put("classes", r.testLabels().classCount());
        data.put("class_names", r.testLabels().classNames());
        root.put("data", data);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("l2_normalised", true);
        features.put("batch_size", q.extraction().batchSize());
        root.put("features", features);
        root.put("trigger", q.trigger().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("parameters", t.parameters());
            return m;
        }).orElse(null));
        root.put("target", q.target().isPresent() ? q.target().getAsInt() : null);
        root.put("trigger_geometry", r.geometry().map(ProbeReport::geometry).orElse(null));
        Map<String, Object> probes = new LinkedHashMap<>();
        for (ProbeRun.ProbeResult p : r.probes()) {
            probes.put(p.name(), probe(p, q));
        }
        root.put("probes", probes);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("load_seconds", round(r.loadSeconds()));
        timings.put("features_seconds", round(r.featureSeconds()));
        timings.put("total_seconds", round(r.totalSeconds()));
        root.put("timings", timings);
        root.put("nlb_version", NlbVersion.get());
        return root;
    }

    private static Map<String, Object> geometry(TriggerGeometry g) {
        Map<String, Object> m = new LinkedHashMap<>();
        g.byName().forEach((k, v) -> m.put(k, number(v)));
        m.put("features", "L2-normalised backbone features, before the linear probe's scaling (as the kNN sees them)");
        return m;
    }

    private static Map<String, Object> encoder(ProbeRun.Request q, ProbeRun.LoadedEncoderSummary e) {
        EncoderSpec s = e.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dir", q.encoderDir().toString());
        m.put("backbone", s.backbone().kind().cliName());
        m.put("input_channels", s.backbone().inputChannels());
        m.put("widths", s.backbone().widths());
        m.put("feature_dim", e.featureDim());
        m.put("height", s.height());
        m.put("width", s.width());
        m.put("method", s.method());
        m.put("epochs", s.epochs());
        m.put("seed", s.seed());
        m.put("nlb_version", s.nlbVersion());
        return m;
    }

    private static Map<String, Object> probe(ProbeRun.ProbeResult p, ProbeRun.Request q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", p.name().equals("linear") ? linearSettings(q.linear()) : knnSettings(q.knn()));
        m.put("train_acc", number(p.trainAcc()));
        m.put("clean_acc", number(p.cleanAcc()));
        p.backdoor().ifPresent(b -> {
            m.put("poison_acc", number(b.poisonAcc()));
            m.put("asr", number(b.asr()));
            m.put("clean_to_target", number(b.cleanToTarget()));
            m.put("non_target_test_images", b.nonTarget());
            m.put("confusion_triggered", b.confusion());
        });
        m.put("seconds", round(p.seconds()));
        return m;
    }

    private static Map<String, Object> linearSettings(LinearProbe p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "multinomial logistic regression");
        m.put("optimizer", "adamw");
        m.put("schedule", "cosine, no warm-up");
        m.put("epochs", p.epochs());
        m.put("batch_size", p.batchSize());
        m.put("learning_rate", p.learningRate());
        m.put("weight_decay", p.weightDecay());
        m.put("scaling", p.scaling().cliName());
        m.put("seed", p.seed());
        return m;
    }

    private static Map<String, Object> knnSettings(KnnProbe k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distance", "cosine");
        m.put("k", k.k());
        m.put("temperature", k.temperature());
        m.put("weighting", "exp(similarity / temperature), summed per class (solo-learn)");
        return m;
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

    private static Object number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
