package org.elisesweep.model;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A disturbance scenario of replay (docs/model.md §6, and the latent disturbance of §8): during
 * bins [fromBin, toBin) of replay cycle {@code cycle}, the somatic Euler update of the held
 * neurons is replaced by u := E_l + offset. The held neurons are, within {@code population},
 * those of firstNeuron…lastNeuron (inclusive, indices into that population) when
 * {@code fraction} is 1, or else round(fraction·M) of these M neurons chosen uniformly
 * ({@link #neurons}). Offset 0 silences them, a positive offset activates them tonically.
 *
 * @param name        scenario name, used as a key in results
 * @param cycle       replay cycle in which the clamp acts (the paper: 4, the second free cycle)
 * @param fromBin     first clamped Euler step within that cycle
 * @param toBin       first step after the clamp
 * @param population  the population the neuron range indexes (the paper's cases: visible)
 * @param firstNeuron first neuron of the range
 * @param lastNeuron  last neuron of the range (inclusive)
 * @param fraction    the fraction of the range that is held, in [0, 1]
 * @param offsetMv    clamp value relative to E_l (mV)
 */
public record Clamp(String name, int cycle, int fromBin, int toBin, Population population, int firstNeuron,
                    int lastNeuron, double fraction, double offsetMv) {

    /** The undisturbed scenario's name. */
    public static final String UNDISTURBED = "none";

    public Clamp {
        String at = "replay.scenarios." + name + ".";
        Checks c = new Checks(at);
        c.require(name != null && name.matches("[A-Za-z0-9_-]+") && !UNDISTURBED.equals(name), "name",
                        "must be letters, digits, '-' or '_' and not '" + UNDISTURBED + "'")
                .atLeast("cycle", cycle, 0).atLeast("from-bin", fromBin, 0).atLeast("to-bin", toBin, fromBin + 1)
                .require(population != null, "population", "must be one of visible, latent")
                .atLeast("first-neuron", firstNeuron, 0).atLeast("last-neuron", lastNeuron, firstNeuron)
                .inRange("fraction", fraction, 0.0, 1.0, false)
                .finite("offset-mv", offsetMv);
        c.throwIfAny();
    }

    /** A clamp of every visible neuron in firstNeuron…lastNeuron, as in the paper. */
    public Clamp(String name, int cycle, int fromBin, int toBin, int firstNeuron, int lastNeuron, double offsetMv) {
        this(name, cycle, fromBin, toBin, Population.VISIBLE, firstNeuron, lastNeuron, 1.0, offsetMv);
    }

    /** Names of the paper's four cases, in the order of {@link #paperCases}. */
    public static final List<String> PAPER_CASES =
            List.of("silence-cycle", "tonic-cycle", "silence-window", "tonic-window");

    /**
     * One of the paper's four cases (docs/model.md §6), on all visible neurons in replay cycle 4
     * for a cycle of {@code cycleBins} Euler steps: silence (E_l) or tonic activation (E_l + 15)
     * for the whole cycle, or for 90–150 ms. Null for an unknown name.
     *
     * @throws InvalidParametersException when a window case does not fit in the cycle
     */
    public static Clamp paperCase(String name, int nVis, int cycleBins, double dt) {
        boolean window = name.endsWith("-window");
        int from = window ? (int) Math.round(90.0 / dt) : 0;
        int to = window ? (int) Math.round(150.0 / dt) : cycleBins;
        if (window && to > cycleBins) {
            throw new InvalidParametersException(List.of(new Violation("replay.scenarios." + name,
                    "needs a cycle of at least 150 ms (this pattern's cycle is " + cycleBins * dt + " ms)")));
        }
        double offset = name.startsWith("tonic-") ? 15.0 : 0.0;
        return PAPER_CASES.contains(name) ? new Clamp(name, 4, from, to, 0, nVis - 1, offset) : null;
    }

    /** The paper's four cases, see {@link #paperCase}. */
    public static List<Clamp> paperCases(int nVis, int cycleBins, double dt) {
        return PAPER_CASES.stream().map(n -> paperCase(n, nVis, cycleBins, dt)).toList();
    }

    /** Checks the clamp against a concrete network and protocol; violations name this scenario. */
    List<Violation> violationsFor(int nVis, int nLat, int cycleBins, ProtocolParams protocol) {
        Checks c = new Checks("replay.scenarios." + name + ".");
        int size = population.size(nVis, nLat);
        String sizeName = population == Population.VISIBLE ? "N_vis" : "N_lat";
        int firstCycle = protocol.firstScoredReplayCycle() + 1;
        int lastCycle = protocol.lastScoredReplayCycle();
        c.require(lastNeuron < size, "last-neuron",
                        "must be < " + sizeName + " = " + size + " (got " + lastNeuron + ")")
                .require(toBin <= cycleBins, "to-bin",
                        "must be ≤ the cycle's " + cycleBins + " steps (got " + toBin + ")")
                .require(cycle >= firstCycle && cycle <= lastCycle, "cycle", "must be in [" + firstCycle + ", "
                        + lastCycle + "] so that replay is scored before and after it (got " + cycle + ")");
        return c.violations();
    }

    /**
     * The network indices of the neurons this clamp holds, ascending, in a network of
     * {@code nVis} visible and {@code nLat} latent neurons whose streams are {@code streams}.
     * With fraction 1: the whole range. Otherwise the first round(fraction·M) neurons of a
     * uniformly random permutation of the range (Fisher–Yates, from the clamp-selection stream):
     * a function of the seed and the range only, so a smaller fraction of the same range holds a
     * subset of a larger one, and every scenario with the same range and fraction holds the same
     * neurons (common random numbers).
     *
     * @throws IllegalArgumentException when the range does not fit in the population
     */
    public int[] neurons(int nVis, int nLat, RandomStreams streams) {
        int size = population.size(nVis, nLat);
        if (lastNeuron >= size) {
            throw new IllegalArgumentException("clamp '" + name + "': last neuron " + lastNeuron + " but the "
                    + population.key() + " population has " + size);
        }
        int base = population.offset(nVis) + firstNeuron;
        int m = lastNeuron - firstNeuron + 1;
        int[] range = new int[m];
        for (int k = 0; k < m; k++) {
            range[k] = base + k;
        }
        if (fraction == 1.0) {
            return range;
        }
        UniformRandomProvider rng = streams.stream(RandomStreams.CLAMP_SELECTION);
        for (int k = m - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            int t = range[k];
            range[k] = range[r];
            range[r] = t;
        }
        int[] held = Arrays.copyOfRange(range, m - (int) Math.round(fraction * m), m);
        Arrays.sort(held);
        return held;
    }

    /**
     * Whether this clamp's window and range cover neuron {@code i} (an index into its population)
     * at replay cycle {@code c}, bin {@code b}. With a fraction below 1 only the neurons of
     * {@link #neurons} among these are held.
     */
    public boolean holds(int c, int b, int i) {
        return c == cycle && b >= fromBin && b < toBin && i >= firstNeuron && i <= lastNeuron;
    }
}
