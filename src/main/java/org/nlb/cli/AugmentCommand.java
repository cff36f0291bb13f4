package org.nlb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb augment}: look at the SSL augmentation (DESIGN §5). */
@Command(name = "augment",
        mixinStandardHelpOptions = true,
        description = "Inspect the two-view augmentation of SSL pretraining.",
        subcommands = {AugmentPreviewCommand.class})
final class AugmentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
