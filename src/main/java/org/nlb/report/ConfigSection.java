package org.nlb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nlb.artefact.Artefacts;
import org.nlb.artefact.DatasetInfo;
import org.nlb.artefact.RunResults;
import org.nlb.artefact.TriggerBlock;
import org.nlb.io.BadInputException;
import org.nlb.io.JsonArtefacts;

/**
 * Section 9a: what was run — the key settings from {@code results.json}, the versions and command
 * line from {@code run.json} when present, and the whole resolved config as pretty JSON.
 */
final class ConfigSection implements ReportSection {
    static final String RUN_FILE = "run.json";

    private final RunFile run;

    ConfigSection(RunFile run) {
        this.run = run;
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
    private String trigger(TriggerBlock block) {
        try {
            var config = RunTrigger.parse(block, run.dir(), run.file());
            return config.name() + " " + config.parameters();
        } catch (BadInputException e) {
            return Artefacts.tree(block) + " (" + e.problem() + ")";
        }
    }

    @Override
    public void writeBody(Html html) {
        Map<String, String> facts = new LinkedHashMap<>();
        RunResults results = run.results();
        DatasetInfo d = results.dataset();
        facts.put("data set", d.spec() + " (" + d.channels() + "×" + d.height() + "×" + d.width() + "; pretrain "
                + d.pretrain() + ", downstream " + d.downstream() + ", test " + d.test() + ", "
                + d.names().size() + " classes)");
        facts.put("preset", ReportPage.preset(results.preset()));
        facts.put("seeds", results.seeds().toString());
        facts.put("trigger", results.trigger() == null ? Percent.MISSING : trigger(results.trigger()));
        facts.put("budget", "M = " + results.budget() + (Double.isNaN(results.rate()) ? ""
                : " = floor(" + results.rate() + " · N / " + (results.assumedClasses() == null ? -1
                : results.assumedClasses()) + ")")
                + (Double.isNaN(results.poisonShare()) ? "" : ", " + Percent.withSign(results.poisonShare())
                + " of the pretrain set"));
        facts.put("feature space", ReportPage.featureSpace(results));
        facts.put("nlb version", ReportPage.version(results.nlbVersion()));
        Path runFile = run.dir().resolve(RUN_FILE);
        String runNote = null;
        if (Files.isRegularFile(runFile)) {
            try {
                JsonNode runJson = JsonArtefacts.readObject(runFile);
                for (String key : new String[] {"java", "djl", "pytorch", "started", "finished"}) {
                    if (runJson.hasNonNull(key)) {
                        facts.put(key, runJson.get(key).asText());
                    }
                }
                if (runJson.path("kernels").isObject()) {
                    facts.put("kernels", runJson.get("kernels").path("mode").asText("?")
                            + (runJson.get("kernels").path("cpu_avx512").asBoolean() ? " (CPU with AVX-512)" : ""));
                }
                if (runJson.path("command").isArray()) {
                    StringBuilder cmd = new StringBuilder();
                    runJson.get("command").forEach(a -> cmd.append(cmd.length() == 0 ? "" : " ").append(a.asText()));
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
        html.element("pre", "config", Artefacts.write(results.config()).stripTrailing());
    }
}
