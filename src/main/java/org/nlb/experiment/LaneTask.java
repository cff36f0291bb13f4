package org.nlb.experiment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlb.io.BadInputException;

/**
 * One unit of work a lane runs in its own process ({@link LaneScheduler}): a seed's clean encoder
 * with its features and every selector's poison set, or, once those exist, one selector's victim
 * with its probes and the clean encoder's. Named {@code s0} and {@code s0-contrastive} on the
 * command line and in the lanes' log files.
 *
 * @param seed the run seed
 * @param selector the selector whose victim this is; empty for the seed's clean stages
 */
record LaneTask(long seed, Optional<String> selector) {
    private static final Pattern ID = Pattern.compile("s(\\d{1,9})(?:-(.+))?");

    static LaneTask clean(long seed) {
        return new LaneTask(seed, Optional.empty());
    }

    static LaneTask victim(long seed, String selector) {
        return new LaneTask(seed, Optional.of(selector));
    }

    /** Parses {@link #id()}; {@code option} names the command-line option in the error. */
    static LaneTask parse(String id, String option) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new BadInputException(option, "expected s<seed> or s<seed>-<selector>, got '" + id + "'");
        }
        return new LaneTask(Long.parseLong(m.group(1)), Optional.ofNullable(m.group(2)));
    }

    String id() {
        return "s" + seed + selector.map(s -> "-" + s).orElse("");
    }

    /** Whether this task trains {@code name}'s victim (a clean task trains none). */
    boolean trainsVictimOf(String name) {
        return selector.isPresent() && selector.get().equals(name);
    }

    /** What it runs, for the progress line. */
    String describe() {
        return selector.map(s -> StageNames.victim(s, seed) + " and its probes")
                .orElse(StageNames.cleanPretrain(seed) + ", its features and the poison sets");
    }
}
