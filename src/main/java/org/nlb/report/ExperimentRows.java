package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nlb.artefact.DatasetInfo;
import org.nlb.artefact.GeometryFigure;
import org.nlb.artefact.Metric;
import org.nlb.artefact.Probe;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.SelectorSummary;
import org.nlb.artefact.Stat;
import org.nlb.io.BadInputException;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerOption;
import org.nlb.ssl.SslMethodKind;
import org.nlb.train.PretrainConfig;

/**
 * {@code nlb report --rows}: the rows of EXPERIMENTS.md's results table, one Markdown row per
 * selector of each run, read from the run's {@code results.json} (run contract) so that no figure
 * is copied by hand. The resolved config the row needs (method, epochs, recipe) is the one
 * {@code results.json} embeds, identical to the {@code config.json} beside it.
 *
 * <p>Cells: id = the name of the directory holding the file; N × E = pretrain images × victim
 * epochs (the attacker's epochs added when they differ); crop = {@code pretrain.augment.crop_min_scale}
 * when the config has it, else the recipe's (cpu 0.2, reference 0.08); the trigger's kind, α when
 * not 1, patch size, place and the share of the image's pixels it changes ({@link TriggerFootprint});
 * rate with M and M as a share of N. Fractions are percentages with one decimal (DESIGN §4),
 * effects and accuracy drops signed in points, cosines (trigger geometry of the victims,
 * TriggerGeometry) with three decimals; every figure is the mean over the seeds, with {@code ± std} when there
 * are several. Minutes are the run's total stage time ({@code timings.total_seconds}), the same
 * in each of its rows. Anything the file does not hold (geometry of runs made before it) is "–".
 */
public final class ExperimentRows {
    /** The table's columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "N × E", "method", "crop min scale",
            "trigger (kind, size, position, % of image area)", "rate (M, % of N)", "selector", "CCR", "target",
            "clean acc lin / kNN (drop)", "ASR lin", "ASR clean-enc lin", "effect lin", "ASR kNN", "clean-enc kNN",
            "effect kNN", "trigger_cosine", "target_pull", "minutes");

    private ExperimentRows() {}

    /** The header line and the Markdown separator line under it. */
    public static List<String> header() {
        return List.of(line(COLUMNS), line(COLUMNS.stream().map(c -> "---").toList()));
    }

    /**
     * The rows of every file, in the order given; every file is read and checked before any row
     * is returned, so a bad file yields no partial table.
     *
     * @throws BadInputException naming the first file that is missing or malformed
     */
    public static List<String> rows(List<Path> files) {
        List<RunFile> runs = files.stream().map(RunFile::readFile).toList();
        List<String> out = new ArrayList<>();
        for (RunFile run : runs) {
            out.addAll(rows(run));
        }
        return out;
    }

    /** One row per selector of {@code run}, in the file's order. */
    static List<String> rows(RunFile file) {
        RunResults run = file.results();
        String id = file.dir().getFileName() == null ? file.dir().toString() : file.dir().getFileName().toString();
        JsonNode pretrain = run.config().path("pretrain");
        List<String> common = List.of(id, size(run, pretrain), text(pretrain.path("method")), crop(pretrain),
                trigger(file), rate(run));
        List<String> out = new ArrayList<>();
        for (SelectorSummary s : run.selectorList()) {
            List<String> cells = new ArrayList<>(common);
            cells.add(s.name());
            cells.add(Percent.of(s.purity()));
            cells.add(target(run, s));
            cells.add(Percent.of(s.stat(Probe.LINEAR, Metric.CLEAN_ACC)) + " / " + Percent.of(s.stat(Probe.KNN, Metric.CLEAN_ACC))
                    + " (" + points(s.stat(Probe.LINEAR, Metric.CLEAN_ACC_DROP)) + " / "
                    + points(s.stat(Probe.KNN, Metric.CLEAN_ACC_DROP)) + ")");
            for (Probe p : Probe.values()) {
                cells.add(Percent.of(s.stat(p, Metric.ASR)));
                cells.add(Percent.of(s.stat(p, Metric.ASR_CLEAN_ENCODER)));
                cells.add(points(s.stat(p, Metric.BACKDOOR)));
            }
            cells.add(Cosine.of(s.geometry(GeometryFigure.TRIGGER_COSINE, false), false));
            cells.add(Cosine.of(s.geometry(GeometryFigure.TARGET_PULL, false), true));
            cells.add(Double.isNaN(run.totalSeconds()) ? Percent.MISSING
                    : String.format(Locale.ROOT, "%.1f", run.totalSeconds() / 60));
            out.add(line(cells));
        }
        return out;
    }

    private static String size(RunResults run, JsonNode pretrain) {
        String n = run.dataset().pretrain() > 0 ? Integer.toString(run.dataset().pretrain()) : Percent.MISSING;
        JsonNode victim = pretrain.path("victim_epochs");
        JsonNode attacker = pretrain.path("attacker_epochs");
        String text = n + " × " + (victim.isInt() ? victim.asText() : Percent.MISSING);
        return attacker.isInt() && victim.isInt() && attacker.asInt() != victim.asInt()
                ? text + " (attacker " + attacker.asInt() + ")" : text;
    }

    /** The crop's minimum scale: the config's own, else the recipe's (PretrainConfig.cpu / reference). */
    private static String crop(JsonNode pretrain) {
        JsonNode own = pretrain.path("augment").path("crop_min_scale");
        if (own.isNumber()) {
            return Percent.decimal(own.asDouble());
        }
        String recipe = pretrain.path("recipe").asText("");
        if (!List.of("cpu", "reference").contains(recipe)) {
            return Percent.MISSING;
        }
        SslMethodKind method;
        try {
            method = SslMethodKind.parse(pretrain.path("method").asText(""));
        } catch (BadInputException e) { // an unknown method: the row still prints, without the crop
            return Percent.MISSING;
        }
        PretrainConfig config = recipe.equals("cpu") ? PretrainConfig.cpu(method, 1) : PretrainConfig.reference(method, 1);
        return Percent.decimal(config.augment().view1().crop().minScale());
    }

    private static String trigger(RunFile file) {
        RunResults run = file.results();
        if (run.trigger() == null) {
            return Percent.MISSING;
        }
        TriggerConfig config = RunTrigger.parse(run.trigger(), file.dir(), file.file());
        StringBuilder sb = new StringBuilder(config.name());
        if (config.alpha() != 1) {
            sb.append(" α ").append(Percent.decimal(config.alpha()));
        }
        if (config.kind().takes(TriggerOption.SIZE)) {
            sb.append(", ").append(config.size()).append(" × ").append(config.size());
        }
        DatasetInfo d = run.dataset();
        if (d.channels() < 1 || d.height() < 1 || d.width() < 1) {
            return sb.append(", ").append(Percent.MISSING).toString();
        }
        try {
            TriggerFootprint f = TriggerFootprint.of(config.buildFor(new ImageShape(d.channels(), d.height(), d.width())).testTime());
            return sb.append(", ").append(f.place()).append(", ").append(Percent.withSign(f.area())).toString();
        } catch (BadInputException e) { // e.g. a blend image no longer where the run found it
            return sb.append(", ").append(Percent.MISSING).toString();
        }
    }

    private static String rate(RunResults run) {
        return Percent.decimal(run.rate()) + " (" + run.budget() + ", " + Percent.withSign(run.poisonShare()) + ")";
    }

    /** The most common target and its class name; every seed's target when they differ. */
    private static String target(RunResults run, SelectorSummary s) {
        if (s.mainTarget() < 0) {
            return Percent.MISSING;
        }
        String text = s.mainTarget() + " " + run.dataset().className(s.mainTarget());
        if (!s.oneTarget()) {
            text += " (seeds: " + s.seedTargets().stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
        }
        return text;
    }

    /** A signed difference in points, with {@code ± std} over several seeds. */
    private static String points(Stat s) {
        return s.n() > 1 && s.defined() ? Percent.points(s.mean()) + " ± " + Percent.of(s.std()) : Percent.points(s.mean());
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : Percent.MISSING;
    }

    /** {@code | a | b |}, with a '|' inside a cell escaped so it stays one cell. */
    private static String line(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |"));
    }
}
