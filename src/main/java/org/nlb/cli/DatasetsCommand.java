package org.nlb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb datasets}: look at and split data sets. */
@Command(name = "datasets",
        mixinStandardHelpOptions = true,
        description = "Inspect, preview and split image data sets.",
        subcommands = {DatasetsInfoCommand.class, DatasetsPreviewCommand.class, DatasetsSplitCommand.class})
final class DatasetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
