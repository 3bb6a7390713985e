package org.elisesweep.model;

/** Which dendritic synapses learn (docs/model.md §1, "Model modes"). */
public enum Mode {
    /** All dendritic synapses learn. */
    ELISE,
    /** Only synapses onto visible neurons learn; latent dendritic weights stay random. */
    RESERVOIR,
    /** Latent neurons have no dendrite; only visible dendrites exist and learn. */
    SOMA_ONLY;

    /** Postsynaptic neurons 0…k−1 whose incoming dendritic synapses learn: k = N in elise mode, else N_vis. */
    int learningNeurons(int nVis, int n) {
        return this == ELISE ? n : nVis;
    }

    /** Neurons 0…k−1 that have a dendrite: k = N_vis in soma-only mode, else N. */
    int dendriteNeurons(int nVis, int n) {
        return this == SOMA_ONLY ? nVis : n;
    }

    /** elise, reservoir or soma-only. */
    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but elise, reservoir, soma-only */
    public static Mode parse(String key) {
        return EnumKeys.parse(values(), key, "mode");
    }
}
