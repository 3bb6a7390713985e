package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransferTest {
    @Test
    void phiMatchesThePublishedValues() {
        ModelParams m = ModelParams.defaults();
        assertEquals(0.02660, m.phi(-70), 5e-6);
        assertEquals(0.91683, m.phi(-50), 5e-6);
        assertEquals(0.71095, m.phi(-55), 5e-6);
        assertEquals(0.5, m.phi(-58), 0.0);
    }

    @Test
    void expIsWithinTwoUlpOfStrictMathEverywhere() {
        SplittableRandom rng = new SplittableRandom(7);
        double worst = 0;
        for (int k = 0; k < 2_000_000; k++) {
            double x = -745 + rng.nextDouble() * (709 + 745);
            double exact = StrictMath.exp(x);
            double ulps = Math.abs(Transfer.exp(x) - exact) / Math.ulp(exact);
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 2.0, "worst error " + worst + " ulp");
    }

    @Test
    void expHandlesTheEdgesOfItsRange() {
        assertEquals(1.0, Transfer.exp(0.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Transfer.exp(710));
        assertEquals(0.0, Transfer.exp(-800), 0.0);
        assertTrue(Double.isNaN(Transfer.exp(Double.NaN)));
        assertEquals(StrictMath.exp(-740), Transfer.exp(-740), Math.ulp(StrictMath.exp(-740)) * 2);
    }
}
