package org.nlb.poison.trigger;

/** The options a trigger may take, with the command-line flag that sets each. */
public enum TriggerOption {
    ALPHA("--alpha"),
    SIZE("--size"),
    POSITION("--position"),
    IMAGE("--image"),
    SEED("--trigger-seed"),
    SCALE("--scale");

    private final String flag;

    TriggerOption(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }
}
