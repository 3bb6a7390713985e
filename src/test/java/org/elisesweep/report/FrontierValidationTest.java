package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The dense grid's crossing, against analytic success curves. */
class FrontierValidationTest {
    private static final double[] LEVELS = new double[16];

    static {
        for (int k = 0; k < LEVELS.length; k++) {
            LEVELS[k] = 0.05 * k;
        }
    }

    /** A logistic success probability falling through 0.5 at {@code x0} with scale {@code s}. */
    private static double[] logistic(double x0, double s) {
        double[] f = new double[LEVELS.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = 1 / (1 + Math.exp((LEVELS[k] - x0) / s));
        }
        return f;
    }

    @Test
    void theInterpolatedCrossingOfALogisticIsItsMidpoint() {
        // linear interpolation between the levels around x0: exact at the midpoint of a symmetric curve,
        // and off by less than the curve's curvature over one grid step elsewhere (≤ 0.002 here)
        for (double x0 : new double[] {0.125, 0.37, 0.61}) {
            assertEquals(x0, FrontierValidation.crossing(LEVELS, logistic(x0, 0.04), true), 0.002, "x0 = " + x0);
            double[] rising = logistic(x0, -0.04);
            assertEquals(x0, FrontierValidation.crossing(LEVELS, rising, false), 0.002, "rising, x0 = " + x0);
        }
        // a step: the crossing lies between the last passing and the first failing level
        double[] step = new double[LEVELS.length];
        for (int k = 0; k < 7; k++) {
            step[k] = 1;
        }
        assertEquals(0.325, FrontierValidation.crossing(LEVELS, step, true), 1e-12);
    }

    @Test
    void noCrossingIsNullAndANoisyCurveGivesItsFirstCrossing() {
        assertNull(FrontierValidation.crossing(LEVELS, logistic(2.0, 0.04), true), "passes over the whole grid");
        assertNull(FrontierValidation.crossing(LEVELS, logistic(-1.0, 0.04), true), "fails over the whole grid");
        double[] noisy = {1, 1, 0.75, 0.25, 0.75, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(0.125, FrontierValidation.crossing(LEVELS, noisy, true), 1e-12);
    }
}
