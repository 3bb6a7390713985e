package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Lock-step batches (issue 13) give every network the bits it has alone: the full state after
 * every cycle and every metric, over modes × connectivity × noise × clamps, with networks that
 * diverge early, run out of time or finish after fewer cycles than the others.
 */
class LockstepTest {
    private static final NoiseParams NONE = NoiseParams.none();
    private static final NoiseParams MEMBRANE = new NoiseParams(
            new NoiseParams.MembraneNoise(1.0, 5.0, 0.5, 0.0, NoisePhase.BOTH), NONE.teacher(), NONE.weights());
    private static final NoiseParams TEACHER = new NoiseParams(NONE.membrane(),
            new NoiseParams.TeacherNoise(1.0, 5.0, 1.0, NoisePhase.BOTH), NONE.weights());
    private static final NoiseParams WEIGHTS = new NoiseParams(NONE.membrane(), NONE.teacher(),
            new NoiseParams.WeightNoise(0.05, WeightNoiseKind.ADDITIVE, 0.2));
    /** Weight noise without deletion: W changes, no synapse mask (which would make a group of its own). */
    private static final NoiseParams JITTERED = new NoiseParams(NONE.membrane(), NONE.teacher(),
            new NoiseParams.WeightNoise(0.05, WeightNoiseKind.ADDITIVE, 0.0));

    private static ModelParams model(Mode mode, Connectivity connectivity) {
        ModelParams.Builder b = ModelParams.defaults().toBuilder().nLat(15).mode(mode).connectivity(connectivity);
        return connectivity == Connectivity.SPARSE ? b.density(0.6).build() : b.build();
    }

    // --- the loop: states after every cycle -------------------------------------------------

    /** One cycle's arguments for network k in cycle c: teacher, clamps and phases differ between networks. */
    private static LockstepLoop.Lane lane(Network net, int k, int c, double[][] record) {
        boolean teacherOn = (k + c) % 3 != 0;
        Clamp clamp = switch ((k + c) % 4) {
            case 1 -> new Clamp("vis", c, 300, 1400, 0, 12, 15.0);
            case 2 -> new Clamp("lat", c, 0, 2500, Population.LATENT, 0, 14, 0.5, 0.0);
            default -> null;
        };
        return new LockstepLoop.Lane(net, (k & 1) == 0 ? Phase.TRAINING : Phase.REPLAY, teacherOn, clamp, record);
    }

    /** Returns how many group cycles the loop ran with a shared history. */
    private static int assertLoopMatchesAlone(List<Network> nets, int cycles, LaneKernels kernels) {
        List<Network> alone = nets.stream().map(Network::copy).toList();
        LockstepLoop loop = new LockstepLoop(kernels);
        int samples = nets.get(0).samplesPerCycle();
        boolean[] stopped = new boolean[nets.size()];
        for (int c = 0; c < cycles; c++) {
            List<LockstepLoop.Lane> lanes = new ArrayList<>();
            List<Integer> which = new ArrayList<>();
            for (int k = 0; k < nets.size(); k++) {
                if (!stopped[k]) {
                    lanes.add(lane(nets.get(k), k, c, new double[13][samples]));
                    which.add(k);
                }
            }
            loop.run(lanes);
            for (int q = 0; q < lanes.size(); q++) {
                int k = which.get(q);
                LockstepLoop.Lane l = lanes.get(q);
                LockstepLoop.Lane a = lane(alone.get(k), k, c, new double[13][samples]);
                long diverged = alone.get(k).runCycle(a.phase, a.teacherOn, a.clamp, a.record);
                String at = "network " + k + ", cycle " + c;
                assertEquals(diverged, l.diverged, at);
                assertTrue(alone.get(k).state().sameAs(nets.get(k).state()), at + ": state differs");
                assertTrue(Arrays.deepEquals(a.record, l.record), at + ": recording differs");
                stopped[k] = diverged >= 0;
            }
        }
        return loop.sharedCycles;
    }

    /** Networks of one shape with different seeds and noise; one has its synapses deleted (its own group). */
    private static List<Network> networks(Mode mode, Connectivity connectivity) {
        return networks(mode, connectivity, NONE, MEMBRANE, TEACHER, NONE, WEIGHTS);
    }

    private static List<Network> networks(Mode mode, Connectivity connectivity, NoiseParams... noise) {
        ModelParams m = model(mode, connectivity);
        List<Network> nets = new ArrayList<>();
        for (int k = 0; k < noise.length; k++) {
            Network net = Network.create(m, Pattern.fuerElise(), 10.0, 100 + k, noise[k]);
            net.perturbWeights(noise[k].weights());
            nets.add(net);
        }
        return nets;
    }

    @Test
    void everyNetworkOfABatchHasTheStateItHasAloneAfterEveryCycle() {
        for (Mode mode : Mode.values()) {
            for (Connectivity connectivity : Connectivity.values()) {
                assertEquals(0, assertLoopMatchesAlone(networks(mode, connectivity), 3, LaneKernels.best()),
                        "networks of different seeds have their own histories");
            }
        }
    }

    /**
     * {@code count} networks of one wiring (one seed, as the common random numbers of a sweep give
     * the points of a replicate): noise, teacher strength λ and learning rates differ, one has
     * its weights perturbed (without deletion, so all stay in one group), sparse masks differ in
     * density, and every other one is a cycle (2 500 steps, not a multiple of the
     * history's length) further on, so that their histories are at different slots.
     */
    private static List<Network> sharedWiring(Mode mode, Connectivity connectivity, int count) {
        ModelParams m = model(mode, connectivity);
        NoiseParams[] noise = {NONE, MEMBRANE, TEACHER, NONE, JITTERED, MEMBRANE, TEACHER, NONE};
        List<Network> nets = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            ModelParams.Builder b = m.toBuilder().lambda(0.5 + 0.05 * (k % 4)).etaVis(m.etaVis() * (1 + 0.5 * (k % 2)))
                    .etaLat(m.etaLat() * (1 + 0.25 * (k % 3)));
            // sparse: masks of different densities, the same delays and scaffold
            ModelParams mk = connectivity == Connectivity.SPARSE ? b.density(0.5 + 0.1 * (k % 3)).build() : b.build();
            NoiseParams nk = noise[k % noise.length];
            Network net = Network.create(mk, Pattern.fuerElise(), 10.0, 100, nk);
            net.perturbWeights(nk.weights());
            for (int c = 0; c < k % 2; c++) {
                net.runCycle(true, null, null);
            }
            nets.add(net);
        }
        return nets;
    }

    @Test
    void networksOfOneWiringShareOneHistoryAndHaveTheStatesTheyHaveAlone() {
        for (Mode mode : Mode.values()) {
            for (Connectivity connectivity : Connectivity.values()) {
                // 8: the vector kernels under C2; 5: run alone under C2, the plain loops under C1
                for (int count : new int[] {8, 5}) {
                    int shared = assertLoopMatchesAlone(sharedWiring(mode, connectivity, count), 3, LaneKernels.best());
                    assertEquals(LaneKernels.best().takes(count) ? 3 : 0, shared, mode + ", " + connectivity + ", "
                            + count + " networks: a shared history every cycle");
                }
            }
        }
        assertEquals(2, assertLoopMatchesAlone(sharedWiring(Mode.ELISE, Connectivity.ALL_TO_ALL, 8), 2,
                new LaneKernels.Scalar()));
    }

    @Test
    void aSharedHistoryKeptFromCycleToCycleIsCopiedAgainWhenAMemberRanAloneOrMoved() {
        List<Network> nets = sharedWiring(Mode.ELISE, Connectivity.ALL_TO_ALL, 8);
        List<Network> alone = nets.stream().map(Network::copy).toList();
        LockstepLoop loop = new LockstepLoop(LaneKernels.best());
        int samples = nets.get(0).samplesPerCycle();
        for (int c = 0; c < 4; c++) {
            if (c == 2) {
                // between group cycles network 3 runs a cycle on its own: its history moves on
                nets.get(3).runCycle(true, null, null);
                alone.get(3).runCycle(true, null, null);
            }
            // in cycle 3 the lanes are in reverse order
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < nets.size(); k++) {
                order.add(c == 3 ? nets.size() - 1 - k : k);
            }
            List<LockstepLoop.Lane> lanes = new ArrayList<>();
            for (int k : order) {
                lanes.add(lane(nets.get(k), k, c, new double[13][samples]));
            }
            loop.run(lanes);
            for (int q = 0; q < order.size(); q++) {
                int k = order.get(q);
                LockstepLoop.Lane a = lane(alone.get(k), k, c, new double[13][samples]);
                assertEquals(alone.get(k).runCycle(a.phase, a.teacherOn, a.clamp, a.record), lanes.get(q).diverged);
                assertTrue(alone.get(k).state().sameAs(nets.get(k).state()), "network " + k + ", cycle " + c);
                assertTrue(Arrays.deepEquals(a.record, lanes.get(q).record), "network " + k + ", cycle " + c);
            }
        }
        assertEquals(4, loop.sharedCycles);
        assertEquals(1, loop.keptCycles, "cycle 1 keeps the history of cycle 0; 2 and 3 copy it again");
    }

    @Test
    void aNetworkOfASharedHistoryThatRunsAwayLeavesItsHistoryAsItIsAlone() {
        ModelParams m = model(Mode.ELISE, Connectivity.ALL_TO_ALL);
        List<Network> nets = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            // the initial weights' SD changes no wiring
            nets.add(Network.create(k == 5 ? m.toBuilder().weightSd(400).build() : m, Pattern.fuerElise(), 10.0, 3));
        }
        // after the first cycle 7 networks are left: a group the vector kernels do not take runs alone
        assertEquals(LaneKernels.best().takes(7) ? 3 : 1, assertLoopMatchesAlone(nets, 3, LaneKernels.best()));
    }

    @Test
    void aGroupOfEightTakesTheVectorKernelsAndGivesTheSameStates() {
        // 8 networks of one shape: one vector of 8 lanes per neuron (VectorLaneKernels, under C2), where 5 above take
        // the scalar loops
        for (Connectivity connectivity : Connectivity.values()) {
            assertLoopMatchesAlone(networks(Mode.ELISE, connectivity, NONE, MEMBRANE, TEACHER, NONE, MEMBRANE, NONE,
                    TEACHER, NONE), 3, LaneKernels.best());
        }
        assertLoopMatchesAlone(networks(Mode.SOMA_ONLY, Connectivity.ALL_TO_ALL, NONE, MEMBRANE, TEACHER, NONE,
                MEMBRANE, NONE, TEACHER, NONE), 2, LaneKernels.best());
        // surefire starts every JVM with the module: the vector kernels in the C2 execution, plain loops under C1
        assertEquals(VectorModule.USABLE, LaneKernels.best() instanceof VectorLaneKernels);
    }

    @Test
    void theScalarKernelsGiveTheSameStates() {
        assertLoopMatchesAlone(networks(Mode.ELISE, Connectivity.ALL_TO_ALL), 2, new LaneKernels.Scalar());
    }

    @Test
    void aNetworkThatRunsAwayStopsWhereItStopsAloneAndTheOthersGoOn() {
        ModelParams m = model(Mode.ELISE, Connectivity.ALL_TO_ALL);
        // 4 networks: the scalar runaway check; 8: the vector one (VectorLaneKernels.withinLimit)
        for (int size : new int[] {4, 8}) {
            int wildAt = size - 3;
            List<Network> nets = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                nets.add(Network.create(k == wildAt ? m.toBuilder().weightSd(400).build() : m, Pattern.fuerElise(),
                        10.0, k));
            }
            // the wild network's huge weights drive its dendrites past RUNAWAY_MV within the first cycle
            Network wild = nets.get(wildAt).copy();
            long at = wild.runCycle(true, null, null);
            assertTrue(at >= 0 && at < 2500, "the wild network should run away in its first cycle, at " + at);
            assertLoopMatchesAlone(nets, 3, LaneKernels.best());
        }
    }

    // --- kernels against the plain one-network loops ----------------------------------------

    @Test
    void eachLaneKernelEqualsTheOneNetworkKernelOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (LaneKernels kernels : List.of(new LaneKernels.Scalar(), LaneKernels.best())) {
            for (int lanes : new int[] {1, 2, 3, 4, 8, 16}) {
                int n = 21;
                int size = n * lanes;
                double[] w = random(rnd, size);
                double[] mask = new double[size];
                for (int k = 0; k < size; k++) {
                    mask[k] = rnd.nextBoolean() ? 1.0 : 0.0;
                }
                double[] c = random(rnd, size);
                double[] trace = random(rnd, size);
                double[] x = random(rnd, size);
                double[] s = random(rnd, size);
                int j = 5;
                for (int kind = 0; kind < 3; kind++) {
                    double[] wl = w.clone();
                    double[] sl = s.clone();
                    switch (kind) {
                        case 0 -> kernels.updateAndAccumulate(wl, c, trace, x, j, sl, 2, 19, lanes);
                        case 1 -> kernels.maskedUpdateAndAccumulate(wl, mask, c, trace, x, j, sl, 2, 19, lanes);
                        default -> kernels.accumulate(wl, x, j, sl, 2, 19, lanes);
                    }
                    for (int b = 0; b < lanes; b++) {
                        double[] row = lane(w, b, lanes);
                        double[] in = lane(s, b, lanes);
                        double t = trace[j * lanes + b];
                        double xj = x[j * lanes + b];
                        switch (kind) {
                            case 0 -> DendriticKernels.updateAndAccumulate(row, lane(c, b, lanes), t, xj, in, 2, 19);
                            case 1 -> DendriticKernels.maskedUpdateAndAccumulate(row, lane(mask, b, lanes),
                                    lane(c, b, lanes), t, xj, in, 2, 19);
                            default -> DendriticKernels.accumulate(row, xj, in, 2, 19);
                        }
                        String what = kernels.getClass().getSimpleName() + " kind " + kind + ", B = " + lanes;
                        assertTrue(Arrays.equals(row, lane(wl, b, lanes)), what + ": W of lane " + b);
                        assertTrue(Arrays.equals(in, lane(sl, b, lanes)), what + ": s of lane " + b);
                    }
                }
            }
        }
    }

    @Test
    void theSharedHistoryKernelsEqualEachNetworksOwnPassesOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(11);
        StepConstants c = StepConstants.of(ModelParams.defaults());
        int n = 21;
        int mask = 63;
        // connections grouped by target in ascending order; some latents receive none
        List<int[]> connections = new ArrayList<>();
        for (int target = 5; target < n; target++) {
            int count = rnd.nextInt(4);
            for (int q = 0; q < count; q++) {
                connections.add(new int[] {target, rnd.nextInt(n), 1 + rnd.nextInt(40)});
            }
        }
        int[] target = connections.stream().mapToInt(k -> k[0]).toArray();
        int[] source = connections.stream().mapToInt(k -> k[1]).toArray();
        int[] delayE = connections.stream().mapToInt(k -> k[2]).toArray();
        int[] delayI = connections.stream().mapToInt(k -> k[2] + 17).toArray();
        int[] delays = rnd.ints(n, 1, 60).toArray();
        for (LaneKernels kernels : List.of(new LaneKernels.Scalar(), LaneKernels.best())) {
            for (int lanes : new int[] {1, 2, 3, 4, 8, 16}) {
                // rates below and above the floor φ(E_l) that max() applies
                double[] hist = new double[(mask + 1) * n * lanes];
                for (int k = 0; k < hist.length; k++) {
                    hist[k] = rnd.nextDouble(-0.2, 1.0);
                }
                double[] gE = random(rnd, n * lanes);
                double[] gI = random(rnd, n * lanes);
                double[] gEl = gE.clone();
                double[] gIl = gI.clone();
                int slot = 37;
                kernels.scaffold(c, hist, target, source, delayE, delayI, slot, mask, n, gEl, gIl, lanes);
                double[] rdl = new double[n * lanes];
                kernels.delayedRates(hist, delays, 41, mask, n, rdl, lanes);
                for (int b = 0; b < lanes; b++) {
                    double[] own = new double[(mask + 1) * n];
                    for (int k = 0; k < own.length; k++) {
                        own[k] = hist[k * lanes + b];
                    }
                    double[] e = lane(gE, b, lanes);
                    double[] inh = lane(gI, b, lanes);
                    NeuronPasses.scaffold(c, own, target, source, delayE, delayI, slot, mask, n, e, inh, 1, 0);
                    String what = kernels.getClass().getSimpleName() + " scaffold, B = " + lanes + ", lane " + b;
                    assertTrue(Arrays.equals(e, lane(gEl, b, lanes)), what + ": g^E");
                    assertTrue(Arrays.equals(inh, lane(gIl, b, lanes)), what + ": g^I");
                    // the delayed rates of step 40 (r(40 − D + 1)), each neuron at its own delay
                    double[] rd = new double[n];
                    NetworkState.delayedRates(own, mask, 40, delays, rd, 0, 1, n);
                    assertTrue(Arrays.equals(rd, lane(rdl, b, lanes)), what + ": delayed rates");
                }
            }
        }
    }

    @Test
    void eachThreeRowLaneKernelEqualsThreeOneNetworkRowsOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (LaneKernels kernels : List.of(new LaneKernels.Scalar(), LaneKernels.best())) {
            for (int lanes : new int[] {1, 2, 3, 4, 8, 16}) {
                int n = 21;
                int size = n * lanes;
                double[][] w = new double[n][];
                double[][] mask = new double[n][size];
                for (int j = 0; j < n; j++) {
                    w[j] = random(rnd, size);
                    for (int k = 0; k < size; k++) {
                        mask[j][k] = rnd.nextBoolean() ? 1.0 : 0.0;
                    }
                }
                double[] c = random(rnd, size);
                double[] trace = random(rnd, size);
                double[] x = random(rnd, size);
                double[] s = random(rnd, size);
                int j = 7;
                for (int kind = 0; kind < 3; kind++) {
                    double[][] wl = new double[n][];
                    for (int r = 0; r < n; r++) {
                        wl[r] = w[r].clone();
                    }
                    double[] sl = s.clone();
                    switch (kind) {
                        case 0 -> kernels.updateAndAccumulate3(wl, null, c, trace, x, j, sl, 1, 20, lanes);
                        case 1 -> kernels.updateAndAccumulate3(wl, mask, c, trace, x, j, sl, 1, 20, lanes);
                        default -> kernels.accumulate3(wl, x, j, sl, 1, 20, lanes);
                    }
                    for (int b = 0; b < lanes; b++) {
                        double[] in = lane(s, b, lanes);
                        String what = kernels.getClass().getSimpleName() + " three rows, kind " + kind + ", B = "
                                + lanes;
                        for (int r = j; r < j + 3; r++) {
                            double[] row = lane(w[r], b, lanes);
                            double t = trace[r * lanes + b];
                            double xr = x[r * lanes + b];
                            switch (kind) {
                                case 0 -> DendriticKernels.updateAndAccumulate(row, lane(c, b, lanes), t, xr, in, 1, 20);
                                case 1 -> DendriticKernels.maskedUpdateAndAccumulate(row, lane(mask[r], b, lanes),
                                        lane(c, b, lanes), t, xr, in, 1, 20);
                                default -> DendriticKernels.accumulate(row, xr, in, 1, 20);
                            }
                            assertTrue(Arrays.equals(row, lane(wl[r], b, lanes)), what + ": row " + r + ", lane " + b);
                        }
                        assertTrue(Arrays.equals(in, lane(sl, b, lanes)), what + ": s of lane " + b);
                    }
                }
            }
        }
    }

    @Test
    void theThreeRowKernelWhoseDiagonalsLearnEqualsThreeOneNetworkRowsEachWithoutItsDiagonal() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (LaneKernels kernels : List.of(new LaneKernels.Scalar(), LaneKernels.best())) {
            for (int lanes : new int[] {1, 2, 3, 4, 8, 16}) {
                int n = 21;
                int size = n * lanes;
                // blocks at the start, in the middle and at the end of the learning range [0, 20)
                for (int j : new int[] {0, 7, 17}) {
                    double[][] w = new double[n][];
                    for (int r = 0; r < n; r++) {
                        w[r] = random(rnd, size);
                    }
                    double[] c = random(rnd, size);
                    double[] trace = random(rnd, size);
                    double[] x = random(rnd, size);
                    double[] s = random(rnd, size);
                    double[][] wl = new double[n][];
                    for (int r = 0; r < n; r++) {
                        wl[r] = w[r].clone();
                    }
                    double[] cl = c.clone();
                    double[] sl = s.clone();
                    kernels.updateAndAccumulate3Diagonal(wl, cl, trace, x, j, sl, 20, lanes, new double[6 * lanes]);
                    String what = kernels.getClass().getSimpleName() + " three rows with diagonals, j = " + j
                            + ", B = " + lanes;
                    assertTrue(Arrays.equals(c, cl), what + ": c restored");
                    for (int b = 0; b < lanes; b++) {
                        double[] in = lane(s, b, lanes);
                        for (int r = j; r < j + 3; r++) {
                            // the one-network pass of row r: its own diagonal coefficient 0 (FusedPlasticityPass.rows1)
                            double[] coef = lane(c, b, lanes);
                            coef[r] = 0.0;
                            double[] row = lane(w[r], b, lanes);
                            DendriticKernels.updateAndAccumulate(row, coef, trace[r * lanes + b], x[r * lanes + b], in,
                                    0, 20);
                            assertTrue(Arrays.equals(row, lane(wl[r], b, lanes)), what + ": row " + r + ", lane " + b);
                        }
                        assertTrue(Arrays.equals(in, lane(sl, b, lanes)), what + ": s of lane " + b);
                    }
                    for (int r = 0; r < n; r++) {
                        if (r < j || r >= j + 3) {
                            assertTrue(Arrays.equals(w[r], wl[r]), what + ": row " + r + " untouched");
                        }
                    }
                }
            }
        }
    }

    private static double[] random(SplittableRandom rnd, int size) {
        double[] a = new double[size];
        for (int k = 0; k < size; k++) {
            a[k] = rnd.nextDouble(-2, 2);
        }
        return a;
    }

    private static double[] lane(double[] soa, int b, int lanes) {
        double[] out = new double[soa.length / lanes];
        for (int i = 0; i < out.length; i++) {
            out[i] = soa[i * lanes + b];
        }
        return out;
    }

    // --- whole simulations in one group -----------------------------------------------------

    private static SimulationSpec spec(ModelParams m, NoiseParams noise, List<Clamp> clamps, int trainingCycles,
                                       long seed) {
        return new SimulationSpec(m, new ProtocolParams(trainingCycles, 20, 8, 3, 10.0), Pattern.fuerElise(), clamps,
                seed, noise);
    }

    private record Job(SimulationSpec spec, long budgetNanos) {
    }

    private static final class Outcome {
        SimulationResult result;
        NetworkSnapshot trained;
    }

    private static Outcome run(Job job, Stepper stepper) {
        Outcome o = new Outcome();
        AtomicReference<NetworkSnapshot> t = new AtomicReference<>();
        o.result = Simulation.run(job.spec, SimulationListener.NONE, job.budgetNanos, t::set, stepper);
        o.trained = t.get();
        return o;
    }

    @Test
    void simulationsOfAGroupGiveTheResultsTheyGiveAlone() {
        ModelParams elise = model(Mode.ELISE, Connectivity.ALL_TO_ALL);
        Clamp silence = new Clamp("silence", 4, 0, 2500, 0, 12, 0);
        Clamp tonic = new Clamp("tonic", 5, 900, 1500, 0, 12, 15.0);
        Clamp latent = new Clamp("latent-half", 4, 0, 2500, Population.LATENT, 0, 14, 0.5, 0.0);
        Clamp wild = new Clamp("wild", 4, 1000, 1200, 0, 12, 5000.0);   // diverges in replay
        List<Job> jobs = List.of(
                new Job(spec(elise, NONE, List.of(silence, tonic), 60, 1), 0),
                new Job(spec(elise, MEMBRANE, List.of(latent), 60, 2), 0),
                new Job(spec(elise, TEACHER, List.of(silence), 40, 3), 0),      // fewer cycles: leaves early
                new Job(spec(elise, WEIGHTS, List.of(tonic, wild), 60, 4), 0),  // deleted synapses in replay
                new Job(spec(elise.toBuilder().weightSd(400).build(), NONE, List.of(), 60, 5), 0), // diverges at once
                new Job(spec(elise, NONE, List.of(silence), 60, 6), 1),         // out of time after one cycle
                new Job(spec(model(Mode.RESERVOIR, Connectivity.SPARSE), NONE, List.of(silence), 60, 7), 0),
                new Job(spec(model(Mode.SOMA_ONLY, Connectivity.ALL_TO_ALL), MEMBRANE, List.of(tonic), 60, 8), 0),
                new Job(spec(model(Mode.SOMA_ONLY, Connectivity.ALL_TO_ALL), TEACHER, List.of(latent), 60, 9), 0));
        List<Function<Stepper, Outcome>> work = new ArrayList<>();
        for (Job j : jobs) {
            work.add(stepper -> run(j, stepper));
        }
        List<Outcome> together = Lockstep.run(work);
        List<Status> statuses = new ArrayList<>();
        for (int k = 0; k < jobs.size(); k++) {
            Outcome alone = run(jobs.get(k), Stepper.ALONE);
            Outcome in = together.get(k);
            ResultBits.assertSameResults(alone.result, in.result);
            assertEquals(alone.result.steps(), in.result.steps(), "steps of job " + k);
            assertEquals(alone.trained == null, in.trained == null, "job " + k);
            if (alone.trained != null) {
                assertTrue(alone.trained.state().sameAs(in.trained.state()), "trained state of job " + k);
            }
            statuses.add(in.result.status());
        }
        // the matrix really holds each way of finishing
        assertEquals(Status.DIVERGED, statuses.get(3), "the wild clamp diverges in replay");
        assertEquals(Status.DIVERGED, statuses.get(4));
        assertEquals(Status.TIMEOUT, statuses.get(5));
        assertEquals(Status.OK, statuses.get(0));
    }
}
