package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The three samplers' guarantees, in the unit cube and through a sweep file's ranges. */
class SamplersTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 50, 128})
    void latinHypercubePutsOnePointInEachStratumOfEveryDimension(int count) {
        double[][] u = Sampler.LATIN_HYPERCUBE.unitCube(count, 4, 11);
        for (int d = 0; d < 4; d++) {
            assertArrayEquals(filled(count, 1), strataCounts(u, d, count), "dimension " + d);
        }
    }

    @Test
    void latinHypercubeStratifiesEachRangeOfASweepFileIncludingLogRanges() {
        int count = 40;
        SweepPlan plan = plan("name = lhs\naxes = [{ sample = latin-hypercube, count = 40, seed = 5, ranges = ["
                + " { path = model.scaffold.p, from = 0.1, to = 0.5 },"
                + " { path = model.eta-lat, from = 1e-4, to = 1e-2, log = true } ] }]");
        int[] pStrata = new int[count];
        int[] etaStrata = new int[count];
        for (SweepPoint point : plan.points()) {
            double p = (Double) point.parameters().get("model.scaffold.p");
            double eta = (Double) point.parameters().get("model.eta-lat");
            pStrata[(int) Math.floor((p - 0.1) / 0.4 * count)]++;
            etaStrata[(int) Math.floor(Math.log(eta / 1e-4) / Math.log(100) * count)]++;
        }
        assertArrayEquals(filled(count, 1), pStrata);
        assertArrayEquals(filled(count, 1), etaStrata);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 16, 64, 256})
    void sobolPowersOfTwoFillEveryDyadicIntervalEqually(int count) {
        int dims = 5;
        double[][] u = Sampler.SOBOL.unitCube(count, dims, 3);
        for (int d = 0; d < dims; d++) {
            // halves hold count/2, quarters count/4, ... down to intervals of one point each
            for (int parts = 2; parts <= count; parts *= 2) {
                assertArrayEquals(filled(parts, count / parts), strataCounts(u, d, parts),
                        "dimension " + d + ", " + parts + " parts");
            }
        }
    }

    @Test
    void sobolIsScrambledByItsSeed() {
        double[][] a = Sampler.SOBOL.unitCube(8, 2, 1);
        double[][] b = Sampler.SOBOL.unitCube(8, 2, 2);
        assertFalse(Arrays.equals(a[0], new double[] {0, 0}), "the digital shift moves the origin");
        assertFalse(Arrays.deepEquals(a, b));
        assertArrayEquals(filled(2, 4), strataCounts(b, 0, 2));
    }

    @Test
    void sobolCountsThatAreNotPowersOfTwoLoseBalanceAndAreWarned() {
        SweepPlan plan = plan("name = s\naxes = [{ sample = sobol, count = 12, ranges = ["
                + " { path = model.lambda, from = 0.1, to = 0.5 } ] }]");
        assertEquals(12, plan.points().size());
        assertEquals(List.of("axes[0]: sobol count 12 is not a power of two; a Sobol sequence is balanced only over 2^m"
                + " points (use 8 or 16)"), plan.warnings());
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void samplesLieInTheUnitCubeAndDependOnlyOnTheirSeed(Sampler sampler) {
        double[][] a = sampler.unitCube(33, 3, 42);
        assertTrue(Arrays.stream(a).flatMapToDouble(Arrays::stream).allMatch(x -> x >= 0 && x < 1));
        assertTrue(Arrays.deepEquals(a, sampler.unitCube(33, 3, 42)));
        assertFalse(Arrays.deepEquals(a, sampler.unitCube(33, 3, 43)));
    }

    @Test
    void samplersAreNamedAsInSweepFiles() {
        assertEquals("random, latin-hypercube, sobol", Sampler.allowed());
        assertEquals(Sampler.LATIN_HYPERCUBE, Sampler.parse("latin-hypercube"));
        assertTrue(Sampler.isPowerOfTwo(64));
        assertFalse(Sampler.isPowerOfTwo(48));
    }

    @Test
    void sampledPointsDoNotMoveWhenTheSweepSeedChanges() {
        String block = "axes = [{ sample = random, count = 5, seed = 8, ranges = [ { path = model.lambda, from = 0.1, to = 0.5 } ] }]";
        SweepPlan a = plan("name = r\nseed = 1\n" + block);
        SweepPlan b = plan("name = r\nseed = 2\n" + block);
        assertEquals(a.points(), b.points());
        assertNotEquals(a.points(), plan("name = r\n" + block.replace("seed = 8", "seed = 9")).points());
    }

    private static SweepPlan plan(String hocon) {
        return SweepFileTest.plan(hocon, null);
    }

    private static int[] strataCounts(double[][] u, int dim, int parts) {
        int[] counts = new int[parts];
        for (double[] point : u) {
            counts[(int) Math.floor(point[dim] * parts)]++;
        }
        return counts;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
