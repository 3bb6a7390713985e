package org.elisesweep.model;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The fixed structure of one network, drawn once per seed: delays, scaffold and which
 * dendritic synapses exist. Immutable and shared by every copy of a network's state.
 *
 * <p>Delay convention (docs/model.md §2): the rate r_j computed in step m is the delayed
 * rate r_j^d used in step m + D_den(j) − 1; a scaffold value pushed in step m acts in step
 * m + D_E(j) (excitation) and m + D_E(j) + inhibitionExtraDelay (inhibition).
 */
public final class Wiring {
    private final int nVis;
    private final int nLat;
    private final int[] dendriticDelay;
    private final int[] scaffoldDelay;
    private final Scaffold scaffold;
    /** 1.0 where synapse j → i exists, else 0.0, by presynaptic rows [j][i]; null when all-to-all. */
    private final double[][] synapseMask;

    private Wiring(int nVis, int nLat, int[] dendriticDelay, int[] scaffoldDelay, Scaffold scaffold,
                   double[][] synapseMask) {
        this.nVis = nVis;
        this.nLat = nLat;
        this.dendriticDelay = dendriticDelay;
        this.scaffoldDelay = scaffoldDelay;
        this.scaffold = scaffold;
        this.synapseMask = synapseMask;
    }

    /** Draws delays, scaffold and (for sparse connectivity) the synapse mask from their own streams. */
    public static Wiring draw(ModelParams m, int nVis, RandomStreams streams) {
        int n = nVis + m.nLat();
        int[] den = uniformInts(n, m.denDelayMin(), m.denDelayMax(), streams.stream(RandomStreams.DENDRITIC_DELAYS));
        int[] scaf = uniformInts(n, m.scaffoldDelayMin(), m.scaffoldDelayMax(),
                streams.stream(RandomStreams.SCAFFOLD_DELAYS));
        Scaffold scaffold = Scaffold.grow(nVis, m.nLat(), m.scaffoldP(), m.scaffoldQ(), m.scaffoldP0(), m.scaffoldRule(),
                streams.stream(RandomStreams.SCAFFOLD));
        double[][] mask = null;
        if (m.connectivity() == Connectivity.SPARSE) {
            mask = new double[n][n];
            UniformRandomProvider rng = streams.stream(RandomStreams.SPARSE_MASK);
            // one draw per ordered pair, in a fixed order, so the mask does not depend on the scaffold
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    boolean drawn = rng.nextDouble() < m.density();
                    boolean kept = drawn || (m.protectScaffold() && scaffold.has(j, i));
                    mask[j][i] = (i != j && kept) ? 1.0 : 0.0;
                }
            }
        }
        return new Wiring(nVis, m.nLat(), den, scaf, scaffold, mask);
    }

    /**
     * What {@link #draw} draws the delays and the scaffold from, as a key with equals and hashCode:
     * the seed whose streams it draws from and every parameter those read (not the sparse mask's
     * density). Networks with equal keys have equal delays and scaffold, so lock-step can step
     * them with one shared rate history ({@link Lockstep#wiringKey}); their masks may differ.
     */
    public static Object delaysAndScaffoldKey(ModelParams m, int nVis, long seed) {
        return List.of(seed, nVis, m.nLat(), m.denDelayMin(), m.denDelayMax(), m.scaffoldDelayMin(),
                m.scaffoldDelayMax(), m.scaffoldP(), m.scaffoldQ(), m.scaffoldP0(), m.scaffoldRule());
    }

    private static int[] uniformInts(int count, int min, int max, UniformRandomProvider rng) {
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = min + rng.nextInt(max - min + 1);
        }
        return out;
    }

    public int visibleNeurons() {
        return nVis;
    }

    public int neurons() {
        return nVis + nLat;
    }

    public Scaffold scaffold() {
        return scaffold;
    }

    /** D_den(j) in steps. */
    public int dendriticDelay(int j) {
        return dendriticDelay[j];
    }

    /** D_E(j) in steps. */
    public int scaffoldDelay(int j) {
        return scaffoldDelay[j];
    }

    /** Whether dendritic synapse j → i exists (never for i = j). */
    public boolean hasSynapse(int j, int i) {
        return i != j && (synapseMask == null || synapseMask[j][i] != 0.0);
    }

    int[] dendriticDelayArray() {
        return dendriticDelay;
    }

    /** The 0/1 mask by presynaptic rows, or null for all-to-all. Do not modify. */
    double[][] synapseMaskArray() {
        return synapseMask;
    }
}
