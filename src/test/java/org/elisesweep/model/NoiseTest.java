package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The noise sources of docs/model.md §8. Statistical checks allow 5 standard errors, each
 * derived (in the comments) for the number of samples and their correlation.
 */
class NoiseTest {
    private static final double Z = 5.0;

    private static NoiseParams membrane(double sigma, double tau, double dendriteSigma, NoisePhase phase) {
        NoiseParams none = NoiseParams.none();
        return new NoiseParams(new NoiseParams.MembraneNoise(sigma, tau, dendriteSigma, 0.0, phase), none.teacher(),
                none.weights());
    }

    private static NoiseParams teacherNoise(double sigma, double tau, double jitterMs) {
        NoiseParams none = NoiseParams.none();
        return new NoiseParams(none.membrane(), new NoiseParams.TeacherNoise(sigma, tau, jitterMs, NoisePhase.BOTH),
                none.weights());
    }

    // ---------------------------------------------------------------- the Ornstein–Uhlenbeck process

    /**
     * M independent processes started stationary, T steps each, N = M·T samples of an AR(1)
     * sequence with coefficient a = e^(−Δ/τ) and variance σ². Standard errors (AR(1) results):
     * mean: σ·sqrt((1+a)/((1−a)·N)); mean of x² (the variance, mean known to be 0):
     * σ²·sqrt(2(1+a²)/((1−a²)·N)); autocorrelation at lag L (Bartlett's formula, N' = M·(T−L) pairs):
     * sqrt([(1+a²)(1−a^(2L))/(1−a²) − 2L·a^(2L)] / N'). Δ = τ checks that the discretisation is
     * exact even for a step as long as the correlation time.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 5.0})
    void ornsteinUhlenbeckHasMeanZeroVarianceSigmaSquaredAndAutocorrelationExpMinusLagOverTau(double step) {
        double sigma = 2.5;
        double tau = 5.0;
        int m = 64;
        int t = 40_000;
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(sigma, tau, step);
        ZigguratSampler.NormalizedGaussian gauss =
                ZigguratSampler.NormalizedGaussian.of(new RandomStreams(42).stream(RandomStreams.MEMBRANE_NOISE));
        double[][] x = new double[m][t];
        double[] eta = new double[m];
        ou.fillStationary(eta, 0, m, gauss);
        for (int k = 0; k < t; k++) {
            for (int p = 0; p < m; p++) {
                x[p][k] = eta[p];
            }
            ou.advance(eta, 0, m, gauss);
        }
        double a = Math.exp(-step / tau);
        double n = (double) m * t;
        double sum = 0;
        double sumSq = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
                sumSq += v * v;
            }
        }
        double mean = sum / n;
        assertEquals(0.0, mean, Z * sigma * Math.sqrt((1 + a) / ((1 - a) * n)), "mean");
        double variance = sumSq / n;
        assertEquals(sigma * sigma, variance, Z * sigma * sigma * Math.sqrt(2 * (1 + a * a) / ((1 - a * a) * n)),
                "variance");
        for (double lagMs : new double[] {step, tau / 2, tau, 2 * tau}) {
            int lag = (int) Math.round(lagMs / step);
            double cross = 0;
            double norm = 0;
            for (double[] row : x) {
                for (int k = 0; k + lag < t; k++) {
                    cross += row[k] * row[k + lag];
                    norm += row[k] * row[k];
                }
            }
            double pairs = (double) m * (t - lag);
            double a2l = Math.pow(a, 2 * lag);
            double se = Math.sqrt(((1 + a * a) * (1 - a2l) / (1 - a * a) - 2 * lag * a2l) / pairs);
            assertEquals(Math.exp(-lag * step / tau), cross / norm, Z * se, "autocorrelation at lag " + lagMs + " ms");
        }
    }

    // ---------------------------------------------------------------- membrane noise in the network

    /**
     * A network whose visible neurons get no input at all: W = 0 (weight SD 0) and no learning, so
     * s_i = 0 and each visible dendrite stays at exactly E_l, and the teacher is off. The visible
     * neurons are then independent of each other and of the latents.
     */
    private static Network quiet(double gDen, NoiseParams noise) {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(5).weightSd(0.0).etaVis(0.0).etaLat(0.0)
                .gDen(gDen).build();
        return Network.create(m, Pattern.fuerElise(), 10.0, 21, noise);
    }

    /** Samples of (u_i − E_l) or (v_i − E_l) of every visible neuron after every step of {@code cycles} free cycles. */
    private static double[] visibleDeviations(Network net, int cycles, boolean dendrite, Phase phase) {
        int nVis = net.wiring().visibleNeurons();
        int bins = net.teacher().cycleBins();
        double eL = net.params().eL();
        double[] out = new double[cycles * bins * nVis];
        int[] k = {0};
        for (int c = 0; c < cycles; c++) {
            assertEquals(-1, net.runCycle(phase, false, null, null, (b, s) -> {
                for (int i = 0; i < nVis; i++) {
                    out[k[0]++] = (dendrite ? s.v[i] : s.u[i]) - eL;
                }
            }));
        }
        return out;
    }

    /**
     * Stationary variance of x_{t+1} = c·x_t + d·η_{t+1}, η an AR(1) of coefficient a and variance
     * σ²: x = d·Σ_m c^m·η_{t−m}, so Var x = d²σ²·Σ_{m,m'} c^(m+m')·a^|m−m'| = d²σ²(1+ca)/((1−c²)(1−ca)).
     */
    private static double filteredVariance(double c, double d, double a, double sigma) {
        return d * d * sigma * sigma * (1 + c * a) / ((1 - c * c) * (1 - c * a));
    }

    /**
     * Asserts that the samples have mean 0 and variance {@code expected}; they are a sum of two
     * AR(1) modes, so the standard error of the variance uses the slower one, ρ = max(a, c):
     * expected·sqrt(2(1+ρ²)/((1−ρ²)·N)) (N over the independent neurons).
     */
    private static void assertVariance(double expected, double[] x, double rho) {
        double sumSq = 0;
        for (double v : x) {
            sumSq += v * v;
        }
        double se = expected * Math.sqrt(2 * (1 + rho * rho) / ((1 - rho * rho) * x.length));
        assertEquals(expected, sumSq / x.length, Z * se, "variance of " + x.length + " samples");
    }

    /**
     * Soma with its dendrite at E_l and no other input: the Euler step with the noise term is
     * x ← x + dt·[−(g_l + g_den)·x + g_l·η], x = u − E_l, i.e. c = 1 − dt(g_l + g_den),
     * d = dt·g_l in {@link #filteredVariance}. In continuous time that is
     * SD = σ·(g_l/k)·sqrt(kτ/(1 + kτ)), k = g_l + g_den: with g_den = 2 the dendrite's pull
     * attenuates the somatic noise about 21-fold; with g_den = 0 and slow noise (τ ≫ 1/g_l) the
     * soma fluctuates by nearly σ, the sense in which σ is "the induced potential fluctuation".
     */
    @ParameterizedTest
    @ValueSource(doubles = {2.0, 0.0})
    void membraneNoiseMakesARestingSomaFluctuateAsDerived(double gDen) {
        double sigma = 4.0;
        double tau = gDen > 0 ? 5.0 : 50.0;
        Network net = quiet(gDen, membrane(sigma, tau, 0.0, NoisePhase.BOTH));
        ModelParams m = net.params();
        double dt = m.dt();
        double k = m.gL() + gDen;
        double a = Math.exp(-dt / tau);
        double c = 1 - dt * k;
        double expected = filteredVariance(c, dt * m.gL(), a, sigma);
        double continuous = sigma * (m.gL() / k) * Math.sqrt(k * tau / (1 + k * tau));
        assertEquals(continuous, Math.sqrt(expected), 0.01 * continuous, "Euler and continuous time agree");
        double[] x = visibleDeviations(net, gDen > 0 ? 30 : 100, false, Phase.TRAINING);
        // the sample mean's SE from x's long-run variance: x ≈ (d/(1−c))·η at low frequencies
        double gain = dt * m.gL() / (1 - c);
        double mean = Arrays.stream(x).average().orElseThrow();
        assertEquals(0.0, mean, Z * gain * sigma * Math.sqrt((1 + a) / ((1 - a) * x.length)), "mean");
        assertVariance(expected, x, Math.max(a, c));
        // the dendrite gets no noise of its own: it stays exactly at E_l
        assertTrue(Arrays.stream(visibleDeviations(net, 1, true, Phase.TRAINING)).allMatch(v -> v == 0.0));
    }

    /** Dendrite: y ← y + dt·g_l·(−y + η^d), y = v − E_l, so c = 1 − dt·g_l, d = dt·g_l: SD ≈ σ_d·sqrt(g_lτ/(1+g_lτ)). */
    @Test
    void dendriticNoiseMakesARestingDendriteFluctuateAsDerived() {
        double sigma = 3.0;
        double tau = 5.0;
        Network net = quiet(2.0, membrane(0.0, tau, sigma, NoisePhase.BOTH));
        ModelParams m = net.params();
        double a = Math.exp(-m.dt() / tau);
        double c = 1 - m.dt() * m.gL();
        double expected = filteredVariance(c, m.dt() * m.gL(), a, sigma);
        assertEquals(sigma * Math.sqrt(m.gL() * tau / (1 + m.gL() * tau)), Math.sqrt(expected), 0.01 * sigma);
        assertVariance(expected, visibleDeviations(net, 40, true, Phase.TRAINING), Math.max(a, c));
    }

    @Test
    void membraneNoiseActsOnlyInItsPhase() {
        Network net = quiet(2.0, membrane(4.0, 5.0, 2.0, NoisePhase.REPLAY));
        NetworkState before = net.state().copy();
        // training: u and v of the visible neurons stay exactly at E_l, and the processes do not move
        assertTrue(Arrays.stream(visibleDeviations(net, 1, false, Phase.TRAINING)).allMatch(v -> v == 0.0));
        assertTrue(net.state().noise.sameAs(before.noise));
        assertTrue(Arrays.stream(visibleDeviations(net, 1, false, Phase.REPLAY)).allMatch(v -> v != 0.0));
        assertFalse(net.state().noise.sameAs(before.noise));
    }

    // ---------------------------------------------------------------- teacher noise and jitter

    @Test
    void aWarpWithoutShiftsIsTheCleanTarget() {
        Teacher teacher = new Teacher(Pattern.fuerElise(), ModelParams.defaults(), 10.0);
        int steps = Pattern.fuerElise().steps();
        double[] boundaries = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            boundaries[k] = k * teacher.binsPerStep();
        }
        double[] warped = new double[teacher.targetArray().length];
        teacher.warpedTargets(boundaries, warped);
        assertArrayEquals(teacher.targetArray(), warped);
    }

    /**
     * Over D draws the shifts δ_1…δ_{K−1} are uniform on [−J, J]: mean 0 with SE J/sqrt(3·n),
     * variance J²/3 with SE sqrt((J⁴/5 − J⁴/9)/n), n = D·(K−1) shifts. Each rising edge of the
     * target crosses E_l + 10 mV 0.7 ms before its boundary, at a fixed position of the step
     * before it, so the warp moves that crossing by a convex combination of two boundary shifts:
     * by at most J, plus one bin of rounding.
     */
    @Test
    void teacherJitterMovesEachBoundaryWithinPlusMinusJ() {
        double jitter = 2.0;
        Network net = Network.create(ModelParams.defaults().toBuilder().nLat(5).build(), Pattern.fuerElise(), 10.0, 4,
                teacherNoise(0.0, 5.0, jitter));
        NoisyTeacher noisy = net.noisyTeacher();
        Teacher clean = net.teacher();
        int nVis = clean.visibleNeurons();
        int bins = clean.cycleBins();
        double dt = net.params().dt();
        double level = net.params().eL() + 10.0;
        int draws = 200;
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        double largestMove = 0;
        double[] previous = null;
        for (int d = 0; d < draws; d++) {
            noisy.draw(net.state().noise);
            double[] shifts = noisy.boundaryShiftsMs();
            assertEquals(0.0, shifts[0], 0.0, "the cycle's start stays");
            assertEquals(0.0, shifts[shifts.length - 1], 0.0, "the cycle's end stays");
            assertFalse(Arrays.equals(previous, shifts), "redrawn every cycle");
            previous = shifts;
            for (int k = 1; k < shifts.length - 1; k++) {
                assertTrue(shifts[k] >= -jitter && shifts[k] <= jitter, "shift " + shifts[k]);
                sum += shifts[k];
                sumSq += shifts[k] * shifts[k];
                count++;
            }
            double[] u = noisy.targetArray();
            for (int i = 0; i < nVis; i++) {
                int[] cleanUp = risingCrossings(clean.targetArray(), i, nVis, bins, level);
                int[] jitteredUp = risingCrossings(u, i, nVis, bins, level);
                assertEquals(cleanUp.length, jitteredUp.length, "the same edges");
                for (int e = 0; e < cleanUp.length; e++) {
                    double moveMs = (jitteredUp[e] - cleanUp[e]) * dt;
                    assertTrue(Math.abs(moveMs) <= jitter + dt + 1e-9, "edge moved by " + moveMs + " ms");
                    largestMove = Math.max(largestMove, Math.abs(moveMs));
                }
            }
        }
        assertEquals(0.0, sum / count, Z * jitter / Math.sqrt(3.0 * count), "mean shift");
        double j4 = Math.pow(jitter, 4);
        assertEquals(jitter * jitter / 3, sumSq / count, Z * Math.sqrt((j4 / 5 - j4 / 9) / count), "shift variance");
        assertTrue(largestMove > 0.8 * jitter, "edges do move: at most " + largestMove + " ms");
    }

    /** Bins b at which neuron i's target rises through {@code level}. */
    private static int[] risingCrossings(double[] u, int i, int nVis, int bins, double level) {
        return IntStream.range(1, bins)
                .filter(b -> u[(b - 1) * nVis + i] < level && u[b * nVis + i] >= level).toArray();
    }

    /**
     * The noisy target minus the clean one is the OU trace ζ_i: started stationary, so over D
     * draws its SD is σ_t (SE as for the OU process, N = D·N_vis·TB correlated samples); the
     * conductances come from the noisy target by §5 (sum ℓ, reversal u_tgt + ζ).
     */
    @Test
    void teacherNoiseAddsAStationaryTraceAndTheConductancesFollowTheNoisyTarget() {
        double sigma = 3.0;
        double tau = 5.0;
        Network net = Network.create(ModelParams.defaults().toBuilder().nLat(5).build(), Pattern.fuerElise(), 10.0, 4,
                teacherNoise(sigma, tau, 0.0));
        NoisyTeacher noisy = net.noisyTeacher();
        double[] clean = net.teacher().targetArray();
        ModelParams m = net.params();
        double ell = m.lambda() / (1 - m.lambda()) * (m.gL() + m.gDen());
        double sumSq = 0;
        long n = 0;
        double[] first = null;
        for (int d = 0; d < 20; d++) {
            noisy.draw(net.state().noise);
            double[] u = noisy.targetArray();
            if (first == null) {
                first = u.clone();
            }
            for (int k = 0; k < u.length; k++) {
                double zeta = u[k] - clean[k];
                sumSq += zeta * zeta;
                n++;
                double gE = noisy.excitationArray()[k];
                double gI = noisy.inhibitionArray()[k];
                assertEquals(ell, gE + gI, 1e-12);
                assertEquals(u[k], (gE * m.eE() + gI * m.eI()) / (gE + gI), 1e-9);
            }
        }
        assertFalse(Arrays.equals(first, noisy.targetArray()), "redrawn every cycle");
        double a = Math.exp(-m.dt() / tau);
        assertEquals(sigma * sigma, sumSq / n, Z * sigma * sigma * Math.sqrt(2 * (1 + a * a) / ((1 - a * a) * n)));
    }

    @Test
    void teacherNoiseChangesOnlyNudgedCyclesOfItsPhase() {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(8).build();
        NoiseParams none = NoiseParams.none();
        NoiseParams noisy = new NoiseParams(none.membrane(), new NoiseParams.TeacherNoise(2.0, 5.0, 1.0,
                NoisePhase.REPLAY), none.weights());
        Network plain = Network.create(m, Pattern.fuerElise(), 10.0, 6);
        Network withNoise = Network.create(m, Pattern.fuerElise(), 10.0, 6, noisy);
        plain.runCycle(Phase.TRAINING, true, null, null);
        withNoise.runCycle(Phase.TRAINING, true, null, null);
        assertTrue(sameDynamics(plain.state(), withNoise.state()), "training: clean teacher");
        plain.runCycle(Phase.REPLAY, false, null, null);
        withNoise.runCycle(Phase.REPLAY, false, null, null);
        assertTrue(sameDynamics(plain.state(), withNoise.state()), "teacher off: nothing to perturb");
        plain.runCycle(Phase.REPLAY, true, null, null);
        withNoise.runCycle(Phase.REPLAY, true, null, null);
        assertFalse(sameDynamics(plain.state(), withNoise.state()), "nudged replay cycle: noisy teacher");
    }

    /** The dynamic state without the noise streams. */
    private static boolean sameDynamics(NetworkState a, NetworkState b) {
        return Arrays.equals(a.u, b.u) && Arrays.equals(a.v, b.v) && Arrays.deepEquals(a.weightRows, b.weightRows)
                && Arrays.equals(a.history, b.history);
    }

    // ---------------------------------------------------------------- independence of the streams

    private static NoiseParams everything() {
        return new NoiseParams(new NoiseParams.MembraneNoise(1.0, 5.0, 0.5, 3.0, NoisePhase.BOTH),
                new NoiseParams.TeacherNoise(1.0, 5.0, 1.0, NoisePhase.BOTH),
                new NoiseParams.WeightNoise(0.1, WeightNoiseKind.MULTIPLICATIVE, 0.2));
    }

    @Test
    void noiseNeverChangesScaffoldDelaysOrInitialWeights() {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(20).connectivity(Connectivity.SPARSE).density(0.6)
                .build();
        Network a = Network.create(m, Pattern.fuerElise(), 10.0, 77);
        Network b = Network.create(m, Pattern.fuerElise(), 10.0, 77, everything());
        int n = a.wiring().neurons();
        for (int j = 0; j < n; j++) {
            assertEquals(a.wiring().dendriticDelay(j), b.wiring().dendriticDelay(j));
            assertEquals(a.wiring().scaffoldDelay(j), b.wiring().scaffoldDelay(j));
            assertArrayEquals(a.wiring().scaffold().sourcesOf(j), b.wiring().scaffold().sourcesOf(j));
            for (int i = 0; i < n; i++) {
                assertEquals(a.wiring().hasSynapse(j, i), b.wiring().hasSynapse(j, i));
                assertEquals(a.state().weight(i, j), b.state().weight(i, j), 0.0);
            }
        }
        assertTrue(sameDynamics(a.state(), b.state()), "the same initial state, noise processes aside");
        assertFalse(a.state().sameAs(b.state()), "the membrane processes start stationary, not at 0");
    }

    /** Noise restricted to replay, and weight noise (after training), leave training bit-identical. */
    @Test
    void noiseOfReplayLeavesTrainingBitIdenticalAndReplayReproducible() {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(12).build();
        SimulationSpec clean = new SimulationSpec(m, new ProtocolParams(40, 20, 7, 3, 10.0), Pattern.fuerElise(),
                List.of(new Clamp("latents", 4, 0, 2500, Population.LATENT, 0, 11, 0.5, 0.0)), 3);
        NoiseParams replayOnly = new NoiseParams(new NoiseParams.MembraneNoise(2.0, 5.0, 1.0, 0.0, NoisePhase.REPLAY),
                new NoiseParams.TeacherNoise(2.0, 5.0, 1.5, NoisePhase.REPLAY),
                new NoiseParams.WeightNoise(0.05, WeightNoiseKind.ADDITIVE, 0.1));
        SimulationResult a = Simulation.run(clean, SimulationListener.NONE);
        SimulationResult b = Simulation.run(clean.withNoise(replayOnly), SimulationListener.NONE);
        SimulationResult again = Simulation.run(clean.withNoise(replayOnly), SimulationListener.NONE);
        assertEquals(Status.OK, b.status(), b.message());
        assertArrayEquals(a.curve().mse(), b.curve().mse());
        assertArrayEquals(a.curve().sumCorr(), b.curve().sumCorr());
        assertEquals(a.weights(), b.weights());
        assertFalse(Arrays.equals(a.scenarios().get(0).scores().mse(), b.scenarios().get(0).scores().mse()));
        for (int k = 0; k < b.scenarios().size(); k++) {
            assertArrayEquals(b.scenarios().get(k).scores().mse(), again.scenarios().get(k).scores().mse());
            assertArrayEquals(b.scenarios().get(k).scores().sumCorr(), again.scenarios().get(k).scores().sumCorr());
        }
        assertNotNull(b.scenarios().get(1).robustness());
    }

    // ---------------------------------------------------------------- no noise: the model as it was

    /**
     * Hashes recorded by running exactly this procedure (the same hashing code, in a separate
     * harness) on the model package as it was before the noise extension (git commit 1572907,
     * model sources unmodified), at the start of this change, not from the code under test. With
     * every noise level 0 the results must stay bit-identical to that code.
     */
    private static final String PRE_NOISE_SIMULATION = "d3d52f859abcb7210499ba9c11ff171e17867080309ee6b0462f9312060879dc";
    static final String PRE_NOISE_ELISE = "8ac47be80f4145e8b8eacc55dac9ad32bd79b9edf7f091e673f931a97217773c";
    private static final String PRE_NOISE_RESERVOIR = "ab4f0181efe03fe3cdbb0a9ac512470a8a108ba19a5c081c4b2c4de26d1d1930";
    private static final String PRE_NOISE_SOMA_ONLY = "273470d8c9f09cfa07467f60591c19874f3e664b107a3d225a14093b77ee38bd";
    private static final String PRE_NOISE_SPARSE = "0d12ac22814dd84e825348d9d5ac857f358951f792bee93a04d4e0d2eac98f3a";

    /** Every level 0 but the other noise parameters changed: still no noise. */
    private static NoiseParams zeroLevels() {
        return new NoiseParams(new NoiseParams.MembraneNoise(0.0, 17.0, 0.0, 3.0, NoisePhase.TRAINING),
                new NoiseParams.TeacherNoise(0.0, 2.0, 0.0, NoisePhase.REPLAY),
                new NoiseParams.WeightNoise(0.0, WeightNoiseKind.MULTIPLICATIVE, 0.0));
    }

    @Test
    void withAllNoiseOffASimulationIsBitIdenticalToThePreNoiseModel() throws Exception {
        SimulationSpec paper = SimulationSpec.paper(1);
        SimulationSpec spec = new SimulationSpec(paper.model(), new ProtocolParams(200, 20, 8, 3, 10.0),
                paper.pattern(), paper.clamps(), 1);
        assertEquals(PRE_NOISE_SIMULATION, simulationHash(spec));
        assertEquals(PRE_NOISE_SIMULATION, simulationHash(spec.withNoise(zeroLevels())));
    }

    @Test
    void withAllNoiseOffTheStateIsBitIdenticalToThePreNoiseModel() throws Exception {
        ModelParams base = ModelParams.defaults();
        assertEquals(PRE_NOISE_ELISE, stateHash(base, NoiseParams.none()));
        assertEquals(PRE_NOISE_ELISE, stateHash(base, zeroLevels()));
        assertEquals(PRE_NOISE_RESERVOIR, stateHash(base.toBuilder().mode(Mode.RESERVOIR).build(), zeroLevels()));
        assertEquals(PRE_NOISE_SOMA_ONLY, stateHash(base.toBuilder().mode(Mode.SOMA_ONLY).build(), zeroLevels()));
        assertEquals(PRE_NOISE_SPARSE, stateHash(base.toBuilder().connectivity(Connectivity.SPARSE).density(0.5)
                .build(), zeroLevels()));
    }

    /** SHA-256 over the raw bits of every value, little-endian, arrays preceded by their length. */
    private static final class Hash {
        private final MessageDigest md;

        Hash() throws NoSuchAlgorithmException {
            md = MessageDigest.getInstance("SHA-256");
        }

        void add(double x) {
            long b = Double.doubleToRawLongBits(x);
            for (int k = 0; k < 8; k++) {
                md.update((byte) (b >>> (8 * k)));
            }
        }

        void add(double[] xs) {
            add(xs.length);
            for (double x : xs) {
                add(x);
            }
        }

        void add(int[] xs) {
            add(xs.length);
            for (int x : xs) {
                add(x);
            }
        }

        void add(double[][] xs) {
            for (double[] x : xs) {
                add(x);
            }
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /** Curves, every scenario's scores, aligned window and robustness, and the weight summary. */
    private static String simulationHash(SimulationSpec spec) throws Exception {
        SimulationResult r = Simulation.run(spec, SimulationListener.NONE);
        assertEquals(Status.OK, r.status(), r.message());
        Hash h = new Hash();
        h.add(r.curve().cycles());
        h.add(r.curve().mse());
        h.add(r.curve().sumCorr());
        for (ScenarioResult s : r.scenarios()) {
            h.add(s.scores().mse());
            h.add(s.scores().sumCorr());
            h.add(s.scores().bestShiftMs());
            h.add(s.lastAligned());
            if (s.robustness() != null) {
                Robustness b = s.robustness();
                h.add(new double[] {b.sumCorrBefore(), b.mseBefore(), b.sumCorrDuring(), b.mseDuring(),
                    b.sumCorrAfter(), b.mseAfter(), b.recoveryCycles(), b.phaseJumpMs()});
            }
        }
        WeightSummary w = r.weights();
        h.add(new double[] {w.visFromVis(), w.visFromLat(), w.latFromVis(), w.latFromLat(), w.spectralRadius()});
        return h.hex();
    }

    /** Every array of the state (noise aside) after 45 cycles: free every 20th, a tonic window clamp in cycle 30. */
    static String stateHash(ModelParams m, NoiseParams noise) throws Exception {
        Network net = Network.create(m, Pattern.fuerElise(), 10.0, 3, noise);
        Clamp clamp = new Clamp("c", 4, 900, 1500, 0, 12, 15.0);
        for (int c = 0; c < 45; c++) {
            net.runCycle(c % 20 != 0, c == 30 ? clamp : null, null);
        }
        NetworkState s = net.state();
        Hash h = new Hash();
        h.add(s.step);
        h.add(s.u);
        h.add(s.v);
        h.add(s.trace);
        h.add(s.rate);
        h.add(s.delayedRate);
        h.add(s.dendriticInput);
        h.add(s.weightRows);
        h.add(s.history);
        return h.hex();
    }
}
