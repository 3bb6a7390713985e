package org.elisesweep.model;

/**
 * A disturbance scenario of replay (ELISE-MODEL.md §6): during bins [fromBin, toBin) of replay
 * cycle {@code cycle}, the somatic Euler update of neurons firstNeuron…lastNeuron (inclusive,
 * indices into the visible population) is replaced by u := E_l + offset.
 *
 * @param name        scenario name, used as a key in results
 * @param cycle       replay cycle in which the clamp acts (the paper: 4, the second free cycle)
 * @param fromBin     first clamped Euler step within that cycle
 * @param toBin       first step after the clamp
 * @param firstNeuron first clamped visible neuron
 * @param lastNeuron  last clamped visible neuron (inclusive)
 * @param offsetMv    clamp value relative to E_l (mV)
 */
public record Clamp(String name, int cycle, int fromBin, int toBin, int firstNeuron, int lastNeuron,
                    double offsetMv) {

    /** The undisturbed scenario's name. */
    public static final String UNDISTURBED = "none";

    public Clamp {
        String at = "replay.scenarios." + name + ".";
        Checks c = new Checks(at);
        c.require(name != null && name.matches("[A-Za-z0-9_-]+") && !UNDISTURBED.equals(name), "name",
                        "must be letters, digits, '-' or '_' and not '" + UNDISTURBED + "'")
                .atLeast("cycle", cycle, 0).atLeast("from-bin", fromBin, 0).atLeast("to-bin", toBin, fromBin + 1)
                .atLeast("first-neuron", firstNeuron, 0).atLeast("last-neuron", lastNeuron, firstNeuron)
                .finite("offset-mv", offsetMv);
        c.throwIfAny();
    }

    /** Names of the paper's four cases, in the order of {@link #paperCases}. */
    public static final java.util.List<String> PAPER_CASES =
            java.util.List.of("silence-cycle", "tonic-cycle", "silence-window", "tonic-window");

    /**
     * One of the paper's four cases (ELISE-MODEL.md §6), on all visible neurons in replay cycle 4
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
            throw new InvalidParametersException(java.util.List.of(new Violation("replay.scenarios." + name,
                    "needs a cycle of at least 150 ms (this pattern's cycle is " + cycleBins * dt + " ms)")));
        }
        double offset = name.startsWith("tonic-") ? 15.0 : 0.0;
        return PAPER_CASES.contains(name) ? new Clamp(name, 4, from, to, 0, nVis - 1, offset) : null;
    }

    /** The paper's four cases, see {@link #paperCase}. */
    public static java.util.List<Clamp> paperCases(int nVis, int cycleBins, double dt) {
        return PAPER_CASES.stream().map(n -> paperCase(n, nVis, cycleBins, dt)).toList();
    }

    /** Checks the clamp against a concrete network and protocol; violations name this scenario. */
    java.util.List<Violation> violationsFor(int nVis, int cycleBins, ProtocolParams protocol) {
        Checks c = new Checks("replay.scenarios." + name + ".");
        c.require(lastNeuron < nVis, "last-neuron", "must be < N_vis = " + nVis + " (got " + lastNeuron + ")")
                .require(toBin <= cycleBins, "to-bin", "must be ≤ the cycle's " + cycleBins + " steps (got " + toBin + ")")
                .require(cycle >= protocol.firstScoredReplayCycle() + 1 && cycle <= protocol.lastScoredReplayCycle(),
                        "cycle", "must be in [" + (protocol.firstScoredReplayCycle() + 1) + ", "
                                + protocol.lastScoredReplayCycle() + "] so that replay is scored before and after it (got "
                                + cycle + ")");
        return c.violations();
    }

    /** Whether this clamp holds visible neuron i at replay cycle {@code c}, bin {@code b}. */
    public boolean holds(int c, int b, int i) {
        return c == cycle && b >= fromBin && b < toBin && i >= firstNeuron && i <= lastNeuron;
    }
}
