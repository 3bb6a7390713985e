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
 *
 * <p>Floating-point order is fixed by the code, never by the machine (ELISE-MODEL.md §9): every
 * vectorised loop is element-wise (no reduction), so C2's vector width changes no bit, and every
 * sum (s_i over j, g_i over scaffold sources) runs in a fixed sequential order. The speed-ups of
 * the step loop (row blocks in the W pass, separate neuron passes, the bit trick in
 * {@link Transfer#exp}) were each checked to leave a whole simulation bit-identical; the
 * benchmarks are in src/test/java/org/elisesweep/bench ({@code jobs/bench.sh}).
 *
 * <p>Noise (ELISE-MODEL.md §8, {@link NoiseParams}) is decided once per cycle, never per neuron:
 * a cycle without noise runs exactly the noiseless loop, bit for bit and at its speed. Membrane
 * noise is a separate pass over the neurons after the Euler updates; a noisy teacher swaps in
 * the cycle's own conductance arrays; weight noise and synapse deletion act once, between
 * cycles ({@link #perturbWeights}). Deleted synapses are held at 0 by a per-network synapse
 * mask, so all-to-all networks keep the unmasked kernels until a synapse is deleted.
 */
public final class Network {
    /** |u| or |v| beyond this many mV counts as a runaway (diverged) simulation. */
    public static final double RUNAWAY_MV = 1000.0;

    private final ModelParams m;
    private final Wiring wiring;
    private final Teacher teacher;
    private final NetworkState state;
    private final NoiseParams noise;
    /** The network's seed streams: clamp selection and weight disturbances draw from them. */
    private final RandomStreams streams;
    /**
     * 1.0 where synapse j → i exists, else 0.0, by presynaptic rows [j][i]; null when every
     * off-diagonal synapse exists. Starts as the wiring's mask; {@link #perturbWeights} replaces
     * it (never modifies it: copies of the network share it).
     */
    private double[][] synapseMask;
    /** Membrane noise processes of soma and dendrite, null when their σ is 0. */
    private final OrnsteinUhlenbeck somaNoise;
    private final OrnsteinUhlenbeck dendriteNoise;
    private final ZigguratSampler.NormalizedGaussian somaGauss;
    private final ZigguratSampler.NormalizedGaussian dendriteGauss;
    /** This network's noisy-teacher scratch, null without teacher noise. */
    private final NoisyTeacher noisyTeacher;
    // decided once per cycle (beginCycle): teacher conductances (null = teacher off), membrane noise on
    private double[] cycleExc;
    private double[] cycleInh;
    private boolean cycleSomaNoise;
    private boolean cycleDendriteNoise;
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
    // scratch of one step: v* (old v), latent scaffold conductances g^E and g^I
    private final double[] vStarScratch;
    private final double[] gExcScratch;
    private final double[] gInhScratch;
    // the scaffold's connections k: target latent, source, the source's excitatory delay D_E
    private final int[] scaffoldTarget;
    private final int[] scaffoldSource;
    private final int[] scaffoldSourceDelay;

    private Network(ModelParams m, Wiring wiring, Teacher teacher, NetworkState state, NoiseParams noise,
                    RandomStreams streams, double[][] synapseMask) {
        this.m = m;
        this.wiring = wiring;
        this.teacher = teacher;
        this.state = state;
        this.noise = noise;
        this.streams = streams;
        this.synapseMask = synapseMask;
        NoiseParams.MembraneNoise mn = noise.membrane();
        this.somaNoise = mn.sigma() > 0 ? new OrnsteinUhlenbeck(mn.sigma(), mn.tau(), m.dt()) : null;
        this.dendriteNoise = mn.dendriteSigma() > 0
                ? new OrnsteinUhlenbeck(mn.dendriteSigma(), mn.effectiveDendriteTau(), m.dt()) : null;
        this.somaGauss = ZigguratSampler.NormalizedGaussian.of(state.noise.somaRng);
        this.dendriteGauss = ZigguratSampler.NormalizedGaussian.of(state.noise.dendriteRng);
        this.noisyTeacher = noise.teacher().enabled() ? new NoisyTeacher(teacher, noise.teacher(), m.dt()) : null;
        this.nVis = wiring.visibleNeurons();
        this.n = wiring.neurons();
        this.nLearn = m.mode() == Mode.ELISE ? n : nVis;
        this.nDendrite = m.mode() == Mode.SOMA_ONLY ? nVis : n;
        this.rest = m.restRate();
        this.coefFromVisible = new double[n];
        this.coefFromLatent = new double[n];
        this.vStarScratch = new double[n];
        this.gExcScratch = new double[n];
        this.gInhScratch = new double[n];
        // the scaffold as one flat list of connections, grouped by target in ascending order and in
        // the scaffold's order within a target, with each source's delay D_E
        Scaffold scaffold = wiring.scaffold();
        int[] start = scaffold.sourceStartArray();
        int[] src = scaffold.sourceArray();
        int connections = start[n] - start[nVis];
        this.scaffoldTarget = new int[connections];
        this.scaffoldSource = new int[connections];
        this.scaffoldSourceDelay = new int[connections];
        int k = 0;
        for (int i = nVis; i < n; i++) {
            for (int q = start[i]; q < start[i + 1]; q++) {
                scaffoldTarget[k] = i;
                scaffoldSource[k] = src[q];
                scaffoldSourceDelay[k] = wiring.scaffoldDelay(src[q]);
                k++;
            }
        }
    }

    /**
     * A network without noise: {@link #create(ModelParams, Pattern, double, long, NoiseParams)}
     * with {@link NoiseParams#none()}.
     */
    public static Network create(ModelParams m, Pattern pattern, double stepMs, long seed) {
        return create(m, pattern, stepMs, seed, NoiseParams.none());
    }

    /**
     * A new network in the initial state of ELISE-MODEL.md §3: u = v = E_l, rates and every
     * delay line at φ(E_l), traces 0, Gaussian weights (SD {@code weightSd}) on existing synapses;
     * membrane-noise processes with σ > 0 start from their stationary distribution (§8), drawn
     * from their own streams, so noise never changes the wiring or the initial weights.
     *
     * @throws InvalidParametersException when the teacher jitter does not fit the pattern step
     */
    public static Network create(ModelParams m, Pattern pattern, double stepMs, long seed, NoiseParams noise) {
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
        net.drawInitialWeights(streams.stream(RandomStreams.INITIAL_WEIGHTS));
        net.startMembraneNoise();
        // input of step 0: learning coefficients are still 0, so this pass only sums
        net.plasticityAndNextInput();
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

    /** Draws each enabled membrane-noise process from its stationary distribution (§8). Mutates η, η^d and their streams. */
    private void startMembraneNoise() {
        if (somaNoise != null) {
            somaNoise.fillStationary(state.noise.soma, 0, n, somaGauss);
        }
        if (dendriteNoise != null) {
            dendriteNoise.fillStationary(state.noise.dendrite, 0, nDendrite, dendriteGauss);
        }
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

    /**
     * A network with the same parameters, wiring and deleted synapses and an independent copy of
     * this state, noise processes and stream positions included: run alike, both give the same bits.
     */
    public Network copy() {
        return new Network(m, wiring, teacher, state.copy(), noise, streams, synapseMask);
    }

    public NoiseParams noise() {
        return noise;
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

    /**
     * Whether W_ij is an existing learning synapse: i ≠ j, the synapse exists (sparse mask) and
     * has not been deleted, and i's incoming synapses learn (every i in elise mode, visible i in
     * the reservoir and soma-only modes; ELISE-MODEL.md §1).
     */
    public boolean isLearningSynapse(int j, int i) {
        return i < nLearn && i != j && (synapseMask == null || synapseMask[j][i] != 0.0);
    }

    /** The per-network synapse mask by presynaptic rows, or null when all synapses exist. Do not modify. */
    double[][] synapseMaskArray() {
        return synapseMask;
    }

    /**
     * Weight noise and synapse deletion after training (ELISE-MODEL.md §8, {@link NoiseParams.WeightNoise}),
     * on the existing learning synapses ({@link #isLearningSynapse}) only:
     * <ol>
     * <li>when σ_w > 0, one normal deviate ξ_ij per learning synapse in (i, j) order from the
     *     weight-noise stream, and W_ij ← W_ij + σ_w·ξ_ij (additive) or W_ij·(1 + σ_w·ξ_ij)
     *     (multiplicative);</li>
     * <li>when f > 0, of the M learning synapses, listed in (i, j) order, round(f·M) chosen by a
     *     partial Fisher–Yates shuffle from the synapse-deletion stream (so a smaller f deletes a
     *     subset of a larger one) are set to 0 and removed from this network's synapse mask, so that
     *     plasticity (§3 step 8) keeps them at exactly 0.</li>
     * </ol>
     * Then recomputes the dendritic input s = W·r^d of the next step from the new W. Mutates W,
     * s and the mask of this network (copies made before keep theirs); a no-op when
     * {@code !w.enabled()}, so all-to-all networks keep the unmasked kernels.
     */
    public void perturbWeights(NoiseParams.WeightNoise w) {
        if (!w.enabled()) {
            return;
        }
        final double[][] rows = state.weightRows;
        if (w.sigma() > 0) {
            ZigguratSampler.NormalizedGaussian gauss =
                    ZigguratSampler.NormalizedGaussian.of(streams.stream(RandomStreams.WEIGHT_NOISE));
            boolean additive = w.kind() == WeightNoiseKind.ADDITIVE;
            for (int i = 0; i < nLearn; i++) {
                for (int j = 0; j < n; j++) {
                    if (isLearningSynapse(j, i)) {
                        double x = w.sigma() * gauss.sample();
                        rows[j][i] = additive ? rows[j][i] + x : rows[j][i] * (1.0 + x);
                    }
                }
            }
        }
        if (w.deleteFraction() > 0) {
            deleteSynapses(w.deleteFraction());
        }
        recomputeDendriticInput();
    }

    /**
     * Deletes round(f·M) of the M learning synapses, listed in (i, j) order, chosen by a partial
     * Fisher–Yates shuffle from the synapse-deletion stream: sets them to 0 and replaces the
     * synapse mask by one without them. Mutates W and the mask (not when nothing is deleted).
     */
    private void deleteSynapses(double f) {
        int[] pre = new int[nLearn * n];
        int[] post = new int[nLearn * n];
        int count = 0;
        for (int i = 0; i < nLearn; i++) {
            for (int j = 0; j < n; j++) {
                if (isLearningSynapse(j, i)) {
                    pre[count] = j;
                    post[count] = i;
                    count++;
                }
            }
        }
        int deleted = (int) Math.round(f * count);
        if (deleted == 0) {
            return;
        }
        double[][] mask = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                boolean exists = wiring.hasSynapse(j, i) && (synapseMask == null || synapseMask[j][i] != 0.0);
                mask[j][i] = exists ? 1.0 : 0.0;
            }
        }
        UniformRandomProvider rng = streams.stream(RandomStreams.SYNAPSE_DELETION);
        final double[][] rows = state.weightRows;
        for (int k = 0; k < deleted; k++) {
            int r = k + rng.nextInt(count - k);
            int tj = pre[k];
            int ti = post[k];
            pre[k] = pre[r];
            post[k] = post[r];
            pre[r] = tj;
            post[r] = ti;
            mask[pre[k]][post[k]] = 0.0;
            rows[pre[k]][post[k]] = 0.0;
        }
        synapseMask = mask;
    }

    /** s_i = Σ_j W_ij·r_j^d for the next step, j ascending (§3 step 1), from the current W. Mutates s. */
    private void recomputeDendriticInput() {
        final NetworkState s = state;
        Arrays.fill(s.dendriticInput, 0, nDendrite, 0.0);
        for (int j = 0; j < n; j++) {
            DendriticKernels.accumulate(s.weightRows[j], s.delayedRate[j], s.dendriticInput, 0, nDendrite);
        }
    }

    /** Samples recorded per cycle: the visible rates after steps 0, 2, 4, … (ELISE-MODEL.md §6). */
    public int samplesPerCycle() {
        return teacher.cycleBins() / 2;
    }

    /** {@link #runCycle(Phase, boolean, Clamp, double[][])} in the training phase. */
    public long runCycle(boolean teacherOn, Clamp clamp, double[][] record) {
        return runCycle(Phase.TRAINING, teacherOn, clamp, record);
    }

    /**
     * Runs one cycle of TB Euler steps (ELISE-MODEL.md §3, steps 1–9 each), mutating the state,
     * with the noise sources of §8 that act in {@code phase}.
     *
     * @param phase     the protocol phase of this cycle, for noise restricted to one phase
     * @param teacherOn whether the teacher nudges the visible somata (λ_on)
     * @param clamp     a clamp acting in this cycle, or null
     * @param record    receives the visible rates, [neuron][sample], or null
     * @return -1, or the global step at which |u| or |v| became non-finite or exceeded
     *         {@link #RUNAWAY_MV}; the cycle stops there
     */
    public long runCycle(Phase phase, boolean teacherOn, Clamp clamp, double[][] record) {
        return runCycle(phase, teacherOn, clamp, record, null);
    }

    /**
     * As {@link #runCycle(Phase, boolean, Clamp, double[][])}, calling {@code observer} (if not
     * null) after every step.
     */
    long runCycle(Phase phase, boolean teacherOn, Clamp clamp, double[][] record, StepObserver observer) {
        beginCycle(phase, teacherOn);
        int[] held = clamp == null ? null : clampedNeurons(clamp);
        double heldAt = clamp == null ? 0.0 : m.eL() + clamp.offsetMv();
        int bins = teacher.cycleBins();
        for (int b = 0; b < bins; b++) {
            boolean clamped = held != null && b >= clamp.fromBin() && b < clamp.toBin();
            if (!step(b, clamped ? held : null, heldAt)) {
                return state.step - 1;
            }
            if (record != null && (b & 1) == 0) {
                for (int i = 0; i < nVis; i++) {
                    record[i][b >> 1] = state.rate[i];
                }
            }
            if (observer != null) {
                observer.afterStep(b, state);
            }
        }
        return -1;
    }

    /** Receives the state after each Euler step of a cycle (tests, recordings). */
    interface StepObserver {
        void afterStep(int bin, NetworkState state);
    }

    /**
     * Decides the noise of one cycle: the teacher's conductances (the precomputed clean ones, or
     * a fresh noisy target when teacher noise acts in {@code phase}, ELISE-MODEL.md §8) and whether
     * the membrane-noise processes run.
     */
    private void beginCycle(Phase phase, boolean teacherOn) {
        if (!teacherOn) {
            cycleExc = null;
            cycleInh = null;
        } else if (noisyTeacher != null && noise.teacher().phase().covers(phase)) {
            noisyTeacher.draw(state.noise);
            cycleExc = noisyTeacher.excitationArray();
            cycleInh = noisyTeacher.inhibitionArray();
        } else {
            cycleExc = teacher.excitationArray();
            cycleInh = teacher.inhibitionArray();
        }
        boolean membrane = noise.membrane().phase().covers(phase);
        cycleSomaNoise = membrane && somaNoise != null;
        cycleDendriteNoise = membrane && dendriteNoise != null;
    }

    /** This network's noisy teacher (holding its last draw), or null without teacher noise. */
    NoisyTeacher noisyTeacher() {
        return noisyTeacher;
    }

    /** The network indices of the neurons {@code clamp} holds in this network, ascending ({@link Clamp#neurons}). */
    public int[] clampedNeurons(Clamp clamp) {
        return clamp.neurons(nVis, n - nVis, streams);
    }

    /**
     * One Euler step in bin b of the cycle; false if the state ran away.
     *
     * <p>Three passes over the neurons, each computing per neuron exactly the expressions of
     * ELISE-MODEL.md §3 (no neuron's update reads another's new values of this step, so the
     * split changes no result): (1) scaffold conductances of the latents, in one flat loop over
     * the connections; (2) the Euler updates of u, v and r̄, for the latents as short element-wise
     * loops that C2 vectorises; (3) the rates φ(u), φ(v*), learning coefficients and the runaway
     * check: scalar ({@link Transfer#exp} does not vectorise), but a tight loop without the
     * scaffold's inner loop, so the CPU overlaps the φ evaluations of several neurons. Measured
     * with 13 + 50 neurons this is about 0.16 µs per step faster than one loop per population.
     * Between (2) and (3), membrane noise (when on this cycle) and then the clamp of the
     * {@code held} neurons (null: none) to {@code heldAt} mV.
     */
    private boolean step(int b, int[] held, double heldAt) {
        final NetworkState s = state;
        final double[] u = s.u;
        final double[] v = s.v;
        final double[] trace = s.trace;
        final double[] rate = s.rate;
        final double[] rd = s.delayedRate;
        final double[] input = s.dendriticInput;
        final double[] hist = s.history;
        final double[] vStar = vStarScratch;
        final double[] gE = gExcScratch;
        final double[] gI = gInhScratch;
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

        // (1) latent neurons: scaffold conductances from the delay lines (§3 step 2); each g_i sums
        // its sources in the scaffold's order, one flat loop over all connections
        final int[] target = scaffoldTarget;
        final int[] source = scaffoldSource;
        final int[] delay = scaffoldSourceDelay;
        final long inhExtra = m.inhibitionExtraDelay();
        final double gE0 = m.gE0();
        final double gI0 = m.gI0();
        final double rest = this.rest;
        Arrays.fill(gE, nVis, n, 0.0);
        Arrays.fill(gI, nVis, n, 0.0);
        for (int k = 0; k < target.length; k++) {
            int i = target[k];
            int j = source[k];
            long sent = t - delay[k];
            gE[i] += gE0 * Math.max(hist[(int) (sent & mask) * n + j], rest);
            gI[i] += gI0 * Math.max(hist[(int) ((sent - inhExtra) & mask) * n + j], rest);
        }

        // (2) Euler updates (§3 steps 3–6). Visible: teacher conductances (§3 step 2, §5), of this cycle
        final double[] gExc = cycleExc;
        final double[] gInh = cycleInh;
        final boolean teacherOn = gExc != null;
        final int tb = b * nVis;
        for (int i = 0; i < nVis; i++) {
            double uo = u[i];
            double vo = v[i];
            double du = gL * (eL - uo) + gDen * (vo - uo);
            if (teacherOn) {
                du += gExc[tb + i] * (eE - uo) + gInh[tb + i] * (eI - uo);
            }
            u[i] = uo + dt * du;
            vStar[i] = predRest + predGain * vo;
            v[i] = vo + dt * gL * (eL + input[i] - vo);
            trace[i] += dt * (-gL * trace[i] + traceGain * rd[i]);
        }
        // latents: separate short loops (u with the old v first), each small enough for C2 to vectorise
        if (nDendrite == n) {
            for (int i = nVis; i < n; i++) {
                double uo = u[i];
                double du = gL * (eL - uo) + gE[i] * (eE - uo) + gI[i] * (eI - uo);
                du += gDen * (v[i] - uo);
                u[i] = uo + dt * du;
            }
            for (int i = nVis; i < n; i++) {
                double vo = v[i];
                vStar[i] = predRest + predGain * vo;
                v[i] = vo + dt * gL * (eL + input[i] - vo);
            }
        } else {
            // soma-only: latents have no dendrite (v and v* unused)
            for (int i = nVis; i < n; i++) {
                double uo = u[i];
                double du = gL * (eL - uo) + gE[i] * (eE - uo) + gI[i] * (eI - uo);
                u[i] = uo + dt * du;
            }
        }
        for (int i = nVis; i < n; i++) {
            trace[i] += dt * (-gL * trace[i] + traceGain * rd[i]);
        }
        if (cycleSomaNoise | cycleDendriteNoise) {
            membraneNoise(u, v);
        }
        if (held != null) {
            // a clamped soma skips its Euler update (§6), noise included
            for (int i : held) {
                u[i] = heldAt;
            }
        }

        // (3) rates and learning coefficients (§3 steps 7–8), runaway check
        boolean ok = true;
        for (int i = 0; i < nVis; i++) {
            double un = u[i];
            double r = Transfer.phi(un, slope, threshold);
            double err = r - Transfer.phi(vStar[i], slope, threshold);
            rate[i] = r;
            coefFromVisible[i] = etaVis * err;
            coefFromLatent[i] = etaLat * err;
            ok &= Math.abs(un) < RUNAWAY_MV & Math.abs(v[i]) < RUNAWAY_MV;
        }
        if (nDendrite == n) {
            for (int i = nVis; i < n; i++) {
                double un = u[i];
                double r = Transfer.phi(un, slope, threshold);
                double err = r - Transfer.phi(vStar[i], slope, threshold);
                rate[i] = r;
                coefFromLatent[i] = etaLat * err;
                coefFromVisible[i] = etaLat * err;
                ok &= Math.abs(un) < RUNAWAY_MV & Math.abs(v[i]) < RUNAWAY_MV;
            }
        } else {
            for (int i = nVis; i < n; i++) {
                double un = u[i];
                rate[i] = Transfer.phi(un, slope, threshold);
                ok &= Math.abs(un) < RUNAWAY_MV;
            }
        }

        // push this step's rates into the delay lines (§3 steps 7 and 9)
        System.arraycopy(rate, 0, hist, (int) (t & mask) * n, n);
        s.step = t + 1;
        plasticityAndNextInput();
        return ok;
    }

    /**
     * Membrane noise of one step (ELISE-MODEL.md §8): advances each Ornstein–Uhlenbeck process
     * that runs this cycle by dt (exactly, {@link OrnsteinUhlenbeck}) and adds its term to the
     * Euler update just made: u_i += dt·g_l·η_i for every soma, v_i += dt·g_l·η^d_i for every
     * dendrite. Together with (2) this is u_i ← u_i + dt·[g_l(E_l − u_i) + … + g_l·η_i], the
     * noise term added last (so a noiseless cycle is the unchanged loop). Draws N (soma) and
     * N_dendrite (dendrite) normal deviates in ascending i from the two membrane streams.
     * Mutates u, v and the noise state.
     */
    private void membraneNoise(double[] u, double[] v) {
        final double dtGl = m.dt() * m.gL();
        if (cycleSomaNoise) {
            final double[] eta = state.noise.soma;
            somaNoise.advance(eta, 0, n, somaGauss);
            for (int i = 0; i < n; i++) {
                u[i] += dtGl * eta[i];
            }
        }
        if (cycleDendriteNoise) {
            final double[] eta = state.noise.dendrite;
            dendriteNoise.advance(eta, 0, nDendrite, dendriteGauss);
            for (int i = 0; i < nDendrite; i++) {
                v[i] += dtGl * eta[i];
            }
        }
    }

    /**
     * §3 step 8 of the step just run, fused with step 1 of the next: for every existing,
     * learning synapse W_ij += η_ij·(r_i − r*_i)·r̄_j, then s_i = Σ_j W_ij·r_j^d(next step), the
     * sum taken over j in ascending order. Mutates W, the delayed rates and the dendritic input.
     *
     * <p>Rows are processed three at a time ({@link DendriticKernels#updateAndAccumulate3}; two with
     * a sparse mask): every s_i still receives its terms one by one in ascending j and every W_ij
     * the same update, so this is bit-identical to one row at a time, but s is loaded and stored
     * once per three rows, which is what limits the row loop.
     */
    private void plasticityAndNextInput() {
        final NetworkState s = state;
        final double[] rd = s.delayedRate;
        final double[] hist = s.history;
        final int[] denDelay = wiring.dendriticDelayArray();
        final int mask = s.historyLength - 1;
        final long next = s.step;
        for (int j = 0; j < n; j++) {
            rd[j] = hist[(int) ((next - denDelay[j] + 1) & mask) * n + j];
        }
        Arrays.fill(s.dendriticInput, 0, nDendrite, 0.0);
        // rows from visible neurons use η_vis onto visible targets, rows from latents η_lat everywhere
        rowsPass(0, nVis, coefFromVisible);
        rowsPass(nVis, n, coefFromLatent);
    }

    /**
     * The fused pass over presynaptic rows [from, to), which all use learning coefficients
     * {@code coef}: three rows at a time (two with a sparse mask), then the rest. A block never
     * straddles nLearn (the groups [0, N_vis) and [N_vis, N) do not, and nLearn is N_vis or N), so
     * either all or none of its rows have their diagonal in the learning range.
     */
    private void rowsPass(int from, int to, double[] coef) {
        int j = from;
        if (synapseMask == null) {
            for (; j + 3 <= to && (j >= nLearn || j + 3 <= nLearn); j += 3) {
                rows3(j, coef);
            }
        }
        for (; j + 2 <= to && (synMaskOrOutside(j, 2)); j += 2) {
            rows2(j, coef);
        }
        for (; j < to; j++) {
            rows1(j, coef);
        }
    }

    /** Whether rows [j, j+count) can go through {@link #rows2}: sparse, or entirely inside or outside nLearn. */
    private boolean synMaskOrOutside(int j, int count) {
        return synapseMask != null || j >= nLearn || j + count <= nLearn;
    }

    /**
     * Rows j, j+1, j+2 of an all-to-all W. W_jj must not learn (c_j = 0 on row j's diagonal), but
     * the kernel takes one coefficient vector for the three rows. So the block's own 3×3 columns
     * [j, j+3) are first computed here exactly as a one-row-at-a-time pass computes them (same
     * operations, same order, c = 0 on the diagonal), the kernel then runs over the whole range,
     * and those 12 values (9 weights, 3 inputs) overwrite what it wrote there. (Splitting the
     * kernel's range around the block's columns, or small loops over them, cost more than the
     * blocking gains.)
     */
    private void rows3(int j, double[] coef) {
        final NetworkState s = state;
        final double[][] w = s.weightRows;
        final double[] tr = s.trace;
        final double[] rd = s.delayedRate;
        final double[] input = s.dendriticInput;
        final double[] r0 = w[j];
        final double[] r1 = w[j + 1];
        final double[] r2 = w[j + 2];
        final double t0 = tr[j];
        final double t1 = tr[j + 1];
        final double t2 = tr[j + 2];
        final double x0 = rd[j];
        final double x1 = rd[j + 1];
        final double x2 = rd[j + 2];
        if (j >= nLearn) {
            // no diagonal in the learning range (reservoir, soma-only: latent rows)
            DendriticKernels.updateAndAccumulate3(r0, r1, r2, coef, t0, t1, t2, x0, x1, x2, input, 0, nLearn);
        } else {
            final int i0 = j;
            final int i1 = j + 1;
            final int i2 = j + 2;
            final double c0 = coef[i0];
            final double c1 = coef[i1];
            final double c2 = coef[i2];
            // W_{i,row} for the block's columns i0..i2, rows in order; 0.0 on the diagonal
            final double w00 = r0[i0] + 0.0 * t0;
            final double w01 = r0[i1] + c1 * t0;
            final double w02 = r0[i2] + c2 * t0;
            final double w10 = r1[i0] + c0 * t1;
            final double w11 = r1[i1] + 0.0 * t1;
            final double w12 = r1[i2] + c2 * t1;
            final double w20 = r2[i0] + c0 * t2;
            final double w21 = r2[i1] + c1 * t2;
            final double w22 = r2[i2] + 0.0 * t2;
            final double s0 = ((input[i0] + w00 * x0) + w10 * x1) + w20 * x2;
            final double s1 = ((input[i1] + w01 * x0) + w11 * x1) + w21 * x2;
            final double s2 = ((input[i2] + w02 * x0) + w12 * x1) + w22 * x2;
            DendriticKernels.updateAndAccumulate3(r0, r1, r2, coef, t0, t1, t2, x0, x1, x2, input, 0, nLearn);
            r0[i0] = w00;
            r0[i1] = w01;
            r0[i2] = w02;
            r1[i0] = w10;
            r1[i1] = w11;
            r1[i2] = w12;
            r2[i0] = w20;
            r2[i1] = w21;
            r2[i2] = w22;
            input[i0] = s0;
            input[i1] = s1;
            input[i2] = s2;
        }
        DendriticKernels.accumulate3(r0, r1, r2, x0, x1, x2, input, nLearn, nDendrite);
    }

    /** Rows j and j+1; as {@link #rows3}, or with the sparse mask (which is 0 on the diagonal). */
    private void rows2(int j, double[] coef) {
        final NetworkState s = state;
        final double[][] w = s.weightRows;
        final double[] tr = s.trace;
        final double[] rd = s.delayedRate;
        final double[] input = s.dendriticInput;
        final double[][] synMask = synapseMask;
        final double[] r0 = w[j];
        final double[] r1 = w[j + 1];
        final double t0 = tr[j];
        final double t1 = tr[j + 1];
        final double x0 = rd[j];
        final double x1 = rd[j + 1];
        if (synMask != null) {
            DendriticKernels.maskedUpdateAndAccumulate2(r0, r1, synMask[j], synMask[j + 1], coef, t0, t1, x0, x1,
                    input, 0, nLearn);
        } else if (j >= nLearn) {
            DendriticKernels.updateAndAccumulate2(r0, r1, coef, t0, t1, x0, x1, input, 0, nLearn);
        } else {
            final int i0 = j;
            final int i1 = j + 1;
            final double c0 = coef[i0];
            final double c1 = coef[i1];
            final double w00 = r0[i0] + 0.0 * t0;
            final double w01 = r0[i1] + c1 * t0;
            final double w10 = r1[i0] + c0 * t1;
            final double w11 = r1[i1] + 0.0 * t1;
            final double s0 = (input[i0] + w00 * x0) + w10 * x1;
            final double s1 = (input[i1] + w01 * x0) + w11 * x1;
            DendriticKernels.updateAndAccumulate2(r0, r1, coef, t0, t1, x0, x1, input, 0, nLearn);
            r0[i0] = w00;
            r0[i1] = w01;
            r1[i0] = w10;
            r1[i1] = w11;
            input[i0] = s0;
            input[i1] = s1;
        }
        DendriticKernels.accumulate2(r0, r1, x0, x1, input, nLearn, nDendrite);
    }

    /** Row j alone. */
    private void rows1(int j, double[] coef) {
        final NetworkState s = state;
        final double[] row = s.weightRows[j];
        final double t0 = s.trace[j];
        final double x0 = s.delayedRate[j];
        final double[] input = s.dendriticInput;
        final double[][] synMask = synapseMask;
        if (synMask == null) {
            // with c_j = 0 for this row, W_jj stays exactly 0 and adds exactly 0 to s_j
            boolean diagonalLearns = j < nLearn;
            double cj = diagonalLearns ? coef[j] : 0.0;
            if (diagonalLearns) {
                coef[j] = 0.0;
            }
            DendriticKernels.updateAndAccumulate(row, coef, t0, x0, input, 0, nLearn);
            if (diagonalLearns) {
                coef[j] = cj;
            }
        } else {
            DendriticKernels.maskedUpdateAndAccumulate(row, synMask[j], coef, t0, x0, input, 0, nLearn);
        }
        DendriticKernels.accumulate(row, x0, input, nLearn, nDendrite);
    }
}
