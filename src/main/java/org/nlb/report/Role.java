package org.nlb.report;

/** What a selector stands for in the comparison, by its name. */
enum Role {
    /** Label-free: the attack under test. */
    ATTACK(""),
    /** Random poisoning: what any selector must beat. */
    BASELINE("baseline"),
    /** Label-aware: the oracle upper bound, uses labels. */
    CEILING("oracle ceiling");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    static Role of(String selector) {
        return switch (selector) {
            case "random" -> BASELINE;
            case "label-aware" -> CEILING;
            default -> ATTACK;
        };
    }

    /** How the report marks the role; empty for the attack. */
    String label() {
        return label;
    }
}
