package org.elisesweep.model;

/**
 * One ELiSe network: fixed parameters, wiring and teacher, and a mutable {@link NetworkState}
 * that the step loop advances (docs/model.md §3). Not thread-safe; one network per thread.
 *
 * <p>Neurons 0…N_vis−1 are visible, N_vis…N−1 latent. The parts: {@link NetworkFactory} builds
 * and restores networks; {@link StepLoop} runs the Euler steps, whose pass over W (plasticity of
 * step t fused with the dendritic input of step t+1) is {@link FusedPlasticityPass} over the row
 * kernels of {@link DendriticKernels}; {@link WeightDisturbance} applies weight noise and synapse
 * deletion between cycles; {@link LearningSynapses} knows which synapses exist and learn.
 *
 * <p>Floating-point order is fixed by the code, never by the machine (docs/model.md §9): every
 * vectorised loop is element-wise (no reduction), so C2's vector width changes no bit, and every
 * sum (s_i over j, g_i over scaffold sources) runs in a fixed sequential order. The speed-ups of
 * the step loop (row blocks in the W pass, separate neuron passes, the bit trick in
 * {@link Transfer#exp}) were each checked to leave a whole simulation bit-identical; the
 * benchmarks are in src/test/java/org/elisesweep/bench ({@code jobs/bench.sh}).
 *
 * <p>Noise (docs/model.md §8, {@link NoiseParams}) is decided once per cycle, never per neuron;
 * weight noise and synapse deletion act once, between cycles ({@link #perturbWeights}). Deleted
 * synapses are held at 0 by a per-network synapse mask, so all-to-all networks keep the unmasked
 * kernels until a synapse is deleted.
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
    private final LearningSynapses synapses;
    private final MembraneNoise membrane;
    private final FusedPlasticityPass pass;
    private final StepLoop loop;

    /**
     * The network over {@code state} (not copied) with the synapse mask {@code synapseMask} (by
     * presynaptic rows, null when all synapses exist; shared, never modified). Built by
     * {@link NetworkFactory} and {@link #copy}.
     */
    Network(ModelParams m, Wiring wiring, Teacher teacher, NetworkState state, NoiseParams noise,
            RandomStreams streams, double[][] synapseMask) {
        this.m = m;
        this.wiring = wiring;
        this.teacher = teacher;
        this.state = state;
        this.noise = noise;
        this.streams = streams;
        int n = wiring.neurons();
        int nDendrite = m.mode().dendriteNeurons(wiring.visibleNeurons(), n);
        this.synapses = new LearningSynapses(wiring, m.mode(), synapseMask);
        this.membrane = new MembraneNoise(noise.membrane(), m, state.noise, n, nDendrite);
        this.pass = new FusedPlasticityPass(state, synapses, nDendrite);
        this.loop = new StepLoop(m, wiring, teacher, state, noise, membrane, pass);
    }

    /**
     * A network without noise: {@link #create(ModelParams, Pattern, double, long, NoiseParams)}
     * with {@link NoiseParams#none()}.
     */
    public static Network create(ModelParams m, Pattern pattern, double stepMs, long seed) {
        return create(m, pattern, stepMs, seed, NoiseParams.none());
    }

    /**
     * A new network in the initial state of docs/model.md §3 ({@link NetworkFactory#create}).
     *
     * @throws InvalidParametersException when the teacher jitter does not fit the pattern step
     */
    public static Network create(ModelParams m, Pattern pattern, double stepMs, long seed, NoiseParams noise) {
        return NetworkFactory.create(m, pattern, stepMs, seed, noise);
    }

    /** Draws each enabled membrane-noise process from its stationary distribution (§8). Mutates η, η^d and their streams. */
    void startMembraneNoise() {
        membrane.start();
    }

    /** The dendritic input and delayed rates of a new network's first step ({@link StepLoop#firstInput}). */
    void computeFirstInput() {
        loop.firstInput();
    }

    /**
     * A network with the same parameters, wiring and deleted synapses and an independent copy of
     * this state, noise processes and stream positions included: run alike, both give the same bits.
     */
    public Network copy() {
        return new Network(m, wiring, teacher, state.copy(), noise, streams, synapses.mask());
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
     * the reservoir and soma-only modes; docs/model.md §1).
     */
    public boolean isLearningSynapse(int j, int i) {
        return synapses.isLearning(j, i);
    }

    /** The per-network synapse mask by presynaptic rows, or null when all synapses exist. Do not modify. */
    double[][] synapseMaskArray() {
        return synapses.mask();
    }

    /**
     * Weight noise and synapse deletion after training ({@link WeightDisturbance#apply}), then the
     * dendritic input s = W·r^d of the next step recomputed from the new W. Mutates W, s and the
     * mask of this network (copies made before keep theirs); a no-op when {@code !w.enabled()},
     * so all-to-all networks keep the unmasked kernels.
     */
    public void perturbWeights(NoiseParams.WeightNoise w) {
        if (!w.enabled()) {
            return;
        }
        WeightDisturbance.apply(w, state.weightRows, synapses, streams);
        pass.recomputeInput();
    }

    /** Samples recorded per cycle: the visible rates after steps 0, 2, 4, … (docs/model.md §6). */
    public int samplesPerCycle() {
        return teacher.cycleBins() / 2;
    }

    /** {@link #runCycle(Phase, boolean, Clamp, double[][])} in the training phase. */
    public long runCycle(boolean teacherOn, Clamp clamp, double[][] record) {
        return runCycle(Phase.TRAINING, teacherOn, clamp, record);
    }

    /**
     * Runs one cycle of TB Euler steps (docs/model.md §3, steps 1–9 each), mutating the state,
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
    long runCycle(Phase phase, boolean teacherOn, Clamp clamp, double[][] record, StepLoop.StepObserver observer) {
        int[] held = clamp == null ? null : clampedNeurons(clamp);
        return loop.runCycle(phase, teacherOn, clamp, held, record, observer);
    }

    /** This network's step loop, for {@link LockstepLoop}. */
    StepLoop loop() {
        return loop;
    }

    /** This network's noisy teacher (holding its last draw), or null without teacher noise. */
    NoisyTeacher noisyTeacher() {
        return loop.noisyTeacher();
    }

    /** The network indices of the neurons {@code clamp} holds in this network, ascending ({@link Clamp#neurons}). */
    public int[] clampedNeurons(Clamp clamp) {
        int nVis = wiring.visibleNeurons();
        return clamp.neurons(nVis, wiring.neurons() - nVis, streams);
    }
}
