package org.elisesweep.model;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One ELiSe network: fixed parameters, wiring and teacher, and a mutable {@link NetworkState}
 * that the step loop advances (ELISE-MODEL.md §3). Not thread-safe; one network per thread.
 *
 * <p>Neurons 0…N_vis−1 are visible, N_vis…N−1 latent. The loop fuses step 8 (plasticity) of
 * step t with step 1 (dendritic input) of step t+1 in one pass over W: this changes no result
 * (each weight is updated before it is read, and every sum runs over j in ascending order) but
 * reads and writes W once per step instead of twice.
 */
public final class Network {
    /** |u| or |v| beyond this many mV counts as a runaway (diverged) simulation. */
    public static final double RUNAWAY_MV = 1000.0;

    private final ModelParams m;
    private final Wiring wiring;
    private final Teacher teacher;
    private final NetworkState state;
    private final int nVis;
    private final int n;
    /** Postsynaptic neurons whose incoming synapses learn: 0…nLearn−1. */
    private final int nLearn;
    /** Postsynaptic neurons that have a dendrite: 0…nDendrite−1. */
    private final int nDendrite;
    private final double rest;
    // learning coefficients of this step: η·(r_i − r*_i), for visible and latent presynaptic j
    private final double[] coefFromVisible;
    private final double[] coefFromLatent;

    private Network(ModelParams m, Wiring wiring, Teacher teacher, NetworkState state) {
        this.m = m;
        this.wiring = wiring;
        this.teacher = teacher;
        this.state = state;
        this.nVis = wiring.visibleNeurons();
        this.n = wiring.neurons();
        this.nLearn = m.mode() == Mode.ELISE ? n : nVis;
        this.nDendrite = m.mode() == Mode.SOMA_ONLY ? nVis : n;
        this.rest = m.restRate();
        this.coefFromVisible = new double[n];
        this.coefFromLatent = new double[n];
    }

    /**
     * A new network in the initial state of ELISE-MODEL.md §3: u = v = E_l, rates and every
     * delay line at φ(E_l), traces 0, Gaussian weights (SD {@code weightSd}) on existing synapses.
     */
    public static Network create(ModelParams m, Pattern pattern, double stepMs, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        Teacher teacher = new Teacher(pattern, m, stepMs);
        Wiring wiring = Wiring.draw(m, pattern.neurons(), streams);
        int n = wiring.neurons();
        int longest = Math.max(m.denDelayMax(), m.scaffoldDelayMax() + m.inhibitionExtraDelay()) + 2;
        NetworkState s = new NetworkState(n, Integer.highestOneBit(longest - 1) << 1);
        Arrays.fill(s.u, m.eL());
        Arrays.fill(s.v, m.eL());
        Arrays.fill(s.rate, m.restRate());
        Arrays.fill(s.history, m.restRate());
        Network net = new Network(m, wiring, teacher, s);
        net.drawInitialWeights(streams.stream(RandomStreams.INITIAL_WEIGHTS));
        // input of step 0: learning coefficients are still 0, so this pass only sums
        net.plasticityAndNextInput();
        return net;
    }

    /** Gaussian weights in a fixed (i, j) order, one draw per ordered pair whether the synapse exists or not. */
    private void drawInitialWeights(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] w = state.weightRows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = m.weightSd() * gauss.sample();
                boolean exists = i < nDendrite && wiring.hasSynapse(j, i);
                w[j][i] = exists ? x : 0.0;
            }
        }
    }

    /** A network with the same parameters and wiring and an independent copy of this state. */
    public Network copy() {
        return new Network(m, wiring, teacher, state.copy());
    }

    public ModelParams params() {
        return m;
    }

    public Wiring wiring() {
        return wiring;
    }

    public Teacher teacher() {
        return teacher;
    }

    /** The live state (mutated by {@link #runCycle}). */
    public NetworkState state() {
        return state;
    }

    /** Samples recorded per cycle: the visible rates after steps 0, 2, 4, … (ELISE-MODEL.md §6). */
    public int samplesPerCycle() {
        return teacher.cycleBins() / 2;
    }

    /**
     * Runs one cycle of TB Euler steps (ELISE-MODEL.md §3, steps 1–9 each), mutating the state.
     *
     * @param teacherOn whether the teacher nudges the visible somata (λ_on)
     * @param clamp     a clamp acting in this cycle, or null
     * @param record    receives the visible rates, [neuron][sample], or null
     * @return -1, or the global step at which |u| or |v| became non-finite or exceeded
     *         {@link #RUNAWAY_MV}; the cycle stops there
     */
    public long runCycle(boolean teacherOn, Clamp clamp, double[][] record) {
        int bins = teacher.cycleBins();
        for (int b = 0; b < bins; b++) {
            boolean clamped = clamp != null && b >= clamp.fromBin() && b < clamp.toBin();
            if (!step(b, teacherOn, clamped ? clamp : null)) {
                return state.step - 1;
            }
            if (record != null && (b & 1) == 0) {
                for (int i = 0; i < nVis; i++) {
                    record[i][b >> 1] = state.rate[i];
                }
            }
        }
        return -1;
    }

    /** One Euler step in bin b of the cycle; false if the state ran away. */
    private boolean step(int b, boolean teacherOn, Clamp clamp) {
        final NetworkState s = state;
        final double[] u = s.u;
        final double[] v = s.v;
        final double[] trace = s.trace;
        final double[] rate = s.rate;
        final double[] rd = s.delayedRate;
        final double[] input = s.dendriticInput;
        final double[] hist = s.history;
        final int mask = s.historyLength - 1;
        final long t = s.step;
        final double dt = m.dt();
        final double gL = m.gL();
        final double gDen = m.gDen();
        final double eL = m.eL();
        final double eE = m.eE();
        final double eI = m.eI();
        final double gLeakDen = gL + gDen;
        final double traceGain = gL * gDen / gLeakDen;
        // v* = (g_l·E_l + g_den·v)/(g_l + g_den), written as predRest + predGain·v
        final double predGain = gDen / gLeakDen;
        final double predRest = gL * eL / gLeakDen;
        final double slope = m.slope();
        final double threshold = m.threshold();
        final double etaVis = m.etaVis();
        final double etaLat = m.etaLat();
        boolean ok = true;

        // visible neurons: teacher conductances (§3 step 2, §5)
        final double[] gExc = teacher.excitationArray();
        final double[] gInh = teacher.inhibitionArray();
        final int tb = b * nVis;
        for (int i = 0; i < nVis; i++) {
            double uo = u[i];
            double vo = v[i];
            double un;
            if (clamp != null && i >= clamp.firstNeuron() && i <= clamp.lastNeuron()) {
                un = eL + clamp.offsetMv();
            } else {
                double du = gL * (eL - uo) + gDen * (vo - uo);
                if (teacherOn) {
                    du += gExc[tb + i] * (eE - uo) + gInh[tb + i] * (eI - uo);
                }
                un = uo + dt * du;
            }
            double vStar = predRest + predGain * vo;
            double vn = vo + dt * gL * (eL + input[i] - vo);
            trace[i] += dt * (-gL * trace[i] + traceGain * rd[i]);
            double r = Transfer.phi(un, slope, threshold);
            double err = r - Transfer.phi(vStar, slope, threshold);
            u[i] = un;
            v[i] = vn;
            rate[i] = r;
            coefFromVisible[i] = etaVis * err;
            coefFromLatent[i] = etaLat * err;
            ok &= Math.abs(un) < RUNAWAY_MV & Math.abs(vn) < RUNAWAY_MV;
        }

        // latent neurons: scaffold conductances from the delay lines (§3 step 2)
        final int[] srcStart = wiring.scaffold().sourceStartArray();
        final int[] src = wiring.scaffold().sourceArray();
        final int[] scafDelay = wiring.scaffoldDelayArray();
        final int inhExtra = m.inhibitionExtraDelay();
        final double gE0 = m.gE0();
        final double gI0 = m.gI0();
        final boolean hasDendrite = nDendrite == n;
        for (int i = nVis; i < n; i++) {
            double gE = 0.0;
            double gI = 0.0;
            for (int k = srcStart[i]; k < srcStart[i + 1]; k++) {
                int j = src[k];
                long sent = t - scafDelay[j];
                gE += gE0 * Math.max(hist[(int) (sent & mask) * n + j], rest);
                gI += gI0 * Math.max(hist[(int) ((sent - inhExtra) & mask) * n + j], rest);
            }
            double uo = u[i];
            double vo = v[i];
            double du = gL * (eL - uo) + gE * (eE - uo) + gI * (eI - uo);
            if (hasDendrite) {
                du += gDen * (vo - uo);
            }
            double un = uo + dt * du;
            trace[i] += dt * (-gL * trace[i] + traceGain * rd[i]);
            double r = Transfer.phi(un, slope, threshold);
            u[i] = un;
            rate[i] = r;
            if (hasDendrite) {
                double vStar = predRest + predGain * vo;
                double vn = vo + dt * gL * (eL + input[i] - vo);
                v[i] = vn;
                double err = r - Transfer.phi(vStar, slope, threshold);
                coefFromLatent[i] = etaLat * err;
                coefFromVisible[i] = etaLat * err;
                ok &= Math.abs(vn) < RUNAWAY_MV;
            }
            ok &= Math.abs(un) < RUNAWAY_MV;
        }

        // push this step's rates into the delay lines (§3 steps 7 and 9)
        System.arraycopy(rate, 0, hist, (int) (t & mask) * n, n);
        s.step = t + 1;
        plasticityAndNextInput();
        return ok;
    }

    /**
     * §3 step 8 of the step just run, fused with step 1 of the next: for every existing,
     * learning synapse W_ij += η_ij·(r_i − r*_i)·r̄_j, then s_i = Σ_j W_ij·r_j^d(next step), the
     * sum taken over j in ascending order. Mutates W, the delayed rates and the dendritic input.
     */
    private void plasticityAndNextInput() {
        final NetworkState s = state;
        final double[][] w = s.weightRows;
        final double[] rd = s.delayedRate;
        final double[] input = s.dendriticInput;
        final double[] trace = s.trace;
        final double[] hist = s.history;
        final int[] denDelay = wiring.dendriticDelayArray();
        final double[][] synMask = wiring.synapseMaskArray();
        final int mask = s.historyLength - 1;
        final long next = s.step;
        for (int j = 0; j < n; j++) {
            rd[j] = hist[(int) ((next - denDelay[j] + 1) & mask) * n + j];
        }
        Arrays.fill(input, 0, nDendrite, 0.0);
        for (int j = 0; j < n; j++) {
            double[] coef = j < nVis ? coefFromVisible : coefFromLatent;
            double[] row = w[j];
            double tr = trace[j];
            double x = rd[j];
            if (synMask == null) {
                // all-to-all, no self-connection: with c_j = 0 for this row, W_jj stays exactly 0 and
                // adds exactly 0 to s_j; one whole-row loop is faster than two loops around the diagonal
                boolean diagonalLearns = j < nLearn;
                double cj = diagonalLearns ? coef[j] : 0.0;
                if (diagonalLearns) {
                    coef[j] = 0.0;
                }
                DendriticKernels.updateAndAccumulate(row, coef, tr, x, input, 0, nLearn);
                if (diagonalLearns) {
                    coef[j] = cj;
                }
            } else {
                DendriticKernels.maskedUpdateAndAccumulate(row, synMask[j], coef, tr, x, input, 0, nLearn);
            }
            DendriticKernels.accumulate(row, x, input, nLearn, nDendrite);
        }
    }
}
