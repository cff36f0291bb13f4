package org.nlb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command whose output would overwrite, hold or lie inside one of its inputs is
 * refused before it writes: exit 2, nothing on stdout, one line {@code error: <out>: <problem>},
 * and every input (files, and directories file by file) byte-identical afterwards.
 */
public final class InputsUnchanged {
    private InputsUnchanged() {}

    /**
     * Runs {@code args} and asserts the refusal of {@code out} with a problem containing
     * {@code problem}, and that {@code inputs} hash the same before and after.
     */
    public static CliRunner.Result assertRefused(Path out, String problem, List<Path> inputs, String... args) {
        Map<Path, Object> before = hashes(inputs);
        CliRunner.Result r = CliRunner.run(args);
        BadInputAssert.assertCliRefused(r, out.toString(), problem);
        assertThat(hashes(inputs)).as("the inputs after the refusal").isEqualTo(before);
        return r;
    }

    /** SHA-256 of each file, or of every file under each directory; "absent" for what does not exist. */
    public static Map<Path, Object> hashes(List<Path> paths) {
        Map<Path, Object> out = new LinkedHashMap<>();
        for (Path p : paths) {
            try {
                out.put(p, Files.isDirectory(p) ? DirectorySnapshot.of(p)
                        : Files.exists(p) ? DirectorySnapshot.sha256(Files.readAllBytes(p)) : "absent");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
