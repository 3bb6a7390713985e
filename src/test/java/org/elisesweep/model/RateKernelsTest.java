package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector φ has the bits of the scalar one, on every lane, in and out of its fast range. */
class RateKernelsTest {
    private static final StepConstants C = StepConstants.of(ModelParams.defaults());
    /** Rounds of the bit comparisons: enough calls for C2 to compile the vector kernels while they run. */
    private static final int REPEATS = 40;
    /** The vector kernels, whichever compiler runs (under C1 their Java fallback, same bits). */
    private static final RateKernels VECTOR = new VectorRateKernels();

    @Test
    void theLoopsTakeTheVectorKernelsWhereC2CompilesThem() {
        assertTrue(VectorModule.PRESENT, "surefire starts the JVM with the Vector API");
        // under C1 alone (surefire's first execution) the scalar ones, under C2 (bit-identity-under-c2) the vector ones
        assertEquals(VectorModule.COMPILED_BY_C2, RateKernels.create() instanceof VectorRateKernels);
    }

    @Test
    void vectorRatesEqualScalarRatesBitForBitOnRandomPotentials() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + rnd.nextInt(80);
            double[] u = new double[n];
            double[] vStar = new double[n];
            for (int i = 0; i < n; i++) {
                // the working range of the potentials, and now and then far beyond it
                u[i] = rnd.nextInt(20) == 0 ? -5000 + 10000 * rnd.nextDouble() : -90 + 60 * rnd.nextDouble();
                vStar[i] = -90 + 60 * rnd.nextDouble();
            }
            int from = rnd.nextInt(n);
            int to = from + rnd.nextInt(n - from + 1);
            boolean dendrite = rnd.nextBoolean();
            assertSameRates(u, vStar, dendrite, from, to, "round " + round);
        }
    }

    @Test
    void everyLaneTakesTheScalarSpecialCasesExactly() {
        // one extreme lane in an otherwise ordinary vector. Arguments a = slope·(threshold − u) of
        // exp: overflow (a ≥ 709), the edges of the vector path (±690), the scalar two-step
        // scaling of tiny results (a below −692.5), underflow to 0 (a < −745), and beyond
        double[] arguments = {709.5, 708.9, 690.0, 689.999, -689.999, -690.0, -692.6, -708.5, -745.5, -800};
        List<Double> extremes = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 1e300, -1e300, -0.0));
        for (double a : arguments) {
            extremes.add(C.threshold() - a / C.slope());
        }
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            for (double extreme : extremes) {
                for (int lane = 0; lane < 16; lane++) {
                    double[] u = new double[16];
                    double[] vStar = new double[16];
                    for (int i = 0; i < 16; i++) {
                        u[i] = -70 + i;
                        vStar[i] = -60 + i;
                    }
                    u[lane] = extreme;
                    vStar[15 - lane] = extreme;
                    assertSameRates(u, vStar, true, 0, 16, "extreme " + extreme + " at lane " + lane);
                }
            }
        }
    }

    @Test
    void aJvmWithoutTheVectorApiComputesTheSameStateBitForBit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StateHashWithoutVectorApi.class.getName()).redirectErrorStream(true).start();
        List<String> out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().toList();
        }
        assertEquals(0, p.waitFor(), String.join("\n", out));
        assertEquals(List.of("Scalar", NoiseTest.PRE_NOISE_ELISE), out.subList(out.size() - 2, out.size()),
                "the child's kernels and its network's state after 45 cycles");
        assertEquals(NoiseTest.PRE_NOISE_ELISE, NoiseTest.stateHash(ModelParams.defaults(), NoiseParams.none()),
                "this JVM's");
    }

    @Test
    void theVectorPhiIsTheModelsPhi() {
        double[] u = {-70, -58, -50, -55, -65, -60, -52, -45};
        double[] rate = new double[u.length];
        new VectorRateKernels().rates(C, false, 0, u, u, rate, null, null, 0, u.length);
        assertEquals(0.5, rate[1], 0.0);
        assertEquals(0.02660, rate[0], 5e-6);
        assertEquals(0.91683, rate[2], 5e-6);
    }

    private static void assertSameRates(double[] u, double[] vStar, boolean dendrite, int from, int to, String what) {
        int n = u.length;
        double[][] scalar = {new double[n], new double[n], new double[n]};
        double[][] vector = {new double[n], new double[n], new double[n]};
        new RateKernels.Scalar().rates(C, dendrite, 1e-3, u, vStar, scalar[0], scalar[1], scalar[2], from, to);
        VECTOR.rates(C, dendrite, 1e-3, u, vStar, vector[0], vector[1], vector[2], from, to);
        for (int a = 0; a < 3; a++) {
            long[] s = new long[n];
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                s[i] = Double.doubleToRawLongBits(scalar[a][i]);
                v[i] = Double.doubleToRawLongBits(vector[a][i]);
            }
            assertArrayEquals(s, v, what + ", array " + a + " (rate, coefficient from visible, from latent)");
        }
    }
}
