package org.nlb.cli;

import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The trigger a command applies (DESIGN §3): its name and {@link TriggerOptions}; defaults come from TriggerKind. */
final class TriggerArgs {
    @Option(names = "--trigger", required = true, paramLabel = "NAME", completionCandidates = TriggerOptions.Names.class,
            description = "Trigger: ${COMPLETION-CANDIDATES}.")
    String name;

    @Mixin
    TriggerOptions options;

    /** The validated trigger options; an option the trigger does not take is an error. */
    TriggerConfig config() {
        return options.configFor(TriggerKind.fromName(name));
    }
}
