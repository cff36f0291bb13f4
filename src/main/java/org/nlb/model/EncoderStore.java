package org.nlb.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;
import org.nlb.io.OutputGuard;

/**
 * An encoder directory: {@code encoder.json} (an {@link EncoderSpec}) and {@code backbone.params}
 * (the backbone's DJL parameters, BatchNorm running statistics included). What {@code nlb pretrain}
 * writes and {@code nlb features} / {@code nlb probe} read.
 *
 * <p>Since the feature space became a setting (DESIGN §1 step 3) the directory also holds the
 * SSL projector head: its layers under {@code "projector"} in {@code encoder.json} and its
 * parameters in {@code projector.params}. Directories written before load as backbone only.
 */
public final class EncoderStore {
    public static final String SPEC_FILE = "encoder.json";
    public static final String PARAMS_FILE = "backbone.params";
    public static final String PROJECTOR_FILE = "projector.params";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EncoderStore() {}

    /** The SSL projector head (the online one) that was trained on top of the backbone. */
    public record Projector(MlpSpec spec, Block block) {}

    /**
     * A backbone with its weights, ready for inference, and its projector when the directory has
     * one; close the manager to free them.
     *
     * @param dir the directory it was read from
     */
    public record LoadedEncoder(Path dir, EncoderSpec spec, Block backbone, Optional<Projector> projector) {
        /** The projector; an encoder saved before projectors were is bad input naming its directory. */
        public Projector requireProjector() {
            return projector.orElseThrow(() -> new BadInputException(dir, "has no projector: trained before nlb"
                    + " saved projectors with encoders (written by nlb " + spec.nlbVersion() + "); retrain it with"
                    + " 'nlb pretrain' to use projector features"));
        }
    }

    /** Writes {@code backbone} and {@code spec} (no projector) into directory {@code dir} atomically. */
    public static void save(Path dir, Block backbone, EncoderSpec spec, boolean replace) {
        save(dir, backbone, null, spec, replace);
    }

    /** Writes {@code backbone}, {@code projector} (or none when {@code null}) and {@code spec} atomically. */
    public static void save(Path dir, Block backbone, Projector projector, EncoderSpec spec, boolean replace) {
        AtomicOutput.writeDirectory(dir, replace, tmp -> writeInto(tmp, backbone, projector, spec));
    }

    /** Writes the two files into an existing directory (for callers that build a bigger directory). */
    public static void writeInto(Path dir, Block backbone, EncoderSpec spec) throws IOException {
        writeInto(dir, backbone, null, spec);
    }

    /** Writes the encoder's files, the projector's too unless it is {@code null}, into an existing directory. */
    public static void writeInto(Path dir, Block backbone, Projector projector, EncoderSpec spec) throws IOException {
        ObjectNode json = toJson(spec);
        if (projector != null) {
            json.set("projector", projectorJson(projector.spec()));
        }
        AtomicOutput.writeString(dir.resolve(SPEC_FILE), JSON.writeValueAsString(json) + "\n");
        AtomicOutput.writeFile(dir.resolve(PARAMS_FILE), out -> backbone.saveParameters(new DataOutputStream(out)));
        if (projector != null) {
            AtomicOutput.writeFile(dir.resolve(PROJECTOR_FILE),
                    out -> projector.block().saveParameters(new DataOutputStream(out)));
        }
    }

    /**
     * What {@link #load} reads, for {@link OutputGuard}: the directory, which an output may not be
     * or hold, and its files, which it may not be. A file beside them is fine ({@code nlb probe
     * --encoder enc --out enc/metrics.json}).
     */
    public static List<OutputGuard.Input> inputs(String option, Path dir) {
        return List.of(OutputGuard.Input.file(option, dir), OutputGuard.Input.file(option, dir.resolve(SPEC_FILE)),
                OutputGuard.Input.file(option, dir.resolve(PARAMS_FILE)),
                OutputGuard.Input.file(option, dir.resolve(PROJECTOR_FILE)));
    }

    /** Reads an encoder directory; anything missing or corrupt is bad input naming the file. */
    public static LoadedEncoder load(Path dir, NDManager manager) {
        InputFiles.requireDirectory(dir);
        Path specFile = dir.resolve(SPEC_FILE);
        Path paramsFile = dir.resolve(PARAMS_FILE);
        JsonNode json = readJson(specFile);
        EncoderSpec spec = parse(specFile, json, EncoderStore::fromJson);
        Optional<MlpSpec> projectorSpec = parse(specFile, json, EncoderStore::projectorFromJson);
        InputFiles.requireRegularFile(paramsFile);
        Block backbone = Backbones.build(spec.backbone());
        Shape input = new Shape(1, spec.backbone().inputChannels(), spec.height(), spec.width());
        backbone.initialize(manager, DataType.FLOAT32, input);
        loadParameters(backbone, paramsFile, manager, "backbone", spec.backbone().toString());
        Optional<Projector> projector = projectorSpec.map(head -> {
            Path file = dir.resolve(PROJECTOR_FILE);
            InputFiles.requireRegularFile(file);
            Block block = head.build();
            block.initialize(manager, DataType.FLOAT32, backbone.getOutputShapes(new Shape[] {input}));
            loadParameters(block, file, manager, "projector", "the projector that " + SPEC_FILE + " describes");
            return new Projector(head, block);
        });
        return new LoadedEncoder(dir, spec, backbone, projector);
    }

    private static void loadParameters(Block block, Path file, NDManager manager, String what, String writtenFor) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new BadInputException(file, "cannot load the " + what + "'s weights ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); was it written for " + writtenFor + "?", e);
        }
    }

    public static EncoderSpec readSpec(Path specFile) {
        return parse(specFile, readJson(specFile), EncoderStore::fromJson);
    }

    /** The projector's layers recorded in {@code encoder.json}, or empty for an encoder saved without. */
    public static Optional<MlpSpec> readProjectorSpec(Path specFile) {
        return parse(specFile, readJson(specFile), EncoderStore::projectorFromJson);
    }

    private static JsonNode readJson(Path specFile) {
        InputFiles.requireRegularFile(specFile);
        try {
            return JSON.readTree(InputFiles.read(specFile));
        } catch (IOException | RuntimeException e) {
            throw invalid(specFile, e);
        }
    }

    private static <T> T parse(Path specFile, JsonNode json, java.util.function.Function<JsonNode, T> reader) {
        try {
            return reader.apply(json);
        } catch (RuntimeException e) {
            throw invalid(specFile, e);
        }
    }

    private static BadInputException invalid(Path specFile, Exception e) {
        if (e instanceof BadInputException bad) {
            return bad;
        }
        return new BadInputException(specFile, "not a valid encoder description ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))
                + ")", e);
    }

    private static ObjectNode toJson(EncoderSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("backbone", spec.backbone().kind().cliName());
        root.put("input_channels", spec.backbone().inputChannels());
        var widths = root.putArray("widths");
        for (int w : spec.backbone().widths()) {
            widths.add(w);
        }
        root.put("stem_stride", spec.backbone().stemStride());
        root.put("height", spec.height());
        root.put("width", spec.width());
        var mean = root.putArray("mean");
        for (float m : spec.mean()) {
            mean.add(m);
        }
        var std = root.putArray("std");
        for (float s : spec.std()) {
            std.add(s);
        }
        root.put("method", spec.method());
        root.put("seed", spec.seed());
        root.put("epochs", spec.epochs());
        root.put("nlb_version", spec.nlbVersion());
        return root;
    }

    private static ObjectNode projectorJson(MlpSpec head) {
        ObjectNode node = JSON.createObjectNode();
        var layers = node.putArray("layers");
        for (MlpSpec.Layer layer : head.layers()) {
            layers.addObject().put("units", layer.units()).put("batch_norm", layer.batchNorm()).put("relu", layer.relu());
        }
        return node;
    }

    private static Optional<MlpSpec> projectorFromJson(JsonNode n) {
        JsonNode head = n.get("projector");
        if (head == null || head.isNull()) {
            return Optional.empty();
        }
        JsonNode layers = required(head, "layers");
        List<MlpSpec.Layer> out = new ArrayList<>();
        for (JsonNode layer : layers) {
            out.add(new MlpSpec.Layer(required(layer, "units").asInt(), required(layer, "batch_norm").asBoolean(),
                    required(layer, "relu").asBoolean()));
        }
        return Optional.of(new MlpSpec(out));
    }

    private static EncoderSpec fromJson(JsonNode n) {
        int channels = required(n, "input_channels").asInt();
        JsonNode w = required(n, "widths");
        int[] widths = new int[w.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = w.get(i).asInt();
        }
        // encoders written before the stem stride was configurable have the stride-1 stem
        BackboneConfig backbone = new BackboneConfig(BackboneKind.parse(required(n, "backbone").asText()), channels,
                widths, n.path("stem_stride").asInt(1));
        return new EncoderSpec(backbone, required(n, "height").asInt(), required(n, "width").asInt(),
                floats(required(n, "mean")), floats(required(n, "std")), required(n, "method").asText(),
                required(n, "seed").asLong(), required(n, "epochs").asInt(), n.path("nlb_version").asText("unknown"));
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
