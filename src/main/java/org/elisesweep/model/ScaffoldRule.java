package org.elisesweep.model;

/**
 * How scaffold growth picks sources and targets (docs/model.md §4). The two rules draw the same
 * out-degrees and apply the same q^(in-degree) acceptance; they differ in three details.
 */
public enum ScaffoldRule {
    /**
     * This specification's rule: a source drawn uniformly from the open list and removed by
     * swapping in the last one; targets drawn uniformly; a connection that exists is refused.
     */
    UNIFORM,
    /**
     * The published simulator's rule: source and target picked with round(U·(len−1)) (so the first
     * and the last candidate have half the weight of the others), the picked source removed keeping
     * the order of the rest, and a connection that exists accepted again (the target then lists the
     * source twice and gets its scaffold drive twice).
     */
    ORIGINAL;

    /** uniform or original. */
    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but uniform, original */
    public static ScaffoldRule parse(String key) {
        return EnumKeys.parse(values(), key, "scaffold rule");
    }
}
