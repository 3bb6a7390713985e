package org.elisesweep.model;

import java.util.Arrays;

/**
 * The step loop of one network (docs/model.md §3): runs cycles of Euler steps, each step's
 * neuron passes here and its pass over W in {@link FusedPlasticityPass}, with the noise of §8 that
 * acts in the cycle's phase. Holds the per-step scratch, the learning coefficients of the step
 * just run and the cycle's noise decisions. One per network, not thread-safe.
 *
 * <p>Noise is decided once per cycle, never per neuron ({@link #beginCycle}): a cycle without
 * noise runs exactly the noiseless loop, bit for bit and at its speed. Membrane noise is a
 * separate pass over the neurons after the Euler updates; a noisy teacher swaps in the cycle's
 * own conductance arrays.
 */
final class StepLoop {
    private static final double RUNAWAY_MV = Network.RUNAWAY_MV;

    private final ModelParams m;
    private final Teacher teacher;
    private final NetworkState state;
    private final NoiseParams noise;
    private final MembraneNoise membrane;
    /** This network's noisy-teacher scratch, null without teacher noise. */
    private final NoisyTeacher noisyTeacher;
    private final FusedPlasticityPass pass;
    // decided once per cycle (beginCycle): teacher conductances (null = teacher off), membrane noise on
    private double[] cycleExc;
    private double[] cycleInh;
    private boolean cycleSomaNoise;
    private boolean cycleDendriteNoise;
    private final int nVis;
    private final int n;
    /** Postsynaptic neurons that have a dendrite: 0…nDendrite−1. */
    private final int nDendrite;
    /** φ(E_l), the floor of the rates the scaffold sends. */
    private final double rest;
    // learning coefficients of the step just run (mV per step): η·(r_i − r*_i), for visible and latent presynaptic j
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

    /**
     * The loop over {@code state} (not copied: the loop mutates it) of a network with these
     * parameters, wiring, teacher and noise, whose W pass is {@code pass} and membrane noise
     * {@code membrane}.
     */
    StepLoop(ModelParams m, Wiring wiring, Teacher teacher, NetworkState state, NoiseParams noise,
             MembraneNoise membrane, FusedPlasticityPass pass) {
        this.m = m;
        this.teacher = teacher;
        this.state = state;
        this.noise = noise;
        this.membrane = membrane;
        this.noisyTeacher = noise.teacher().enabled() ? new NoisyTeacher(teacher, noise.teacher(), m.dt()) : null;
        this.pass = pass;
        this.nVis = wiring.visibleNeurons();
        this.n = wiring.neurons();
        this.nDendrite = m.mode().dendriteNeurons(nVis, n);
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

    /** Receives the state after each Euler step of a cycle (tests, recordings). */
    interface StepObserver {
        void afterStep(int bin, NetworkState state);
    }

    /**
     * The input of a new network's first step: the W pass with the learning coefficients still 0,
     * so it only sums (and sets r^d). Mutates r^d and s (W: each weight plus 0).
     */
    void firstInput() {
        pass.run(coefFromVisible, coefFromLatent);
    }

    /** This loop's noisy teacher (holding its last draw), or null without teacher noise. */
    NoisyTeacher noisyTeacher() {
        return noisyTeacher;
    }

    /**
     * Runs one cycle of TB Euler steps (docs/model.md §3, steps 1–9 each), mutating the state,
     * with the noise sources of §8 that act in {@code phase}, calling {@code observer} (if not
     * null) after every step.
     *
     * @param phase     the protocol phase of this cycle, for noise restricted to one phase
     * @param teacherOn whether the teacher nudges the visible somata (λ_on)
     * @param clamp     a clamp acting in this cycle, or null
     * @param held      the network indices of the neurons {@code clamp} holds, or null without clamp
     * @param record    receives the visible rates after steps 0, 2, 4, …, [neuron][sample], or null
     * @return -1, or the global step at which |u| or |v| became non-finite or exceeded
     *         {@link Network#RUNAWAY_MV}; the cycle stops there
     */
    long runCycle(Phase phase, boolean teacherOn, Clamp clamp, int[] held, double[][] record,
                  StepObserver observer) {
        beginCycle(phase, teacherOn);
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

    /**
     * Decides the noise of one cycle: the teacher's conductances (the precomputed clean ones, or
     * a fresh noisy target when teacher noise acts in {@code phase}, docs/model.md §8) and whether
     * the membrane-noise processes run. Mutates the cycle's decisions and, for a noisy target, the
     * noisy teacher and the teacher-noise streams.
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
        boolean membraneActs = noise.membrane().phase().covers(phase);
        cycleSomaNoise = membraneActs && membrane.hasSoma();
        cycleDendriteNoise = membraneActs && membrane.hasDendrite();
    }

    /**
     * One Euler step in bin b of the cycle; false if the state ran away.
     *
     * <p>Three passes over the neurons, each computing per neuron exactly the expressions of
     * docs/model.md §3 (no neuron's update reads another's new values of this step, so the
     * split changes no result): (1) scaffold conductances of the latents, in one flat loop over
     * the connections; (2) the Euler updates of u, v and r̄, for the latents as short element-wise
     * loops that C2 vectorises; (3) the rates φ(u), φ(v*), learning coefficients and the runaway
     * check: scalar ({@link Transfer#exp} does not vectorise), but a tight loop without the
     * scaffold's inner loop, so the CPU overlaps the φ evaluations of several neurons. Measured
     * with 13 + 50 neurons this is about 0.16 µs per step faster than one loop per population.
     * Between (2) and (3), membrane noise (when on this cycle) and then the clamp of the
     * {@code held} neurons (null: none) to {@code heldAt} mV; last the pass over W
     * ({@link FusedPlasticityPass#run}): plasticity of this step and the input of the next.
     * Mutates the state, the scratch and the learning coefficients.
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
            membrane.apply(u, v, cycleSomaNoise, cycleDendriteNoise);
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
        pass.run(coefFromVisible, coefFromLatent);
        return ok;
    }
}
