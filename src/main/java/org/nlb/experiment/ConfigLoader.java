package org.nlb.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * Builds the {@link RunConfig} of {@code nlb run} from four layers, each overriding the one
 * before: the code defaults, a preset (a resource file users can copy), the user's YAML or JSON
 * config file, and {@code --data} / {@code --seeds}. Objects merge key by key, except that an
 * object naming a different {@code kind} (a trigger) replaces the one below whole, because the
 * kind decides which other keys apply; any other value (lists included) replaces the one below.
 * An unknown key is refused naming the file and the key, a bad value naming the layer it came
 * from and the key, before anything is written.
 */
public final class ConfigLoader {
    public static final List<String> PRESETS = List.of("quick", "default", "paper");
    public static final String DEFAULT_PRESET = "default";
    private static final String PRESET_DIR = "/org/nlb/experiment/presets/";
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private ConfigLoader() {}

    /**
     * The command line's choices.
     *
     * @param preset a preset name, empty for {@link #DEFAULT_PRESET}
     * @param configFile a YAML (or {@code .json}) file overriding the preset
     * @param data {@code --data}, overriding {@code data.spec}
     * @param seeds {@code --seeds}, overriding {@code seeds}
     */
    public record Request(Optional<String> preset, Optional<Path> configFile, Optional<String> data,
                          Optional<Integer> seeds) {}

    /** The resolved configuration and where it came from. */
    public record Loaded(RunConfig config, String preset, Optional<Path> configFile) {
        /** The configuration as config.json holds it. */
        public String json() {
            return RunJson.text(RunJson.tree(config));
        }
    }

    private record Layer(String source, ObjectNode tree) {}

    public static Loaded load(Request request) {
        return load(request, RunJson.JSON.createObjectNode(), "command line");
    }

    /**
     * The configuration with one more layer on top: {@code overrides}, settings in the config
     * file's shape (e.g. a sweep point's {@code attack.rate} and {@code pretrain.method}), named
     * {@code source} in errors. It is applied before the recipe's values are filled in, so a
     * method's own learning rate follows the method.
     */
    static Loaded load(Request request, ObjectNode overrides, String source) {
        String preset = request.preset().orElse(DEFAULT_PRESET);
        if (!PRESETS.contains(preset)) {
            throw new BadInputException("--preset", "unknown preset '" + preset + "'; valid: " + String.join(", ", PRESETS));
        }
        List<Layer> layers = new java.util.ArrayList<>();
        layers.add(new Layer("defaults", RunJson.tree(RunConfig.defaults())));
        layers.add(new Layer("preset " + preset, presetTree(preset)));
        request.configFile().ifPresent(f -> layers.add(new Layer(f.toString(), fileTree(f))));
        ObjectNode cli = RunJson.JSON.createObjectNode();
        request.data().ifPresent(d -> cli.putObject("data").put("spec", d));
        request.seeds().ifPresent(s -> cli.put("seeds", s));
        layers.add(new Layer("command line", cli));
        if (!overrides.isEmpty()) {
            layers.add(new Layer(source, overrides));
        }
        for (Layer layer : layers) {
            checkKeys(layer.tree(), RunConfig.class, "", layer.source());
        }
        ObjectNode merged = layers.get(0).tree().deepCopy();
        for (Layer layer : layers.subList(1, layers.size())) {
            merge(merged, layer.tree());
        }
        RunConfig config = convert(merged, layers);
        if (config.data().spec() == null) {
            throw new BadInputException("--data", "preset " + preset + " names no data set; give --data SPEC"
                    + (preset.equals("paper") ? " (it is made for cifar10:DIR, the CIFAR-10 binary version)" : ""));
        }
        try {
            return new Loaded(config.resolved(), preset, request.configFile());
        } catch (BadInputException e) {
            throw blame(e.subject(), e.problem(), layers);
        }
    }

    /** The preset's text, for users who want a copy to edit. */
    public static String presetText(String preset) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(PRESET_DIR + preset + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + preset + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode presetTree(String preset) {
        try {
            return asObject(yaml().readTree(presetText(preset)), "preset " + preset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preset " + preset + " is not valid YAML", e);
        }
    }

    private static ObjectNode fileTree(Path file) {
        byte[] bytes = InputFiles.read(file);
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build() : yaml();
        try {
            return asObject(mapper.readTree(bytes), file.toString());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new BadInputException(file, "not valid " + (json ? "JSON" : "YAML") + where + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    private static ObjectMapper yaml() {
        return YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    }

    private static ObjectNode asObject(JsonNode node, String source) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return RunJson.JSON.createObjectNode(); // an empty file overrides nothing
        }
        if (!node.isObject()) {
            throw new BadInputException(source, "must be a mapping of settings (data:, pretrain:, attack:, probe:, seeds:,"
                    + " threads:), not a " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    /** Refuses keys that no record component of {@code type} has, recursing into nested records. */
    static void checkKeys(JsonNode node, Class<?> type, String path, String source) {
        if (!node.isObject()) {
            return; // a wrong type is reported when converting
        }
        Map<String, Class<?>> fields = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(c -> SNAKE.translate(c.getName()), RecordComponent::getType));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Class<?> field = fields.get(key);
            if (field == null) {
                throw new BadInputException(source, "unknown key '" + path + key + "'; valid keys"
                        + (path.isEmpty() ? "" : " under " + path.substring(0, path.length() - 1)) + ": "
                        + fields.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            if (field.isRecord()) {
                checkKeys(node.get(key), field, path + key + ".", source);
            }
        }
    }

    static void merge(ObjectNode base, ObjectNode override) {
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode below = base.get(e.getKey());
            if (below instanceof ObjectNode b && e.getValue() instanceof ObjectNode o && sameKind(b, o)) {
                merge(b, o);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** Whether {@code override} keeps the kind of {@code base} (or names none). */
    private static boolean sameKind(ObjectNode base, ObjectNode override) {
        JsonNode kind = override.get("kind");
        return kind == null || kind.equals(base.get("kind"));
    }

    private static RunConfig convert(ObjectNode merged, List<Layer> layers) {
        try {
            return RunJson.JSON.treeToValue(merged, RunConfig.class);
        } catch (JsonMappingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BadInputException bad) {
                    throw blame(bad.subject(), bad.problem(), layers);
                }
            }
            String key = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw blame(key, "has the wrong type (" + firstLine(e.getOriginalMessage()) + ")", layers);
        } catch (JsonProcessingException e) {
            throw new BadInputException("configuration", firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * The error for a bad value at {@code key}, naming the topmost layer that set it (or one of
     * its parents): the config file, the command line, or a preset.
     */
    private static BadInputException blame(String key, String problem, List<Layer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            if (sets(layer.tree(), key)) {
                if (layer.source().equals("command line")) {
                    return new BadInputException(key.equals("seeds") ? "--seeds" : key.equals("data.spec") ? "--data" : key,
                            problem);
                }
                return new BadInputException(layer.source(), key + ": " + problem);
            }
        }
        return new BadInputException(key, problem);
    }

    private static boolean sets(JsonNode tree, String key) {
        String[] parts = key.replaceAll("\\[\\d+]", "").split("\\.");
        JsonNode node = tree;
        for (String part : parts) {
            node = node.get(part);
            if (node == null) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
