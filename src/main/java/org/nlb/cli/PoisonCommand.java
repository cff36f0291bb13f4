package org.nlb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nlb.data.DatasetSpec;
import org.nlb.poison.PoisonWriter;
import org.nlb.poison.trigger.TriggerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb poison}: the poisoned copy of a data set (DESIGN §7). */
@Command(name = "poison", mixinStandardHelpOptions = true,
        description = {"Paste a trigger on the train images a poison.json selects and write the whole data set"
                + " (test part unchanged) in the input's format, with DIR/manifest.json (indices, trigger,"
                + " seeds, SHA-256 of inputs and outputs). The source is never modified."})
final class PoisonCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "SPEC",
            description = "Dataset spec (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--poison", required = true, paramLabel = "JSON",
            description = "The selector's poison.json: \"n\" and 0-based \"indices\" into the train set (or the subset).")
    Path poison;

    @Option(names = "--subset", paramLabel = "NPY",
            description = "Index file (pretrain.npy from 'nlb datasets split'): the poison indices are positions in it.")
    Path subset;

    @Mixin
    TriggerArgs trigger;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must be new or empty).")
    Path out;

    @Option(names = "--force", description = "Replace a non-empty output directory (once the new one is complete).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TriggerConfig config = trigger.config();
        DatasetSpec dataSpec = DatasetSpec.parse(data);
        PoisonWriter.Result result = PoisonWriter.write(new PoisonWriter.Request(
                dataSpec, poison, Optional.ofNullable(subset), config, out, force));
        spec.commandLine().getOut().printf("poisoned %,d of %,d train images of %s with %s %s -> %s (with manifest.json)%n",
                result.trainIndices().length, result.trainSize(), dataSpec, config.name(), config.parameters(),
                result.output());
        return ExitCodes.OK;
    }
}
