package org.elisesweep.model;

/** How weight noise after training acts on a learning synapse (docs/model.md §8), ξ standard normal. */
public enum WeightNoiseKind {
    /** W_ij ← W_ij + σ_w·ξ. */
    ADDITIVE,
    /** W_ij ← W_ij·(1 + σ_w·ξ). */
    MULTIPLICATIVE;

    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but additive, multiplicative */
    public static WeightNoiseKind parse(String key) {
        return EnumKeys.parse(values(), key, "weight-noise kind");
    }
}
