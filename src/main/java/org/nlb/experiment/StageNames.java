package org.nlb.experiment;

/**
 * The names of a run's per-seed stages, which are also their directories under {@code stages/}
 * and the words of the progress lines: one place, so the runner and the lanes that describe its
 * tasks spell them alike. {@code seed} is the run seed, {@code selector} a selector's name.
 */
final class StageNames {
    private StageNames() {}

    /** The clean encoder (also the attacker's when their epochs agree). */
    static String cleanPretrain(long seed) {
        return "pretrain-clean-s" + seed;
    }

    /** The attacker's features of the pretrain images. */
    static String features(long seed) {
        return "features-s" + seed;
    }

    static String select(String selector, long seed) {
        return "select-" + selector + "-s" + seed;
    }

    /** The encoder pretrained on the set poisoned by {@code selector}. */
    static String victim(String selector, long seed) {
        return "victim-" + selector + "-s" + seed;
    }

    /** The probes of the victim ({@code clean} false) or of the clean encoder, at its end ({@code epoch} 0) or a snapshot. */
    static String probe(String selector, boolean clean, long seed, int epoch) {
        return "probe-" + (clean ? "clean-" : "") + selector + "-s" + seed + (epoch == 0 ? "" : "-e" + epoch);
    }
}
