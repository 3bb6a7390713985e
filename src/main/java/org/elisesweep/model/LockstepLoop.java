package org.elisesweep.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cycle of B networks stepped together (issue 13, "lock-step"): docs/model.md §3 steps 1–9
 * for every network, with their state laid out as a structure of arrays, network index innermost
 * ({@code x[i·B + b]} is network b's value for neuron i; W by presynaptic rows
 * {@code w[j][i·B + b]}), so that the per-neuron updates run as one flat loop over all networks
 * (the visible ones too when every network's teacher is on, or every one off), φ a vector at a
 * time ({@link RateKernels}), the runaway check and the pass over W (three rows at a time, as
 * {@link FusedPlasticityPass}) across the networks ({@link LaneKernels}).
 *
 * <p>Networks of one wiring (the same scaffold and delays: the common random numbers of a sweep
 * give them to every point of a replicate) share one rate history for the cycle, network index
 * innermost too, so that the scaffold conductances, the delayed rates and the push of the rates
 * are also vectors across the networks ({@link LaneKernels#scaffold},
 * {@link LaneKernels#delayedRates}). Networks of different wirings keep their own histories, read
 * one network at a time: measured slower than the single loop (docs/performance.md).
 *
 * <p>Bit identity: every network's state after a cycle here equals, bit for bit, its state after
 * {@link StepLoop#runCycle} alone. Each element gets the same expressions as in
 * {@link StepLoop#step} (same operations, same order; s_i still sums j in ascending order;
 * nothing is summed across networks); what differs from network to network (learning rates,
 * teacher, noise, clamps, the step counter, and scaffold and delays unless shared) stays per
 * network and is computed by the same expressions (η·err as η·(1·err), which has its bits). A
 * network that runs away stops at the step it does alone, its state copied out at once; its
 * slots are then filled from a live network (in a shared history its lane goes on with the rates
 * so computed), so that the flat loops compute on finite values; they are never read again.
 * Networks whose step constants (but η), sizes, mode or synapse masks differ are stepped in
 * separate groups ({@link Shape}); a group of one, or of a size the kernels do not take, runs
 * {@link StepLoop} network by network.
 *
 * <p>The state is copied in before and out after the cycle. A shared history is copied out after
 * each cycle and in only when the group changed (in and out every cycle took about 6 % of a
 * cycle's time at 13 + 50 neurons); own histories are read and written in place. Not
 * thread-safe; its arrays are reused from cycle to cycle.
 */
final class LockstepLoop {
    private static final double RUNAWAY_MV = Network.RUNAWAY_MV;

    private final LaneKernels kernels;
    private final RateKernels rateKernels = RateKernels.create();
    // the structure of arrays of the current group, reused while its size fits
    private double[] u;
    private double[] v;
    private double[] trace;
    private double[] rate;
    private double[] rd;
    private double[] input;
    private double[] vStar;
    private double[] gE;
    private double[] gI;
    private double[] coefFromVisible;
    private double[] coefFromLatent;
    /** The teacher's conductances of one bin, network index innermost. */
    private double[] teacherExc;
    private double[] teacherInh;
    private double[][] w;
    private double[][] synMask;
    /**
     * Scratch of the pass over W: a row's diagonal coefficients while it runs, or what a three-row
     * block sets aside ({@link LaneKernels#updateAndAccumulate3Diagonal}).
     */
    private double[] diagonal;
    /**
     * The rate history of a group that shares its wiring, lanes innermost: slot g holds network
     * b's slot (g + {@link #origin}[b]) mod H, so that every network reads the same slot in the
     * same bin; null until such a group runs.
     */
    private double[] sharedHistory;
    /**
     * Each network's learning rates by element i·B + b: η_vis onto its visible targets and η_lat
     * onto its latents for synapses from visible neurons; η_lat for synapses from latents.
     */
    private double[] etaFromVisible;
    private double[] etaFromLatent;
    /** How many group cycles ran with a shared history, and how many kept it from the cycle before (tests). */
    int sharedCycles;
    int keptCycles;
    /**
     * Each network's step at the shared history's time 0, which aligns its history there: its
     * slot s is at slot (s − origin) mod H.
     */
    private long[] origin;
    /** The shared history's time of the cycle's first bin: 0 after a copy in, more when it was kept. */
    private long sharedTime;
    /**
     * The networks' states whose histories {@link #sharedHistory} holds as they were copied out,
     * and their steps then; null when it holds none. A group of the same states at those steps
     * (a history is written only by a step's push, which advances the step) keeps it: no copy in.
     */
    private NetworkState[] keptStates;
    private long[] keptSteps;

    LockstepLoop(LaneKernels kernels) {
        this.kernels = kernels;
    }

    /** One network's cycle: the arguments of {@link Network#runCycle} and, after {@link #run}, its result. */
    static final class Lane {
        final Network net;
        final Phase phase;
        final boolean teacherOn;
        final Clamp clamp;
        final double[][] record;
        /** -1, or the global step at which this network ran away (as {@link Network#runCycle} returns). */
        long diverged = -1;
        /** Whether {@link #run} stepped this cycle together with other networks, not alone. */
        boolean grouped;

        Lane(Network net, Phase phase, boolean teacherOn, Clamp clamp, double[][] record) {
            this.net = net;
            this.phase = phase;
            this.teacherOn = teacherOn;
            this.clamp = clamp;
            this.record = record;
        }
    }

    /**
     * What networks must share to be stepped in one group: sizes, cycle length, history length,
     * mode (through nLearn and nDendrite), whether W has a mask, and every constant of the step
     * but the learning rates (each network's own, applied element by element).
     */
    private record Shape(int n, int nVis, int nLearn, int nDendrite, int bins, int historyLength, boolean masked,
                         StepConstants constants) {
        static Shape of(StepLoop l) {
            return new Shape(l.n, l.nVis, l.pass.nLearn, l.nDendrite, l.teacher.cycleBins(), l.state.historyLength,
                    l.pass.synapses.mask() != null, l.constants.withUnitLearningRates());
        }
    }

    /**
     * Runs one cycle of every lane ({@link Network#runCycle} of each, with its arguments), grouping
     * the lanes by {@link Shape}; a group of one, or one the kernels do not take
     * ({@link LaneKernels#takes}: the vector ones only whole vectors, as when a group of 8 lost a
     * member), runs its networks one by one. Mutates the lanes' networks and sets their
     * {@link Lane#diverged}.
     */
    void run(List<Lane> lanes) {
        Map<Shape, List<Lane>> groups = new LinkedHashMap<>();
        for (Lane l : lanes) {
            groups.computeIfAbsent(Shape.of(l.net.loop()), k -> new ArrayList<>()).add(l);
        }
        for (Map.Entry<Shape, List<Lane>> g : groups.entrySet()) {
            List<Lane> group = g.getValue();
            boolean together = group.size() > 1 && kernels.takes(group.size());
            for (Lane l : group) {
                l.grouped = together;
            }
            if (together) {
                runGroup(g.getKey(), group);
            } else {
                for (Lane l : group) {
                    l.diverged = l.net.runCycle(l.phase, l.teacherOn, l.clamp, l.record);
                }
            }
        }
    }

    private void allocate(int size, int n, boolean masked) {
        if (u == null || u.length != size || w.length != n) {
            u = new double[size];
            v = new double[size];
            trace = new double[size];
            rate = new double[size];
            rd = new double[size];
            input = new double[size];
            vStar = new double[size];
            gE = new double[size];
            gI = new double[size];
            coefFromVisible = new double[size];
            coefFromLatent = new double[size];
            teacherExc = new double[size];
            teacherInh = new double[size];
            w = new double[n][size];
            synMask = null;
            diagonal = new double[6 * (size / n)];
            etaFromVisible = new double[size];
            etaFromLatent = new double[size];
        }
        if (masked && synMask == null) {
            synMask = new double[n][size];
        }
    }

    private void runGroup(Shape sh, List<Lane> group) {
        final int lanes = group.size();
        final int n = sh.n;
        allocate(n * lanes, n, sh.masked);
        StepLoop[] loops = new StepLoop[lanes];
        Clamp[] clamps = new Clamp[lanes];
        int[][] held = new int[lanes][];
        double[] heldAt = new double[lanes];
        boolean[] alive = new boolean[lanes];
        for (int b = 0; b < lanes; b++) {
            Lane l = group.get(b);
            loops[b] = l.net.loop();
            clamps[b] = l.clamp;
            held[b] = l.clamp == null ? null : l.net.clampedNeurons(l.clamp);
            heldAt[b] = l.clamp == null ? 0.0 : sh.constants.eL() + l.clamp.offsetMv();
            alive[b] = true;
            copyIn(loops[b], b, lanes, sh.masked);
            StepConstants own = loops[b].constants;
            for (int i = 0; i < n; i++) {
                etaFromVisible[i * lanes + b] = i < sh.nVis ? own.etaVis() : own.etaLat();
                etaFromLatent[i * lanes + b] = own.etaLat();
            }
            loops[b].beginCycle(l.phase, l.teacherOn);
        }
        final boolean shared = sharesWiring(loops);
        if (shared) {
            shareHistories(loops, sh.historyLength * n * lanes, alive);
        }
        // coefficients of latents without a dendrite are never written (soma-only) and never read;
        // conductances of latents without scaffold input stay 0, as in StepLoop's scratch
        Arrays.fill(coefFromVisible, 0.0);
        Arrays.fill(coefFromLatent, 0.0);
        Arrays.fill(gE, 0.0);
        Arrays.fill(gI, 0.0);
        boolean[] ok = new boolean[lanes];
        int living = lanes;
        for (int bin = 0; bin < sh.bins && living > 0; bin++) {
            step(sh, loops, alive, bin, clamps, held, heldAt, ok, shared);
            for (int b = 0; b < lanes; b++) {
                if (!alive[b]) {
                    continue;
                }
                Lane l = group.get(b);
                if (!ok[b]) {
                    l.diverged = loops[b].state.step - 1;
                    copyOut(loops[b], b, lanes);
                    if (shared) {
                        boolean[] only = new boolean[lanes];
                        only[b] = true;
                        copyHistories(loops, only, false);
                    }
                    alive[b] = false;
                    living--;
                    if (living > 0) {
                        refill(alive, b, lanes, n);
                    }
                } else if (l.record != null && (bin & 1) == 0) {
                    for (int i = 0; i < sh.nVis; i++) {
                        l.record[i][bin >> 1] = rate[i * lanes + b];
                    }
                }
            }
        }
        for (int b = 0; b < lanes; b++) {
            if (alive[b]) {
                copyOut(loops[b], b, lanes);
            }
        }
        if (shared) {
            copyHistories(loops, alive, false);
            if (living == lanes) {
                keptStates = new NetworkState[lanes];
                keptSteps = new long[lanes];
                for (int b = 0; b < lanes; b++) {
                    keptStates[b] = loops[b].state;
                    keptSteps[b] = loops[b].state.step;
                }
            }
        }
    }

    /**
     * Makes {@link #sharedHistory} ({@code size} doubles) hold the networks' histories for this
     * cycle: kept as it is when it holds them already ({@link #keeps}), else copied in, aligned
     * to each network's step now. Sets {@link #origin} and {@link #sharedTime}.
     */
    private void shareHistories(StepLoop[] loops, int size, boolean[] all) {
        if (sharedHistory == null || sharedHistory.length != size) {
            sharedHistory = new double[size];
            keptStates = null;
        }
        sharedCycles++;
        if (keeps(loops)) {
            keptCycles++;
        } else {
            origin = new long[loops.length];
            for (int b = 0; b < loops.length; b++) {
                origin[b] = loops[b].state.step;
            }
            copyHistories(loops, all, true);
        }
        sharedTime = loops[0].state.step - origin[0];
        keptStates = null;
    }

    /**
     * Whether {@link #sharedHistory} holds the histories of exactly these networks, in these
     * lanes, unchanged since they were copied out (each network's state the same object at the
     * same step), so that the cycle can go on with it.
     */
    private boolean keeps(StepLoop[] loops) {
        if (keptStates == null || keptStates.length != loops.length) {
            return false;
        }
        for (int b = 0; b < loops.length; b++) {
            NetworkState s = loops[b].state;
            if (s != keptStates[b] || s.step != keptSteps[b]) {
                return false;
            }
        }
        return true;
    }

    /** Network b's state into slot b of the structure of arrays. */
    private void copyIn(StepLoop l, int b, int lanes, boolean masked) {
        NetworkState s = l.state;
        int n = l.n;
        for (int i = 0; i < n; i++) {
            int k = i * lanes + b;
            u[k] = s.u[i];
            v[k] = s.v[i];
            trace[k] = s.trace[i];
            rate[k] = s.rate[i];
            rd[k] = s.delayedRate[i];
            input[k] = s.dendriticInput[i];
        }
        double[][] mask = l.pass.synapses.mask();
        for (int j = 0; j < n; j++) {
            double[] row = s.weightRows[j];
            double[] out = w[j];
            for (int i = 0; i < n; i++) {
                out[i * lanes + b] = row[i];
            }
            if (masked) {
                double[] m = mask[j];
                double[] mo = synMask[j];
                for (int i = 0; i < n; i++) {
                    mo[i * lanes + b] = m[i];
                }
            }
        }
    }

    /**
     * Whether every network of the group has the same wiring as the first: scaffold connections,
     * scaffold and dendritic delays (the common random numbers of a sweep give them to every
     * point of a replicate that changes no wiring parameter). Such a group shares one rate
     * history, read as vectors across the networks.
     */
    private static boolean sharesWiring(StepLoop[] loops) {
        StepLoop first = loops[0];
        for (StepLoop o : loops) {
            if (!Arrays.equals(o.scaffoldTarget, first.scaffoldTarget)
                    || !Arrays.equals(o.scaffoldSource, first.scaffoldSource)
                    || !Arrays.equals(o.scaffoldDelayE, first.scaffoldDelayE)
                    || !Arrays.equals(o.scaffoldDelayI, first.scaffoldDelayI)
                    || !Arrays.equals(o.pass.dendriticDelay, first.pass.dendriticDelay)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rate histories of the networks b with {@code which[b]} into ({@code in}) or out of
     * their lanes of {@link #sharedHistory}, network b's slot s at slot (s − its {@link #origin})
     * mod H there. One pass over the slots, each slot's networks one after the other while the
     * slot is in L1: the whole history lane by lane took 5 to 10 % of a cycle. (Per slot with the
     * network index innermost and a test per element, as before session I: 13.1–14.6 µs per group
     * step of LockstepBenchmark at 13 + 50, B = 8, against 12.5–13.9 now, within the noise.)
     */
    private void copyHistories(StepLoop[] loops, boolean[] which, boolean in) {
        final int lanes = loops.length;
        final int n = loops[0].n;
        final int mask = loops[0].state.historyLength - 1;
        final double[] group = sharedHistory;
        final double[][] own = new double[lanes][];
        for (int b = 0; b < lanes; b++) {
            own[b] = loops[b].state.history;
        }
        for (int g = 0; g <= mask; g++) {
            // slot g of the shared history (n·lanes doubles, 4 kB at 13 + 50 and B = 8) stays in L1
            // while each network's n values go in or out, one network after the other
            final int slot = g * n * lanes;
            for (int b = 0; b < lanes; b++) {
                if (!which[b]) {
                    continue;
                }
                final double[] mine = own[b];
                final int at = (int) ((g + origin[b]) & mask) * n;
                if (in) {
                    for (int i = 0; i < n; i++) {
                        group[slot + i * lanes + b] = mine[at + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        mine[at + i] = group[slot + i * lanes + b];
                    }
                }
            }
        }
    }

    /** Slot b of the structure of arrays back into network b's state (its history: {@link #copyHistories}). */
    private void copyOut(StepLoop l, int b, int lanes) {
        NetworkState s = l.state;
        int n = l.n;
        for (int i = 0; i < n; i++) {
            int k = i * lanes + b;
            s.u[i] = u[k];
            s.v[i] = v[k];
            s.trace[i] = trace[k];
            s.rate[i] = rate[k];
            s.delayedRate[i] = rd[k];
            s.dendriticInput[i] = input[k];
        }
        for (int j = 0; j < n; j++) {
            double[] row = s.weightRows[j];
            double[] in = w[j];
            for (int i = 0; i < n; i++) {
                row[i] = in[i * lanes + b];
            }
        }
    }

    /** Fills the slot of stopped network b from a live one, so that the flat loops go on computing on finite values. */
    private void refill(boolean[] alive, int b, int lanes, int n) {
        int from = 0;
        while (!alive[from]) {
            from++;
        }
        for (double[] a : new double[][] {u, v, trace, rate, rd, input}) {
            for (int i = 0; i < n; i++) {
                a[i * lanes + b] = a[i * lanes + from];
            }
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                w[j][i * lanes + b] = w[j][i * lanes + from];
            }
        }
    }

    /**
     * One Euler step of every live network, in bin {@code bin} of the cycle: the three neuron
     * passes of {@link StepLoop#step}, element by element the same expressions, then the pass
     * over W. Sets {@code ok[b]} false for a network that ran away. Mutates the structure of
     * arrays, the networks' histories, step counters and noise.
     */
    private void step(Shape sh, StepLoop[] loops, boolean[] alive, int bin, Clamp[] clamps, int[][] held,
                      double[] heldAt, boolean[] ok, boolean shared) {
        final int lanes = loops.length;
        final int n = sh.n;
        final int nVis = sh.nVis;
        final int nDendrite = sh.nDendrite;
        final int mask = sh.historyLength - 1;
        final StepConstants c = sh.constants;
        final double[] u = this.u;
        final double[] v = this.v;
        final double[] trace = this.trace;
        final double[] rate = this.rate;
        final double[] rd = this.rd;
        final double[] input = this.input;
        final double[] vStar = this.vStar;
        final double[] gE = this.gE;
        final double[] gI = this.gI;
        final int visEnd = nVis * lanes;
        final int end = n * lanes;

        // the shared history's slot of this bin: each network's step t is at origin + sharedTime + bin
        final int tau = (int) ((sharedTime + bin) & mask);

        // (1) scaffold conductances (§3 step 2): across the networks from a shared history, else per
        // network from its own
        if (shared) {
            StepLoop l = loops[0];
            kernels.scaffold(c, sharedHistory, l.scaffoldTarget, l.scaffoldSource, l.scaffoldDelayE, l.scaffoldDelayI,
                    tau, mask, n, gE, gI, lanes);
        } else {
            for (int b = 0; b < lanes; b++) {
                if (alive[b]) {
                    StepLoop l = loops[b];
                    NeuronPasses.scaffold(c, l.state.history, l.scaffoldTarget, l.scaffoldSource, l.scaffoldDelayE,
                            l.scaffoldDelayI, l.state.step, mask, n, gE, gI, lanes, b);
                }
            }
        }

        // (2) Euler updates (§3 steps 3–6); visible with each network's teacher of this cycle: one flat
        // loop over every network's visible neurons when all have the teacher on (its conductances of
        // this bin gathered network index innermost) or all off, else network by network
        int teachers = 0;
        for (StepLoop l : loops) {
            teachers += l.cycleExc != null ? 1 : 0;
        }
        if (teachers == lanes) {
            for (int b = 0; b < lanes; b++) {
                StepLoop l = loops[b];
                for (int i = 0; i < nVis; i++) {
                    teacherExc[i * lanes + b] = l.cycleExc[bin * nVis + i];
                    teacherInh[i * lanes + b] = l.cycleInh[bin * nVis + i];
                }
            }
            NeuronPasses.visibleEuler(c, u, v, vStar, input, teacherExc, teacherInh, 0, visEnd, 1, 0);
        } else if (teachers == 0) {
            NeuronPasses.visibleEuler(c, u, v, vStar, input, null, null, 0, visEnd, 1, 0);
        } else {
            for (int b = 0; b < lanes; b++) {
                StepLoop l = loops[b];
                NeuronPasses.visibleEuler(c, u, v, vStar, input, l.cycleExc, l.cycleInh, bin * nVis, nVis, lanes, b);
            }
        }
        // latents: flat loops over every network's latents, which C2 vectorises
        NeuronPasses.latentEuler(c, nDendrite == n, u, v, vStar, gE, gI, input, visEnd, end);
        NeuronPasses.traces(c, trace, rd, 0, end);
        // membrane noise and clamps, per network (its own streams and held neurons)
        for (int b = 0; b < lanes; b++) {
            StepLoop l = loops[b];
            if (!alive[b]) {
                continue;
            }
            if (l.cycleSomaNoise | l.cycleDendriteNoise) {
                NetworkState s = l.state;
                for (int i = 0; i < n; i++) {
                    s.u[i] = u[i * lanes + b];
                    s.v[i] = v[i * lanes + b];
                }
                l.membrane.apply(s.u, s.v, l.cycleSomaNoise, l.cycleDendriteNoise);
                for (int i = 0; i < n; i++) {
                    u[i * lanes + b] = s.u[i];
                    v[i * lanes + b] = s.v[i];
                }
            }
        }
        for (int b = 0; b < lanes; b++) {
            // a clamped soma skips its Euler update (§6), noise included
            if (alive[b] && held[b] != null && bin >= clamps[b].fromBin() && bin < clamps[b].toBin()) {
                for (int i : held[b]) {
                    u[i * lanes + b] = heldAt[b];
                }
            }
        }

        // (3) rates and learning coefficients (§3 steps 7–8): err = r − φ(v*) with unit rates (c's
        // η are 1), then each network's own η·err
        rateKernels.rates(c, true, 1.0, u, vStar, rate, coefFromVisible, coefFromLatent, 0, visEnd);
        rateKernels.rates(c, nDendrite == n, 1.0, u, vStar, rate, coefFromVisible, coefFromLatent, visEnd, end);
        final int learning = (nDendrite == n ? n : nVis) * lanes;
        for (int k = 0; k < learning; k++) {
            coefFromVisible[k] = etaFromVisible[k] * coefFromVisible[k];
            coefFromLatent[k] = etaFromLatent[k] * coefFromLatent[k];
        }
        // runaway check, per network
        kernels.withinLimit(u, v, n, nDendrite, RUNAWAY_MV, ok, lanes);

        // push the rates into each network's history (§3 steps 7 and 9), then its delayed rates; a
        // shared history takes every network's rates in one copy (at tau, so the delayed rates of
        // t + 1, r(t + 2 − D), are at tau + 2 − D)
        if (shared) {
            System.arraycopy(rate, 0, sharedHistory, tau * end, end);
            kernels.delayedRates(sharedHistory, loops[0].pass.dendriticDelay, tau + 2, mask, n, rd, lanes);
        }
        for (int b = 0; b < lanes; b++) {
            if (!alive[b]) {
                continue;
            }
            StepLoop l = loops[b];
            NetworkState s = l.state;
            final long t = s.step;
            s.step = t + 1;
            if (!shared) {
                NetworkState.push(s.history, mask, t, rate, b, lanes, n);
                NetworkState.delayedRates(s.history, mask, t + 1, l.pass.dendriticDelay, rd, b, lanes, n);
            }
        }
        weightPass(sh, lanes);
    }

    /**
     * The pass over W of {@link FusedPlasticityPass#run} for every network: plasticity of this
     * step, then s of the next, rows from visible neurons with {@code coefFromVisible}, from
     * latents with {@code coefFromLatent}, every s_i summed over j in ascending order. Mutates W
     * and s.
     */
    private void weightPass(Shape sh, int lanes) {
        Arrays.fill(input, 0, sh.nDendrite * lanes, 0.0);
        rowsPass(sh, 0, sh.nVis, coefFromVisible, lanes);
        rowsPass(sh, sh.nVis, sh.n, coefFromLatent, lanes);
    }

    /**
     * Presynaptic rows [from, to), which all use coefficients {@code c}: three at a time
     * ({@link LaneKernels#updateAndAccumulate3}), then one by one; a block never straddles nLearn,
     * as in {@link FusedPlasticityPass}. An all-to-all block whose diagonals learn takes
     * {@link LaneKernels#updateAndAccumulate3Diagonal}, which gives each row's own diagonal
     * coefficient 0: every s_i still receives rows j, j+1, j+2 in that order, and every W_ij the
     * same update. Mutates W and s.
     */
    private void rowsPass(Shape sh, int from, int to, double[] c, int lanes) {
        final int nLearn = sh.nLearn;
        final double[][] m = sh.masked ? synMask : null;
        int j = from;
        for (; j + 3 <= to && (j >= nLearn || j + 3 <= nLearn); j += 3) {
            if (m == null && j < nLearn) {
                kernels.updateAndAccumulate3Diagonal(w, c, trace, rd, j, input, nLearn, lanes, diagonal);
            } else {
                kernels.updateAndAccumulate3(w, m, c, trace, rd, j, input, 0, nLearn, lanes);
            }
            kernels.accumulate3(w, rd, j, input, nLearn, sh.nDendrite, lanes);
        }
        for (; j < to; j++) {
            row(sh, j, c, lanes);
            kernels.accumulate(w[j], rd, j, input, nLearn, sh.nDendrite, lanes);
        }
    }

    /**
     * Row j's plasticity and input over the learning postsynaptic neurons [0, nLearn): an
     * all-to-all row whose diagonal learns runs with its own diagonal coefficient 0
     * ({@link LaneKernels#updateAndAccumulateWithoutDiagonal}). Mutates W and s; {@code c} is
     * restored.
     */
    private void row(Shape sh, int j, double[] c, int lanes) {
        final int to = sh.nLearn;
        if (sh.masked) {
            kernels.maskedUpdateAndAccumulate(w[j], synMask[j], c, trace, rd, j, input, 0, to, lanes);
        } else if (j < to) {
            kernels.updateAndAccumulateWithoutDiagonal(w[j], c, trace, rd, j, input, to, lanes, diagonal);
        } else {
            kernels.updateAndAccumulate(w[j], c, trace, rd, j, input, 0, to, lanes);
        }
    }
}
