package org.nlb.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.artefact.RunResults;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link VerdictSection}: the sentences name the class each seed actually poisoned. */
class VerdictSectionTest {
    @TempDir
    Path tmp;

    private RunResults results(String json) throws Exception {
        Path file = tmp.resolve("results.json");
        Files.writeString(file, json);
        return RunFile.readFile(file).results();
    }

    @Test
    void seedsWithDifferentTargetsAreEachNamedNotOnlyTheMostCommonOne() throws Exception {
        List<BackdoorVerdict.Finding> findings = VerdictSection.findings(results(ExperimentRowsTest.TWO_SEEDS));
        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).text()).contains("each seed's target (“Shirt”, “Pullover”)");
    }

    @Test
    void oneTargetIsNamedOnce() throws Exception {
        List<BackdoorVerdict.Finding> findings = VerdictSection.findings(results(ExperimentRowsTest.ONE_SEED));
        assertThat(findings).extracting(BackdoorVerdict.Finding::text)
                .anySatisfy(t -> assertThat(t).contains("“Shirt”").doesNotContain("each seed"));
    }
}
