package org.elisesweep.model;

/** Which dendritic synapses j → i exist (ELISE-MODEL.md §1). */
public enum Connectivity {
    /** Every neuron onto the dendrite of every other neuron. */
    ALL_TO_ALL("all-to-all"),
    /** Each synapse exists with probability {@code density}. */
    SPARSE("sparse");

    private final String key;

    Connectivity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Connectivity parse(String key) {
        for (Connectivity c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown connectivity '" + key + "'; allowed: all-to-all, sparse");
    }
}
