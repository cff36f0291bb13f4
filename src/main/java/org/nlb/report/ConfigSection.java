package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nlb.io.BadInputException;

/**
 * Section 9a: what was run — the key settings from {@code results.json}, the versions and command
 * line from {@code run.json} when present, and the whole resolved config as pretty JSON.
 */
final class ConfigSection implements ReportSection {
    static final String RUN_FILE = "run.json";

    private final RunResults results;

    ConfigSection(RunResults results) {
        this.results = results;
    }

    @Override
    public String id() {
        return "config";
    }

    @Override
    public String heading() {
        return "Configuration";
    }

    /** The trigger's name and parameters, e.g. {@code checkerboard-center {alpha=1.0, size=3}}. */
    private String trigger(JsonNode block) {
        try {
            var config = RunTrigger.parse(block, results.dir(), results.file());
            return config.name() + " " + config.parameters();
        } catch (BadInputException e) {
            return block.toString() + " (" + e.problem() + ")";
        }
    }

    @Override
    public void writeBody(Html html) {
        Map<String, String> facts = new LinkedHashMap<>();
        RunResults.DatasetInfo d = results.dataset();
        facts.put("data set", d.spec() + " (" + d.channels() + "×" + d.height() + "×" + d.width() + "; pretrain "
                + d.pretrain() + ", downstream " + d.downstream() + ", test " + d.test() + ", "
                + d.classNames().size() + " classes)");
        facts.put("preset", results.preset());
        facts.put("seeds", java.util.Arrays.toString(results.seeds()));
        facts.put("trigger", results.trigger().map(this::trigger).orElse(Percent.MISSING));
        facts.put("budget", "M = " + results.budget() + (Double.isNaN(results.rate()) ? ""
                : " = floor(" + results.rate() + " · N / " + results.assumedClasses() + ")")
                + (Double.isNaN(results.poisonShare()) ? "" : ", " + Percent.withSign(results.poisonShare())
                + " of the pretrain set"));
        facts.put("feature space", results.featureSpace());
        facts.put("nlb version", results.nlbVersion());
        Path runFile = results.dir().resolve(RUN_FILE);
        String runNote = null;
        if (Files.isRegularFile(runFile)) {
            try {
                JsonNode run = JsonFile.readObject(runFile);
                for (String key : new String[] {"java", "djl", "pytorch", "started", "finished"}) {
                    if (run.hasNonNull(key)) {
                        facts.put(key, run.get(key).asText());
                    }
                }
                if (run.path("kernels").isObject()) {
                    facts.put("kernels", run.get("kernels").path("mode").asText("?")
                            + (run.get("kernels").path("cpu_avx512").asBoolean() ? " (CPU with AVX-512)" : ""));
                }
                if (run.path("command").isArray()) {
                    StringBuilder cmd = new StringBuilder();
                    run.get("command").forEach(a -> cmd.append(cmd.length() == 0 ? "" : " ").append(a.asText()));
                    facts.put("command", cmd.toString());
                }
            } catch (BadInputException e) {
                runNote = "run.json could not be read: " + e.getMessage();
            }
        } else {
            runNote = "Missing: " + RUN_FILE + " (versions and command line).";
        }
        html.open("table", "facts");
        facts.forEach((k, v) -> html.open("tr").element("th", "", k).element("td", "", v).close("tr"));
        html.close("table");
        if (runNote != null) {
            html.note(runNote);
        }
        html.element("p", "caption", "The resolved config (every default filled in):");
        html.element("pre", "config", JsonFile.pretty(results.config()));
    }
}
