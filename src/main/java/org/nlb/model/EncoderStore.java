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
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * An encoder directory: {@code encoder.json} (an {@link EncoderSpec}) and {@code backbone.params}
 * (the backbone's DJL parameters, BatchNorm running statistics included). What {@code nlb pretrain}
 * writes and {@code nlb features} / {@code nlb probe} read.
 */
public final class EncoderStore {
    public static final String SPEC_FILE = "encoder.json";
    public static final String PARAMS_FILE = "backbone.params";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EncoderStore() {}

    /** A backbone with its weights, ready for inference; close the manager to free it. */
    public record LoadedEncoder(EncoderSpec spec, Block backbone) {}

    /** Writes {@code backbone} and {@code spec} into directory {@code dir} atomically. */
    public static void save(Path dir, Block backbone, EncoderSpec spec, boolean replace) {
        AtomicOutput.writeDirectory(dir, replace, tmp -> writeInto(tmp, backbone, spec));
    }

    /** Writes the two files into an existing directory (for callers that build a bigger directory). */
    public static void writeInto(Path dir, Block backbone, EncoderSpec spec) throws IOException {
        AtomicOutput.writeString(dir.resolve(SPEC_FILE), JSON.writeValueAsString(toJson(spec)) + "\n");
        AtomicOutput.writeFile(dir.resolve(PARAMS_FILE), out -> backbone.saveParameters(new DataOutputStream(out)));
    }

    /** Reads an encoder directory; anything missing or corrupt is bad input naming the file. */
    public static LoadedEncoder load(Path dir, NDManager manager) {
        InputFiles.requireDirectory(dir);
        Path specFile = dir.resolve(SPEC_FILE);
        Path paramsFile = dir.resolve(PARAMS_FILE);
        EncoderSpec spec = readSpec(specFile);
        InputFiles.requireRegularFile(paramsFile);
        Block backbone = Backbones.build(spec.backbone());
        backbone.initialize(manager, DataType.FLOAT32,
                new Shape(1, spec.backbone().inputChannels(), spec.height(), spec.width()));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(paramsFile), 1 << 16)) {
            backbone.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new BadInputException(paramsFile, "cannot load the backbone's weights ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); was it written for " + spec.backbone() + "?", e);
        }
        return new LoadedEncoder(spec, backbone);
    }

    public static EncoderSpec readSpec(Path specFile) {
        InputFiles.requireRegularFile(specFile);
        try {
            return fromJson(JSON.readTree(InputFiles.read(specFile)));
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(specFile, "not a valid encoder description ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))
                    + ")", e);
        }
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
