package org.nlb.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.nlb.artefact.DatasetInfo;
import org.nlb.artefact.RunResults;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.IndexFile;
import org.nlb.data.Labels;
import org.nlb.data.ReadOptions;
import org.nlb.io.BadInputException;

/**
 * The optional inputs several report sections share besides {@code results.json}, loaded once
 * and only when asked for: the data set (from {@code results.json}'s dataset spec) and the
 * pretrain split. The split's {@code pretrain.npy} is taken from {@code results.json}'s optional
 * {@code "split": {"pretrain": PATH}}, else from the run's one {@code stages/split-*} directory. A
 * missing or unreadable input becomes a reason, never an error (unlike a run's own inputs,
 * {@code org.nlb.experiment.RunInputs}, which are checked before it starts).
 */
final class SectionInputs {
    private final RunFile run;
    private Available<Dataset> dataset;
    private Available<int[]> pretrain;

    SectionInputs(RunFile run) {
        this.run = run;
    }

    RunFile run() {
        return run;
    }

    RunResults results() {
        return run.results();
    }

    /** The data set the run used. */
    Available<Dataset> dataset() {
        if (dataset == null) {
            dataset = loadDataset();
        }
        return dataset;
    }

    private Available<Dataset> loadDataset() {
        DatasetInfo info = run.results().dataset();
        try {
            DatasetSpec spec = DatasetSpec.parse(info.spec());
            ReadOptions read = spec.format() == DatasetFormat.FOLDER && info.height() > 0 && info.width() > 0
                    ? ReadOptions.resizeTo(new ReadOptions.ImageSize(info.height(), info.width())) : ReadOptions.DEFAULT;
            return Available.of(DatasetFormat.readDataset(spec, read));
        } catch (BadInputException e) {
            return Available.missing("the data set could not be read (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            return Available.missing("the data set " + info.spec() + " could not be read (" + e.getCause() + ")");
        }
    }

    /** The pretrain split: positions in the train set, one per feature row. */
    Available<int[]> pretrainIndices() {
        if (pretrain == null) {
            pretrain = loadPretrain();
        }
        return pretrain;
    }

    private Available<int[]> loadPretrain() {
        Available<Path> file = pretrainFile();
        if (!file.present()) {
            return Available.missing(file.why());
        }
        Available<Dataset> data = dataset();
        if (!data.present()) {
            return Available.missing(data.why());
        }
        try {
            return Available.of(IndexFile.read(file.get(), data.get().train().size()));
        } catch (BadInputException e) {
            return Available.missing("the pretrain split could not be read (" + e.getMessage() + ")");
        }
    }

    private Available<Path> pretrainFile() {
        RunResults.SplitFiles split = run.results().split();
        if (split != null && split.pretrain() != null) {
            return Available.of(run.resolve(split.pretrain()).orElseThrow());
        }
        Path stages = run.dir().resolve("stages");
        if (!Files.isDirectory(stages)) {
            return Available.missing("the run has no stages/ directory with the pretrain split");
        }
        try (Stream<Path> dirs = Files.list(stages)) {
            List<Path> found = dirs.filter(d -> d.getFileName().toString().startsWith("split-"))
                    .map(d -> d.resolve("pretrain.npy")).filter(Files::isRegularFile).sorted().toList();
            if (found.size() == 1) {
                return Available.of(found.get(0));
            }
            return Available.missing(found.isEmpty() ? "the run has no stages/split-*/pretrain.npy"
                    : "the run has " + found.size() + " split stages; results.json does not say which one");
        } catch (IOException e) {
            return Available.missing("cannot list " + stages + " (" + e.getMessage() + ")");
        }
    }

    /** The true labels of the pretrain images, one per feature row (evaluation only). */
    Available<Labels> pretrainLabels() {
        Available<int[]> indices = pretrainIndices();
        if (!indices.present()) {
            return Available.missing(indices.why());
        }
        return dataset().get().train().labels().<Available<Labels>>map(l -> Available.of(l.subset(indices.get())))
                .orElseGet(() -> Available.missing("the data set has no labels"));
    }
}
