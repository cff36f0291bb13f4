package org.nlb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nlb.NlbVersion;
import org.nlb.data.Dataset;
import org.nlb.data.PretrainSplit;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.io.AtomicOutput;
import org.nlb.io.BadInputException;
import org.nlb.io.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb datasets split SPEC --seed S --out DIR}: the pretrain/downstream split of DESIGN §1. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Split the train set into pretrain (unlabeled, default 90 %%) and downstream (labeled) parts.",
            "Writes DIR/pretrain.npy and DIR/downstream.npy (int64 indices into the train set, ascending)"
                + " and DIR/split.json. The same seed gives the same split."})
final class DatasetsSplitCommand implements Callable<Integer> {
    @Mixin
    DatasetArgs dataset;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pretrain-fraction", defaultValue = "0.9", paramLabel = "F",
            description = "Share of the train set for pretraining (default: ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must be new or empty).")
    Path out;

    @Option(names = "--force", description = "Replace a non-empty output directory (once the new one is complete).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(fraction > 0 && fraction < 1)) {
            throw new BadInputException("--pretrain-fraction", "must be strictly between 0 and 1, got " + fraction);
        }
        OutputGuard.output(out).inputs(dataset.parsed().inputs()).check();
        Dataset data = dataset.read();
        PretrainSplit split = PretrainSplit.draw(data.train().size(), fraction, seed);
        if (split.pretrain().length == 0 || split.downstream().length == 0) {
            throw new BadInputException(data.spec().toString(), "has " + data.train().size() + " train images: a pretrain"
                    + " fraction of " + fraction + " leaves the " + (split.pretrain().length == 0 ? "pretrain" : "downstream")
                    + " part empty");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dataset", data.spec().toString());
        meta.put("train_size", data.train().size());
        meta.put("pretrain_fraction", fraction);
        meta.put("seed", seed);
        meta.put("pretrain", split.pretrain().length);
        meta.put("downstream", split.downstream().length);
        meta.put("nlb_version", NlbVersion.get());
        AtomicOutput.writeDirectory(out, force, dir -> {
            Npy.write(dir.resolve("pretrain.npy"), NpyArray.indices(split.pretrain()));
            Npy.write(dir.resolve("downstream.npy"), NpyArray.indices(split.downstream()));
            AtomicOutput.writeString(dir.resolve("split.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta) + "\n");
        });
        spec.commandLine().getOut().printf("%s: %,d pretrain + %,d downstream images (seed %d) -> %s%n",
                data.spec(), split.pretrain().length, split.downstream().length, seed, out);
        return ExitCodes.OK;
    }
}
