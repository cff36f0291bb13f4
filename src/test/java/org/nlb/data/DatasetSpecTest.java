package org.nlb.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nlb.testing.BadInputAssert.assertBadInput;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.io.OutputGuard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dataset spec strings (DESIGN §6). */
class DatasetSpecTest {
    @ParameterizedTest
    @CsvSource({
        "idx:/data/mnist, IDX, /data/mnist",
        "cifar10:rel/dir, CIFAR10, rel/dir",
        "cifar100:/c, CIFAR100, /c",
        "cifar100-coarse:/c, CIFAR100_COARSE, /c",
        "folder:/imgs:with:colons, FOLDER, /imgs:with:colons",
    })
    void parsesFormatAndPath(String text, DatasetFormat format, String path) {
        DatasetSpec spec = DatasetSpec.parse(text, null);

        assertThat(spec.format()).isEqualTo(format);
        assertThat(spec.path()).isEqualTo(Path.of(path));
        assertThat(spec).hasToString(format.prefix() + ":" + path);
    }

    @Test
    void fashionMnistDefaultsToTheDebianDirectoryUnlessOverridden() {
        assertThat(DatasetSpec.parse("fashion-mnist", null).path()).isEqualTo(DatasetSpec.DEBIAN_FASHION_MNIST);
        assertThat(DatasetSpec.parse("fashion-mnist", " ").path()).isEqualTo(DatasetSpec.DEBIAN_FASHION_MNIST);
        DatasetSpec moved = DatasetSpec.parse("fashion-mnist", "/elsewhere");
        assertThat(moved.path()).isEqualTo(Path.of("/elsewhere"));
        assertThat(moved).hasToString("fashion-mnist");
    }

    @Test
    void unknownFormatListsTheValidForms() {
        assertBadInput(() -> DatasetSpec.parse("mnist:/x", null), "mnist:/x",
                "unknown dataset format 'mnist'", "fashion-mnist", "idx:DIR", "cifar10:DIR", "cifar100:DIR",
                "cifar100-coarse:DIR", "folder:DIR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"idx", "idx:", ":/x", "fashion-mnist:/x"})
    void malformedSpecsListTheValidForms(String text) {
        assertBadInput(() -> DatasetSpec.parse(text, null), text, "valid forms", "idx:DIR");
    }

    @Test
    void emptySpec() {
        assertBadInput(() -> DatasetSpec.parse(" ", null), "dataset spec", "empty", "valid forms");
    }

    @Test
    void itsInputsAreItsDirectoryAndWhereTheLinksInItLead(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.writeString(Files.createDirectories(tmp.resolve("elsewhere")).resolve("images.gz"), "x");
        Path set = Files.createDirectories(tmp.resolve("set/sub"));
        Files.createSymbolicLink(set.resolve("train-images-idx3-ubyte.gz"), elsewhere);
        DatasetSpec spec = DatasetSpec.parse("idx:" + tmp.resolve("set"), null);

        assertThat(spec.inputs()).extracting(OutputGuard.Input::tree).containsOnly(true);
        assertThat(spec.inputs()).extracting(i -> OutputGuard.canonical(i.path()))
                .containsExactlyInAnyOrder(tmp.resolve("set").toRealPath(), elsewhere.toRealPath());
        assertThat(spec.inputs().get(0).label()).isEqualTo("the data set idx:" + tmp.resolve("set"));
        assertThat(DatasetSpec.parse("fashion-mnist", "/nowhere").inputs())
                .extracting(OutputGuard.Input::label).containsExactly("the data set fashion-mnist (/nowhere)");
        // the output beside the link's target is refused too: --force there would replace the linked file
        assertBadInput(() -> OutputGuard.output(tmp.resolve("elsewhere")).inputs(spec.inputs()).check(),
                tmp.resolve("elsewhere"), "contains an input (the data set idx:");
    }
}
