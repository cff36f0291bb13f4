package org.nlb.cli;

import java.util.Optional;
import org.nlb.poison.trigger.TriggerConfig;
import org.nlb.poison.trigger.TriggerKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * An optional test-time trigger (DESIGN §3) for commands that measure an encoder. Unlike
 * {@link TriggerArgs}, {@code --trigger} may be left out; the trigger's options are the same
 * {@link TriggerOptions}, and without a trigger they are an error rather than ignored.
 */
final class OptionalTriggerArgs {
    @Option(names = "--trigger", paramLabel = "NAME", completionCandidates = TriggerOptions.Names.class,
            description = "Paste this trigger on every image first (layout-patch: its test-time patch, not the layout):"
                    + " ${COMPLETION-CANDIDATES}.")
    String name;

    @Mixin
    TriggerOptions options;

    /** The trigger, if {@code --trigger} was given; its options without it are an error. */
    Optional<TriggerConfig> config() {
        if (name == null) {
            options.refuseWithoutTrigger();
            return Optional.empty();
        }
        return Optional.of(options.configFor(TriggerKind.fromName(name)));
    }
}
