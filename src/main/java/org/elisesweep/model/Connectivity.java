package org.elisesweep.model;

/** Which dendritic synapses j → i exist (docs/model.md §1). */
public enum Connectivity {
    /** Every neuron onto the dendrite of every other neuron. */
    ALL_TO_ALL,
    /** Each synapse exists with probability {@code density}. */
    SPARSE;

    /** all-to-all or sparse. */
    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but all-to-all, sparse */
    public static Connectivity parse(String key) {
        return EnumKeys.parse(values(), key, "connectivity");
    }
}
