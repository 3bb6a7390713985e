package org.elisesweep.model;

/** Where a simulation's target pattern comes from (docs/model.md §5, "(extension) Pattern generators"). */
public enum PatternGenerator {
    /** No generator: the built-in pattern, a pattern file or an inline pattern. */
    NONE,
    /** Random columns with a given number of active neurons per step and an exact Markov order ({@link RandomPatterns}). */
    RANDOM,
    /** Birdsong-like: syllables repeated in a motif ({@link MotifPatterns}). */
    MOTIF;

    /** none, random or motif. */
    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but none, random, motif */
    public static PatternGenerator parse(String key) {
        return EnumKeys.parse(values(), key, "pattern generator");
    }
}
