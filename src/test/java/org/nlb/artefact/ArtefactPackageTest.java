package org.nlb.artefact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The contract is the bottom layer: it depends on Jackson and the JDK only, never on the rest of nlb. */
class ArtefactPackageTest {
    private static final Pattern NLB = Pattern.compile("org\\.nlb\\.(?!artefact\\b)\\w+");

    @Test
    void dependsOnJacksonAndTheJdkOnly() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/nlb/artefact"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                List<String> imports = text.lines().filter(l -> l.startsWith("import ")).toList();
                assertThat(imports).as(f.toString())
                        .allMatch(l -> l.startsWith("import java.") || l.startsWith("import com.fasterxml.jackson."));
                String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//.*", "");
                Matcher m = NLB.matcher(code);
                assertThat(m.find()).as(f + " refers to " + (m.hitEnd() ? "" : m.group())).isFalse();
            }
        }
    }
}
