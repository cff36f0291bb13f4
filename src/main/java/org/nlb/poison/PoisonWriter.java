package org.nlb.poison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlb.artefact.Manifest;
import org.nlb.artefact.PoisonFile;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.IndexSubset;
import org.nlb.data.ReadOptions;
import org.nlb.io.BadInputException;
import org.nlb.io.InputFiles;
import org.nlb.io.JsonArtefacts;
import org.nlb.io.OutputGuard;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggeredImages;

/**
 * {@code nlb poison} (DESIGN §1 step 5, §6, §7): pastes the trigger on exactly the train images a
 * {@code poison.json} names and writes the whole data set (poisoned train part, unchanged test
 * part) in the input's format, with a {@code manifest.json}. Everything is checked before anything
 * is written; the output appears atomically; the source is only read.
 */
public final class PoisonWriter {
    /**
     * What to poison and where to write it.
     *
     * @param data the data set to read
     * @param poisonFile the selector's {@code poison.json}
     * @param subset an index file ({@code pretrain.npy}) the poison indices are positions in, if any
     * @param trigger the trigger to paste
     * @param out the output directory
     * @param replace whether a non-empty {@code out} may be replaced ({@code --force})
     */
    public record Request(DatasetSpec data, Path poisonFile, Optional<Path> subset, TriggerConfig trigger,
                          Path out, boolean replace) {}

    /**
     * What was written: the spec that reads the copy back, and the poisoned train positions (in
     * poison.json's order) among {@code trainSize}.
     */
    public record Result(DatasetSpec output, DatasetSpec data, int trainSize, int[] trainIndices) {}

    private PoisonWriter() {}

    public static Result write(Request request) {
        List<Path> inputFiles = new ArrayList<>();
        inputFiles.add(request.poisonFile());
        request.subset().ifPresent(inputFiles::add);
        request.trigger().image().ifPresent(inputFiles::add);
        OutputGuard.output(request.out()).inputs(request.data().inputs()).file("--poison", request.poisonFile())
                .file("--subset", request.subset()).file("--image", request.trigger().image()).check();

        PoisonFile poison = JsonArtefacts.read(request.poisonFile(), PoisonFile.class);
        Dataset data = DatasetFormat.readDataset(request.data(), ReadOptions.DEFAULT);
        int trainSize = data.train().size();
        Optional<IndexSubset> subset = request.subset().map(p -> IndexSubset.read(p, trainSize));
        int[] trainIndices = trainIndices(request.poisonFile(), poison, data, subset);
        Trigger trigger = request.trigger().buildFor(ImageShape.of(data.train()));
        Dataset poisoned = data.withTrain(TriggeredImages.at(data.train(), trainIndices, trigger));

        List<Manifest.FileHash> inputs = new ArrayList<>(FileHashes.under(request.data().path(), false));
        inputFiles.forEach(f -> inputs.add(FileHashes.of(f)));
        DatasetSpec output = outputSpec(request.data(), request.out());
        // the built trigger's config records the side a layout-patch chose for these images
        Manifest manifest = PoisonManifest.describe(data, output, request.poisonFile(), poison, subset,
                trainIndices,
                trigger.config(), inputs);
        DatasetFormat.writeDataset(poisoned, request.out(), request.replace(), dir -> PoisonManifest.write(dir, manifest));
        return new Result(output, request.data(), trainSize, trainIndices);
    }

    /** How to read the copy: same format, at {@code out}; Fashion-MNIST's copy is a plain IDX directory. */
    static DatasetSpec outputSpec(DatasetSpec input, Path out) {
        DatasetFormat format = input.format().takesPath() ? input.format() : DatasetFormat.IDX;
        return new DatasetSpec(format, out);
    }

    /** The train positions to poison: the poison indices of {@code file}, mapped through the subset if there is one. */
    static int[] trainIndices(Path file, PoisonFile poison, Dataset data, Optional<IndexSubset> subset) {
        int expected = subset.map(IndexSubset::size).orElse(data.train().size());
        if (poison.n() != expected) {
            String what = subset.isPresent()
                    ? "the subset " + subset.get().file() + " lists " + expected + " images"
                    : "the train set of " + data.spec() + " holds " + expected + " images"
                            + " (if the indices are positions in the pretrain split, pass it with --subset)";
            throw new BadInputException(file, "n is " + poison.n() + " but " + what);
        }
        int[] indices = poison.indexArray();
        if (subset.isPresent()) {
            int[] map = subset.get().trainIndices();
            for (int k = 0; k < indices.length; k++) {
                indices[k] = map[indices[k]];
            }
        }
        return indices;
    }
}
