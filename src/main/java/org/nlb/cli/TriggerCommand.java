package org.nlb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nlb trigger}: look at triggers (DESIGN §3). */
@Command(name = "trigger",
        mixinStandardHelpOptions = true,
        description = "Preview the triggers pasted on poisoned and test images.",
        subcommands = {TriggerPreviewCommand.class})
final class TriggerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
