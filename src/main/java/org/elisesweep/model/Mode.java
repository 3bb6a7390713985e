package org.elisesweep.model;

/** Which dendritic synapses learn (ELISE-MODEL.md §1, "Model modes"). */
public enum Mode {
    /** All dendritic synapses learn. */
    ELISE("elise"),
    /** Only synapses onto visible neurons learn; latent dendritic weights stay random. */
    RESERVOIR("reservoir"),
    /** Latent neurons have no dendrite; only visible dendrites exist and learn. */
    SOMA_ONLY("soma-only");

    private final String key;

    Mode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Mode parse(String key) {
        for (Mode m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + key + "'; allowed: elise, reservoir, soma-only");
    }
}
