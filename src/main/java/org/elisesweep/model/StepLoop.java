package org.elisesweep.model;

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
 *
 * <p>{@link LockstepLoop} steps several networks together; it reads this loop's wiring and
 * cycle decisions (package-private fields) and must compute per network exactly what
 * {@link #step} computes.
 */
final class StepLoop {
    private static final double RUNAWAY_MV = Network.RUNAWAY_MV;

    final ModelParams m;
    /** The constants of a step, from {@code m}. */
    final StepConstants constants;
    final Teacher teacher;
    final NetworkState state;
    private final NoiseParams noise;
    final MembraneNoise membrane;
    /** This network's noisy-teacher scratch, null without teacher noise. */
    private final NoisyTeacher noisyTeacher;
    final FusedPlasticityPass pass;
    /** φ and the learning coefficients of a step, vectorised where the JVM can. */
    private final RateKernels rateKernels = RateKernels.create();
    // decided once per cycle (beginCycle): teacher conductances (null = teacher off), membrane noise on
    double[] cycleExc;
    double[] cycleInh;
    boolean cycleSomaNoise;
    boolean cycleDendriteNoise;
    final int nVis;
    final int n;
    /** Postsynaptic neurons that have a dendrite: 0…nDendrite−1. */
    final int nDendrite;
    // learning coefficients of the step just run (mV per step): η·(r_i − r*_i), for visible and latent presynaptic j
    private final double[] coefFromVisible;
    private final double[] coefFromLatent;
    // scratch of one step: v* (old v), latent scaffold conductances g^E and g^I
    private final double[] vStarScratch;
    private final double[] gExcScratch;
    private final double[] gInhScratch;
    // the scaffold's connections k, grouped by target in ascending order: target latent, source,
    // the source's delays D_E and D_I (steps)
    final int[] scaffoldTarget;
    final int[] scaffoldSource;
    final int[] scaffoldDelayE;
    final int[] scaffoldDelayI;

    /**
     * The loop over {@code state} (not copied: the loop mutates it) of a network with these
     * parameters, wiring, teacher and noise, whose W pass is {@code pass} and membrane noise
     * {@code membrane}.
     */
    StepLoop(ModelParams m, Wiring wiring, Teacher teacher, NetworkState state, NoiseParams noise,
             MembraneNoise membrane, FusedPlasticityPass pass) {
        this.m = m;
        this.constants = StepConstants.of(m);
        this.teacher = teacher;
        this.state = state;
        this.noise = noise;
        this.membrane = membrane;
        this.noisyTeacher = noise.teacher().enabled() ? new NoisyTeacher(teacher, noise.teacher(), m.dt()) : null;
        this.pass = pass;
        this.nVis = wiring.visibleNeurons();
        this.n = wiring.neurons();
        this.nDendrite = m.mode().dendriteNeurons(nVis, n);
        this.coefFromVisible = new double[n];
        this.coefFromLatent = new double[n];
        this.vStarScratch = new double[n];
        this.gExcScratch = new double[n];
        this.gInhScratch = new double[n];
        // the scaffold as one flat list of connections, grouped by target in ascending order and in
        // the scaffold's order within a target
        Scaffold scaffold = wiring.scaffold();
        int[] start = scaffold.sourceStartArray();
        int[] src = scaffold.sourceArray();
        int connections = start[n] - start[nVis];
        this.scaffoldTarget = new int[connections];
        this.scaffoldSource = new int[connections];
        this.scaffoldDelayE = new int[connections];
        this.scaffoldDelayI = new int[connections];
        int k = 0;
        for (int i = nVis; i < n; i++) {
            for (int q = start[i]; q < start[i + 1]; q++) {
                scaffoldTarget[k] = i;
                scaffoldSource[k] = src[q];
                scaffoldDelayE[k] = wiring.scaffoldDelay(src[q]);
                scaffoldDelayI[k] = scaffoldDelayE[k] + (int) constants.inhExtra();
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
    void beginCycle(Phase phase, boolean teacherOn) {
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
     * loops that C2 vectorises; (3) the rates φ(u), φ(v*) and learning coefficients
     * ({@link RateKernels}, a vector of neurons at a time with the Vector API), then the runaway
     * check. Measured with 13 + 50 neurons the three passes were about 0.16 µs per step faster
     * than one loop per population.
     * Between (2) and (3), membrane noise (when on this cycle) and then the clamp of the
     * {@code held} neurons (null: none) to {@code heldAt} mV; last the pass over W
     * ({@link FusedPlasticityPass#run}): plasticity of this step and the input of the next.
     * The element-wise passes are {@link NeuronPasses}, shared with {@link LockstepLoop} so that
     * both compute every element alike. Mutates the state, the scratch and the learning coefficients.
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
        final StepConstants c = constants;

        // (1) latent neurons: scaffold conductances from the delay lines (§3 step 2)
        NeuronPasses.scaffold(c, hist, scaffoldTarget, scaffoldSource, scaffoldDelayE, scaffoldDelayI, t, mask, n, gE, gI, 1,
                0);

        // (2) Euler updates (§3 steps 3–6). Visible: teacher conductances (§3 step 2, §5), of this cycle
        NeuronPasses.visibleEuler(c, u, v, vStar, input, cycleExc, cycleInh, b * nVis, nVis, 1, 0);
        NeuronPasses.latentEuler(c, nDendrite == n, u, v, vStar, gE, gI, input, nVis, n);
        NeuronPasses.traces(c, trace, rd, 0, n);
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
        rateKernels.rates(c, true, m.etaVis(), u, vStar, rate, coefFromVisible, coefFromLatent, 0, nVis);
        rateKernels.rates(c, nDendrite == n, m.etaLat(), u, vStar, rate, coefFromVisible, coefFromLatent, nVis, n);
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            ok &= Math.abs(u[i]) < RUNAWAY_MV & (i >= nDendrite || Math.abs(v[i]) < RUNAWAY_MV);
        }

        // push this step's rates into the delay lines (§3 steps 7 and 9)
        NetworkState.push(hist, mask, t, rate, 0, 1, n);
        s.step = t + 1;
        pass.run(coefFromVisible, coefFromLatent);
        return ok;
    }
}
