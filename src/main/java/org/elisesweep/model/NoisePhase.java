package org.elisesweep.model;

/** The phases in which a noise source acts (docs/model.md §8): {@code training}, {@code replay} or {@code both}. */
public enum NoisePhase {
    TRAINING,
    REPLAY,
    BOTH;

    /** Whether the noise acts in cycles of phase {@code p}. */
    public boolean covers(Phase p) {
        return this == BOTH || (this == TRAINING) == (p == Phase.TRAINING);
    }

    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but training, replay, both */
    public static NoisePhase parse(String key) {
        return EnumKeys.parse(values(), key, "phase");
    }
}
