package org.elisesweep.model;

/** The two populations of docs/model.md §1; neurons are indexed within their population. */
public enum Population {
    /** Neurons 0…N_vis−1 of the network, the teacher's targets. */
    VISIBLE,
    /** Neurons N_vis…N−1 of the network; latent index k is network neuron N_vis + k. */
    LATENT;

    public String key() {
        return EnumKeys.key(this);
    }

    /** @throws IllegalArgumentException for anything but visible, latent */
    public static Population parse(String key) {
        return EnumKeys.parse(values(), key, "population");
    }

    /** Size of this population in a network of {@code nVis} visible and {@code nLat} latent neurons. */
    public int size(int nVis, int nLat) {
        return this == VISIBLE ? nVis : nLat;
    }

    /** Network index of the first neuron of this population. */
    public int offset(int nVis) {
        return this == VISIBLE ? 0 : nVis;
    }
}
