package org.nlb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output that is, holds, or lies inside an input is refused, whatever path leads to it. */
class OutputGuardTest {
    @TempDir
    Path tmp;

    private void assertRefused(Path out, OutputGuard.Input input, String... problem) {
        assertBadInput(() -> OutputGuard.output(out).inputs(List.of(input)).check(), out, problem);
    }

    private static void assertAllowed(Path out, OutputGuard.Input input) {
        assertThatCode(() -> OutputGuard.output(out).inputs(List.of(input)).check()).doesNotThrowAnyException();
    }

    @Test
    void theOutputMayNotBeAnInputFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("f.npy"), "x");

        assertRefused(f, OutputGuard.Input.file("--subset", f), "is an input (--subset " + f + ")", "never overwrites");
        assertRefused(tmp.resolve("sub/../f.npy"), OutputGuard.Input.file("--subset", f), "is an input");
        assertRefused(Path.of(".").toAbsolutePath().relativize(f), OutputGuard.Input.file("--subset", f), "is an input");
    }

    @Test
    void aDirectoryOutputMayNotHoldAnInput() throws IOException {
        Path f = Files.writeString(Files.createDirectories(tmp.resolve("a/b")).resolve("f.npy"), "x");

        assertRefused(tmp.resolve("a"), OutputGuard.Input.file("--subset", f), "contains an input (--subset");
        assertRefused(tmp, OutputGuard.Input.file("--subset", f), "contains an input");
    }

    @Test
    void anOutputBesideOrInsideAFileInputsDirectoryIsAllowed() throws IOException {
        Path enc = Files.createDirectories(tmp.resolve("enc"));
        Path params = Files.writeString(enc.resolve("backbone.params"), "x");

        assertAllowed(enc.resolve("metrics.json"), OutputGuard.Input.file("--encoder", enc));
        assertAllowed(tmp.resolve("f.npy"), OutputGuard.Input.file("--subset", params));
        assertRefused(params, OutputGuard.Input.file("--encoder", params), "is an input");
        assertRefused(enc, OutputGuard.Input.file("--encoder", enc), "is an input");
    }

    @Test
    void nothingMayBeWrittenInsideADataSet() throws IOException {
        Path set = Files.createDirectories(tmp.resolve("set"));
        OutputGuard.Input data = OutputGuard.Input.tree("the data set idx:" + set, set);

        assertRefused(set, data, "is an input (the data set idx:" + set + ")");
        assertRefused(set.resolve("split"), data, "is inside an input (the data set idx:", "never writes into");
        assertRefused(set.resolve("new/deeper/grid.png"), data, "is inside an input");
        assertRefused(tmp, data, "contains an input");
        assertAllowed(tmp.resolve("setx"), data); // a sibling whose name starts the same is not inside
    }

    @Test
    void symbolicLinksAreFollowedOnBothSides() throws IOException {
        Path set = Files.createDirectories(tmp.resolve("real/set"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        OutputGuard.Input data = OutputGuard.Input.tree("the data set", set);

        assertRefused(link.resolve("set/out"), data, "is inside an input");
        assertRefused(link, data, "contains an input");
        Path f = Files.writeString(tmp.resolve("f.json"), "{}");
        Path fileLink = Files.createSymbolicLink(tmp.resolve("g.json"), f);
        assertRefused(fileLink, OutputGuard.Input.file("--poison", f), "is an input");
        assertRefused(f, OutputGuard.Input.file("--poison", fileLink), "is an input");
    }

    @Test
    void dotDotIsResolvedAfterTheLinkBeforeIt() throws IOException {
        // link -> real/deep, so link/.. is real, not tmp: writing link/../set writes real/set
        Path set = Files.createDirectories(tmp.resolve("real/set"));
        Files.createDirectories(tmp.resolve("real/deep"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real/deep"));

        assertThat(OutputGuard.canonical(link.resolve("../set/out"))).isEqualTo(set.toRealPath().resolve("out"));
        assertRefused(link.resolve("../set/out"), OutputGuard.Input.tree("the data set", set), "is inside");
    }

    @Test
    void aDanglingLinkLeadsToWhereWritingWouldCreateItsTarget() throws IOException {
        Path set = Files.createDirectories(tmp.resolve("set"));
        Path dangling = Files.createSymbolicLink(tmp.resolve("out.png"), set.resolve("grid.png"));

        assertRefused(dangling, OutputGuard.Input.tree("the data set", set), "is inside");
    }

    @Test
    void aHardLinkToAnInputIsTheInput() throws IOException {
        Path f = Files.writeString(tmp.resolve("f.npy"), "x");
        Path hard = Files.createLink(tmp.resolve("h.npy"), f);

        assertRefused(hard, OutputGuard.Input.file("--features", f), "is an input");
    }

    @Test
    void aLinkLoopIsBadInputNotAHang() throws IOException {
        Path a = tmp.resolve("a");
        Files.createSymbolicLink(a, tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("b"), a);

        assertBadInput(() -> OutputGuard.canonical(a.resolve("out")), a.resolve("out"), "symbolic links");
    }

    @Test
    void absentOptionalInputsAreSkipped() {
        assertThatCode(() -> OutputGuard.output(tmp.resolve("out")).file("--subset", (Path) null)
                .file("--labels", java.util.Optional.empty()).check()).doesNotThrowAnyException();
    }
}
