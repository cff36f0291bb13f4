package org.nlb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: lists the verbs. */
@Command(name = "nlb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = {
            "Crafts and measures no-label backdoors against self-supervised learning.",
            "Dataset specs: fashion-mnist, idx:DIR, cifar10:DIR, cifar100:DIR, cifar100-coarse:DIR, folder:DIR."
        },
        subcommands = {DatasetsCommand.class, AugmentCommand.class, FeaturesCommand.class, SelectCommand.class,
            TriggerCommand.class, PoisonCommand.class, PretrainCommand.class, ProbeCommand.class, RunCommand.class,
            SweepCommand.class, ReportCommand.class},
        footer = {"", "Exit status: 0 done, 1 internal error, 2 bad input or usage (one 'error:' line says why)."})
public final class NlbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
