package org.elisesweep.model;

/**
 * Which dendritic synapses of one network exist and learn (docs/model.md §1): the wiring's
 * synapses minus those deleted after training ({@link WeightDisturbance}), onto postsynaptic
 * neurons 0…nLearn−1. Not thread-safe; one per network.
 */
final class LearningSynapses {
    private final Wiring wiring;
    private final int nLearn;
    /**
     * 1.0 where synapse j → i exists, else 0.0, by presynaptic rows [j][i]; null when every
     * off-diagonal synapse exists. Starts as the wiring's mask; {@link #replaceMask} swaps in
     * another array, never modifies this one (copies of the network share it).
     */
    private double[][] mask;

    LearningSynapses(Wiring wiring, Mode mode, double[][] mask) {
        this.wiring = wiring;
        this.nLearn = mode.learningNeurons(wiring.visibleNeurons(), wiring.neurons());
        this.mask = mask;
    }

    /** Postsynaptic neurons whose incoming synapses learn: 0…nLearn−1 (N in elise mode, else N_vis). */
    int nLearn() {
        return nLearn;
    }

    Wiring wiring() {
        return wiring;
    }

    /** Whether W_ij is an existing learning synapse: i ≠ j, i &lt; nLearn, present and not deleted. */
    boolean isLearning(int j, int i) {
        return i < nLearn && i != j && (mask == null || mask[j][i] != 0.0);
    }

    /** Whether synapse j → i exists (learning or not) and has not been deleted. */
    boolean exists(int j, int i) {
        return wiring.hasSynapse(j, i) && (mask == null || mask[j][i] != 0.0);
    }

    /** The mask by presynaptic rows, or null when all synapses exist. Do not modify. */
    double[][] mask() {
        return mask;
    }

    /** Makes {@code newMask} (by presynaptic rows, 0.0 on the diagonal) this network's mask. Mutates this. */
    void replaceMask(double[][] newMask) {
        mask = newMask;
    }
}
