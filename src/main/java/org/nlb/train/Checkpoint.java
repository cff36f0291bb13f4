package org.nlb.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;

/**
 * A pretraining checkpoint (DESIGN §7: interrupted long stages resume from their last checkpoint):
 * one file, written atomically after every epoch, holding what a bit-for-bit continuation needs.
 *
 * <p>Layout: the magic line {@code NLBCKPT1}, a 4-byte length and a UTF-8 JSON header (finished
 * epochs, optimiser steps, the {@link RunRecord}, the epoch log), then DJL's {@link NDList}
 * encoding of the named arrays of {@link PretrainSession#state}.
 *
 * @param epoch epochs finished
 * @param step optimiser steps done
 * @param record the run's record ({@link RunRecord#of}): configuration, seeds, data, versions
 * @param history the finished epochs, in order, for {@code log.csv}
 */
public record Checkpoint(int epoch, long step, ObjectNode record, List<EpochStats> history) {
    public static final String FILE = "checkpoint.nlb";
    private static final byte[] MAGIC = "NLBCKPT1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 64 << 20;

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** Writes {@code session}'s state with this header to {@code file}, atomically. */
    public void write(Path file, PretrainSession session) {
        ObjectNode header = RunRecord.JSON.createObjectNode();
        header.put("epoch", epoch);
        header.put("step", step);
        header.set("record", record);
        header.set("history", RunRecord.JSON.valueToTree(history));
        byte[] headerBytes;
        try {
            headerBytes = RunRecord.JSON.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList arrays = new NDList();
            session.state(manager).forEach((name, array) -> {
                array.setName(name);
                arrays.add(array);
            });
            AtomicOutput.writeFile(file, out -> {
                DataOutputStream data = new DataOutputStream(out);
                data.write(MAGIC);
                data.writeInt(headerBytes.length);
                data.write(headerBytes);
                arrays.encode(data);
                data.flush();
            });
        }
    }

    /** The header of {@code file}; a missing, foreign or damaged file is bad input naming it. */
    public static Checkpoint readHeader(Path file) {
        InputFiles.requireRegularFile(file);
        try (DataInputStream in = open(file)) {
            return parseHeader(file, in);
        } catch (IOException e) {
            throw corrupt(file, e);
        }
    }

    /** The named arrays of {@code file}, attached to {@code manager}. */
    public static Map<String, NDArray> readArrays(Path file, NDManager manager) {
        try (DataInputStream in = open(file)) {
            parseHeader(file, in);
            NDList list = NDList.decode(manager, in);
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (NDArray a : list) {
                if (a.getName() == null || arrays.put(a.getName(), a) != null) {
                    throw new IOException("an array has no name or a repeated one");
                }
            }
            return arrays;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    }

    private static Checkpoint parseHeader(Path file, DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new BadInputException(file, "not an nlb checkpoint (wrong magic bytes)");
        }
        int length = in.readInt();
        if (length < 2 || length > MAX_HEADER) {
            throw new IOException("header length " + length + " out of range");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("file ends inside the header");
        }
        JsonNode header = RunRecord.JSON.readTree(bytes);
        JsonNode record = header.get("record");
        if (!header.path("epoch").canConvertToInt() || !header.path("step").canConvertToLong()
                || record == null || !record.isObject() || !header.path("history").isArray()) {
            throw new IOException("header lacks epoch, step, record or history");
        }
        List<EpochStats> history = new ArrayList<>();
        for (JsonNode row : header.get("history")) {
            history.add(RunRecord.JSON.treeToValue(row, EpochStats.class));
        }
        return new Checkpoint(header.get("epoch").asInt(), header.get("step").asLong(), (ObjectNode) record, history);
    }

    private static BadInputException corrupt(Path file, Exception e) {
        if (e instanceof BadInputException bad) {
            return bad;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new BadInputException(file, "damaged checkpoint (" + why + ")", e);
    }
}
