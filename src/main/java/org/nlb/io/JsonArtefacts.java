package org.nlb.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.nlb.artefact.Artefacts;
import org.nlb.artefact.MalformedArtefactException;

/**
 * The artefact records ({@link org.nlb.artefact}) on disk: read with every problem a
 * {@link BadInputException} that names the file and the field, written atomically.
 */
public final class JsonArtefacts {
    private JsonArtefacts() {}

    /** The record in {@code file}. */
    public static <T> T read(Path file, Class<T> type) {
        byte[] bytes = InputFiles.read(file);
        try {
            return Artefacts.read(bytes, type);
        } catch (MalformedArtefactException e) {
            throw new BadInputException(file, e.getMessage(), e);
        }
    }

    /** The JSON object in {@code file}, for files that have no record (run.json). */
    public static JsonNode readObject(Path file) {
        byte[] bytes = InputFiles.read(file);
        try {
            return Artefacts.readObject(bytes);
        } catch (MalformedArtefactException e) {
            throw new BadInputException(file, e.getMessage(), e);
        }
    }

    /** Writes {@code artefact} to {@code file} atomically. */
    public static void write(Path file, Object artefact) {
        AtomicOutput.writeString(file, Artefacts.write(artefact));
    }
}
