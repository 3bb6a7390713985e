package org.elisesweep.model;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Building a new network and restoring a trained one (docs/model.md §3 initial state, §9 streams). Stateless. */
final class NetworkFactory {
    private NetworkFactory() {
    }

    /**
     * A new network in the initial state of docs/model.md §3: u = v = E_l, rates and every
     * delay line at φ(E_l), traces 0, Gaussian weights (SD {@code weightSd}) on existing synapses;
     * membrane-noise processes with σ > 0 start from their stationary distribution (§8), drawn
     * from their own streams, so noise never changes the wiring or the initial weights.
     *
     * @throws InvalidParametersException when the teacher jitter does not fit the pattern step
     */
    static Network create(ModelParams m, Pattern pattern, double stepMs, long seed, NoiseParams noise) {
        RandomStreams streams = new RandomStreams(seed);
        Teacher teacher = new Teacher(pattern, m, stepMs);
        Wiring wiring = Wiring.draw(m, pattern.neurons(), streams);
        int n = wiring.neurons();
        int longest = Math.max(m.denDelayMax(), m.scaffoldDelayMax() + m.inhibitionExtraDelay()) + 2;
        NetworkState s = new NetworkState(n, Integer.highestOneBit(longest - 1) << 1, new NoiseState(n, streams));
        Arrays.fill(s.u, m.eL());
        Arrays.fill(s.v, m.eL());
        Arrays.fill(s.rate, m.restRate());
        Arrays.fill(s.history, m.restRate());
        Network net = new Network(m, wiring, teacher, s, noise, streams, wiring.synapseMaskArray());
        drawInitialWeights(s.weightRows, m, wiring, streams.stream(RandomStreams.INITIAL_WEIGHTS));
        net.startMembraneNoise();
        net.computeFirstInput();
        return net;
    }

    /**
     * The network of {@code spec} (wiring, delays and teacher drawn from its seed as by
     * {@link #create}) continuing from {@code trained}, a state reached by training with an
     * equivalent spec ({@link SimulationSpec#trainingSignature()}); {@code trained} is copied, not
     * used. Membrane noise that does not act in training under {@code spec} restarts as in a new
     * network (from its stationary distribution, its streams at their start): so the result runs
     * exactly as the trained network of a whole simulation of {@code spec} would, even when the
     * stored network was trained with other replay-only noise.
     */
    static Network restore(SimulationSpec spec, NetworkState trained) {
        ModelParams m = spec.model();
        RandomStreams streams = new RandomStreams(spec.seed());
        Teacher teacher = new Teacher(spec.pattern(), m, spec.protocol().stepMs());
        Wiring wiring = Wiring.draw(m, spec.pattern().neurons(), streams);
        if (trained.neurons() != wiring.neurons()) {
            throw new IllegalArgumentException("a stored network of " + trained.neurons()
                    + " neurons cannot continue a simulation of " + wiring.neurons());
        }
        boolean membraneTrains = spec.noise().membrane().phase().covers(Phase.TRAINING);
        NetworkState s = membraneTrains ? trained.copy()
                : trained.copyWithNoise(trained.noise.withMembraneRestarted(streams));
        Network net = new Network(m, wiring, teacher, s, spec.noise(), streams, wiring.synapseMaskArray());
        if (!membraneTrains) {
            net.startMembraneNoise();
        }
        return net;
    }

    /**
     * Gaussian weights in a fixed (i, j) order, one draw per ordered pair whether the synapse
     * exists or not; 0 where it does not. Mutates {@code rows} (W by presynaptic rows) and {@code rng}.
     */
    private static void drawInitialWeights(double[][] rows, ModelParams m, Wiring wiring, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = wiring.neurons();
        int nDendrite = m.mode().dendriteNeurons(wiring.visibleNeurons(), n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = m.weightSd() * gauss.sample();
                boolean exists = i < nDendrite && wiring.hasSynapse(j, i);
                rows[j][i] = exists ? x : 0.0;
            }
        }
    }
}
