package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The estimators against analytic references, with no simulation, through the same path as a
 * sweep: a section read by {@link SensitivityReader}, its {@link SensitivityDesign}, the function
 * evaluated at each point's parameter values, keyed by role, then {@link SensitivityAnalysis}.
 */
class SensitivityEstimatorsTest {
    private static final double PI = Math.PI;
    private static final String[] PATHS = {"model.eta-vis", "model.eta-lat", "model.lambda", "model.g-den"};

    /** A sensitivity section over the first {@code d} of PATHS, each from {@code from} to {@code to}. */
    static SensitivitySpec spec(String method, int n, int d, double from, double to, String extra) {
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < d; i++) {
            ranges.append("{ path = ").append(PATHS[i]).append(", from = ").append(from).append(", to = ").append(to)
                    .append(" }, ");
        }
        return SensitivitySpec.parse("method = " + method + ", n = " + n + ", ranges = [" + ranges + "], outputs ="
                + " [final_mse], " + extra, "test");
    }

    /** f at every point of the design, one replicate each, keyed by role. */
    static Map<SensitivityRole, double[]> evaluate(SensitivityDesign design, ToDoubleFunction<double[]> f) {
        Map<SensitivityRole, double[]> out = new HashMap<>();
        for (SensitivityDesign.Point p : design.points()) {
            out.put(p.role(), new double[] {f.applyAsDouble(design.values(p))});
        }
        return out;
    }

    static SensitivityAnalysis.Result analyse(SensitivitySpec spec, ToDoubleFunction<double[]> f) {
        SensitivityDesign design = SensitivityDesign.of(spec);
        return new SensitivityAnalysis(design).analyse("final_mse", evaluate(design, f));
    }

    static double ishigami(double[] x) {
        return Math.sin(x[0]) + 7 * Math.pow(Math.sin(x[1]), 2) + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    /** Ishigami (a = 7, b = 0.1): {S1, ST}, from the closed-form partial variances. */
    static double[][] ishigamiReference() {
        double a = 7;
        double b = 0.1;
        double v1 = 0.5 * Math.pow(1 + b * Math.pow(PI, 4) / 5, 2);
        double v2 = a * a / 8;
        double v13 = Math.pow(b, 2) * Math.pow(PI, 8) * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return new double[][] {{v1 / v, v2 / v, 0}, {(v1 + v13) / v, v2 / v, v13 / v}};
    }

    /** The Sobol g-function on [0, 1]^d with coefficients a. */
    static double g(double[] x, double[] a) {
        double y = 1;
        for (int i = 0; i < a.length; i++) {
            y *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
        }
        return y;
    }

    /** The g-function's {S1, ST}: V_i = 1 / (3 (1 + a_i)²), V = Π(1 + V_i) − 1. */
    static double[][] gReference(double[] a) {
        double[] vi = new double[a.length];
        double prod = 1;
        for (int i = 0; i < a.length; i++) {
            vi[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
            prod *= 1 + vi[i];
        }
        double v = prod - 1;
        double[][] out = new double[2][a.length];
        for (int i = 0; i < a.length; i++) {
            out[0][i] = vi[i] / v;
            out[1][i] = vi[i] * prod / (1 + vi[i]) / v;
        }
        return out;
    }

    @Test
    void ishigamiIndicesMatchTheReferenceAndTheirIntervalsCoverIt() {
        double[][] ref = ishigamiReference();
        // the rounded values, as a check of the closed form
        double[][] rounded = {{0.314, 0.442, 0.000}, {0.558, 0.442, 0.244}};
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(rounded[k][i], ref[k][i], 6e-4);
            }
        }
        SensitivityAnalysis.Result r = analyse(spec("sobol", 4096, 3, -PI, PI, ""), SensitivityEstimatorsTest::ishigami);
        assertEquals(4096, r.rowsUsed());
        for (int i = 0; i < 3; i++) {
            SensitivityAnalysis.Index x = r.indices().get(i);
            assertEquals(PATHS[i], x.parameter());
            assertEquals(ref[0][i], x.s1(), 0.03, "S1 of x" + (i + 1));
            assertEquals(ref[1][i], x.st(), 0.03, "ST of x" + (i + 1));
            assertTrue(x.s1Low() <= ref[0][i] && ref[0][i] <= x.s1High(), "S1 interval of x" + (i + 1) + ": " + x);
            assertTrue(x.stLow() <= ref[1][i] && ref[1][i] <= x.stHigh(), "ST interval of x" + (i + 1) + ": " + x);
        }
        assertEquals(ref[0][0] + ref[0][1], r.sumS1(), 0.05);
        assertEquals(1 - r.sumS1(), r.interactions(), 0.0);
        assertTrue(r.interactions() > 0.15, "Ishigami's x1·x3 interaction is about 24% of the variance");
    }

    @Test
    void gFunctionIndicesMatchTheReferenceAndTheirIntervalsCoverIt() {
        double[] a = {0, 1, 4.5, 9};
        double[][] ref = gReference(a);
        SensitivityAnalysis.Result r = analyse(spec("sobol", 4096, 4, 0, 1, ""), x -> g(x, a));
        for (int i = 0; i < a.length; i++) {
            SensitivityAnalysis.Index x = r.indices().get(i);
            assertEquals(ref[0][i], x.s1(), 0.03, "S1 of x" + (i + 1));
            assertEquals(ref[1][i], x.st(), 0.03, "ST of x" + (i + 1));
            assertTrue(x.s1Low() <= ref[0][i] && ref[0][i] <= x.s1High(), "S1 interval of x" + (i + 1) + ": " + x);
            assertTrue(x.stLow() <= ref[1][i] && ref[1][i] <= x.stHigh(), "ST interval of x" + (i + 1) + ": " + x);
        }
    }

    /**
     * The error of the Ishigami indices (mean absolute error over the six indices and eight design
     * seeds) and the bootstrap interval width, at N = 256, 1024, 4096. The width falls as N^-1/2 (the
     * bootstrap treats rows as independent draws, and the warning's "n needed" assumes this rate);
     * the error of the quasi-random Sobol design falls at least that fast (about N^-1.5 here), so
     * the intervals are conservative.
     */
    @Test
    void errorsShrinkAtLeastAsFastAsTheSquareRootOfNAndIntervalsExactlySo() {
        double[][] ref = ishigamiReference();
        int[] ns = {256, 1024, 4096};
        double[] error = new double[ns.length];
        double[] width = new double[ns.length];
        int seeds = 8;
        for (int k = 0; k < ns.length; k++) {
            for (int seed = 1; seed <= seeds; seed++) {
                SensitivityAnalysis.Result r = analyse(spec("sobol", ns[k], 3, -PI, PI, "seed = " + seed
                        + ", bootstrap = 200"), SensitivityEstimatorsTest::ishigami);
                for (int i = 0; i < 3; i++) {
                    SensitivityAnalysis.Index x = r.indices().get(i);
                    error[k] += (Math.abs(x.s1() - ref[0][i]) + Math.abs(x.st() - ref[1][i])) / (6.0 * seeds);
                    width[k] += (x.s1High() - x.s1Low() + x.stHigh() - x.stLow()) / (6.0 * seeds);
                }
            }
        }
        double errorRate = slope(ns, error);
        double widthRate = slope(ns, width);
        System.out.printf("Ishigami: N %s, mean |error| %s (rate N^%.2f), interval width %s (rate N^%.2f)%n",
                java.util.Arrays.toString(ns), java.util.Arrays.toString(error), errorRate,
                java.util.Arrays.toString(width), widthRate);
        assertTrue(errorRate < -0.45, "error rate N^" + errorRate);
        for (int k = 1; k < ns.length; k++) {
            assertTrue(error[k] < error[k - 1] / 2, "quadrupling N at least halves the error: " + error[k]);
        }
        assertTrue(widthRate < -0.4 && widthRate > -0.6, "interval width rate N^" + widthRate);
    }

    /** The least-squares slope of log y against log n. */
    static double slope(int[] n, double[] y) {
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n.length; k++) {
            mx += Math.log(n[k]) / n.length;
            my += Math.log(y[k]) / n.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < n.length; k++) {
            sxy += (Math.log(n[k]) - mx) * (Math.log(y[k]) - my);
            sxx += (Math.log(n[k]) - mx) * (Math.log(n[k]) - mx);
        }
        return sxy / sxx;
    }

    @Test
    void theOrderOfTheResultsDoesNotChangeAnyIndexByASingleBit() {
        for (String method : List.of("sobol", "morris")) {
            SensitivitySpec spec = spec(method, 64, 3, -PI, PI, method.equals("morris") ? "levels = 4" : "");
            SensitivityDesign design = SensitivityDesign.of(spec);
            Map<SensitivityRole, double[]> values = evaluate(design, SensitivityEstimatorsTest::ishigami);
            SensitivityAnalysis.Result before = new SensitivityAnalysis(design).analyse("final_mse", values);
            List<Map.Entry<SensitivityRole, double[]>> rows = new ArrayList<>(values.entrySet());
            for (long seed = 1; seed <= 3; seed++) {
                Collections.shuffle(rows, new Random(seed));
                Map<SensitivityRole, double[]> shuffled = new LinkedHashMap<>();
                rows.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
                SensitivityAnalysis.Result after = new SensitivityAnalysis(SensitivityDesign.of(spec))
                        .analyse("final_mse", shuffled);
                assertEquals(before.indices().size(), after.indices().size());
                for (int i = 0; i < before.indices().size(); i++) {
                    assertEquals(bits(before.indices().get(i)), bits(after.indices().get(i)), method + " index " + i);
                }
                assertEquals(Double.doubleToRawLongBits(before.sumS1()), Double.doubleToRawLongBits(after.sumS1()));
            }
        }
    }

    static List<Long> bits(SensitivityAnalysis.Index x) {
        return java.util.stream.DoubleStream.of(x.s1(), x.s1Low(), x.s1High(), x.st(), x.stLow(), x.stHigh(), x.muStar(),
                x.muStarLow(), x.muStarHigh(), x.sigma()).mapToObj(Double::doubleToRawLongBits).toList();
    }

    @Test
    void morrisGivesTheSlopesOfALinearFunctionAndRanksIshigami() {
        SensitivitySpec spec = spec("morris", 20, 3, 0, 1, "levels = 4");
        SensitivityAnalysis.Result linear = analyse(spec, x -> 10 * x[0] - 2 * x[1]);
        assertEquals(10, linear.indices().get(0).muStar(), 1e-9);
        assertEquals(2, linear.indices().get(1).muStar(), 1e-9);
        assertEquals(0, linear.indices().get(2).muStar(), 1e-9);
        assertEquals(0, linear.indices().get(0).sigma(), 1e-9, "a linear effect is the same everywhere");
        assertTrue(Double.isNaN(linear.indices().get(0).s1()) && Double.isNaN(linear.sumS1()));

        SensitivityAnalysis.Result ish = analyse(spec("morris", 40, 3, -PI, PI, "levels = 4"),
                SensitivityEstimatorsTest::ishigami);
        SensitivityAnalysis.Index x1 = ish.indices().get(0);
        SensitivityAnalysis.Index x3 = ish.indices().get(2);
        assertTrue(x3.sigma() > 0, "x3 acts only through its interaction with x1, so its effects vary");
        assertTrue(x1.muStarLow() <= x1.muStar() && x1.muStar() <= x1.muStarHigh());
    }

    /** Ishigami at every point but A:3, which failed. */
    static Map<SensitivityRole, double[]> ishigamiWithoutA3(SensitivityDesign design) {
        Map<SensitivityRole, double[]> values = evaluate(design, SensitivityEstimatorsTest::ishigami);
        values.put(SensitivityRole.a(3), new double[] {Double.NaN});
        return values;
    }

    @Test
    void failedPointsDropTheirWholeRowsAndSaySo() {
        SensitivityDesign design = SensitivityDesign.of(spec("sobol", 256, 3, -PI, PI, ""));
        Map<SensitivityRole, double[]> values = ishigamiWithoutA3(design);
        values.put(SensitivityRole.ab(2, 3), new double[] {Double.NaN});     // same row: still one row
        values.put(SensitivityRole.ab(1, 10), new double[] {1.0, Double.NaN}); // one replicate failed
        values.remove(SensitivityRole.b(20));                                // never computed
        SensitivityAnalysis.Result r = new SensitivityAnalysis(design).analyse("final_mse", values);
        assertEquals(253, r.rowsUsed());
        assertEquals(3, r.rowsDropped());
        assertTrue(r.warnings().get(0).contains("3 of 256 Saltelli rows dropped")
                && r.warnings().get(0).contains("conditional"), r.warnings().toString());
        assertTrue(Double.isFinite(r.indices().get(0).s1()));
    }

    @Test
    void aSubstituteReplacesFailedValuesAndIsCounted() {
        SensitivityDesign design = SensitivityDesign.of(spec("sobol", 64, 3, -PI, PI,
                "failures = substitute, substitute = -5"));
        Map<SensitivityRole, double[]> values = ishigamiWithoutA3(design);
        values.put(SensitivityRole.b(4), new double[] {2.0, Double.NaN});
        SensitivityAnalysis.Result r = new SensitivityAnalysis(design).analyse("final_mse", values);
        assertEquals(64, r.rowsUsed());
        assertEquals(2, r.substituted());
        Map<SensitivityRole, double[]> byHand = new HashMap<>(values);
        byHand.put(SensitivityRole.a(3), new double[] {-5});
        byHand.put(SensitivityRole.b(4), new double[] {2.0, -5});
        SensitivityAnalysis.Result expected = new SensitivityAnalysis(design).analyse("final_mse", byHand);
        assertEquals(bits(expected.indices().get(0)), bits(r.indices().get(0)));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("2 failed or missing values replaced by the substitute")));
    }

    @Test
    void aWideIntervalWarnsWithTheNNeeded() {
        SensitivityAnalysis.Result r = analyse(spec("sobol", 16, 3, -PI, PI, "max-width = 0.05"),
                SensitivityEstimatorsTest::ishigami);
        String w = r.warnings().stream().filter(s -> s.contains("max-width 0.05")).findFirst().orElseThrow();
        long needed = Long.parseLong(w.replaceAll(".*about n = (\\d+) would be needed.*", "$1"));
        assertTrue(needed > 16 && Long.bitCount(needed) == 1, w);
    }
}
