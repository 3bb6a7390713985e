package org.elisesweep.model;

/** Which dendritic synapses learn (ELISE-MODEL.md §1, "Model modes"). */
public enum Mode {
    /** All dendritic synapses learn. */
    ELISE,
    /** Only synapses onto visible neurons learn; latent dendritic weights stay random. */
    RESERVOIR,
    /** Latent neurons have no dendrite; only visible dendrites exist and learn. */
    SOMA_ONLY;

    /** elise, reservoir or soma-only. */
    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but elise, reservoir, soma-only */
    public static Mode parse(String key) {
        return EnumKeys.parse(values(), key, "mode");
    }
}
