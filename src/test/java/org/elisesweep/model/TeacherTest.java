package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TeacherTest {
    private final ModelParams m = ModelParams.defaults();
    private final Teacher teacher = new Teacher(Pattern.fuerElise(), m, 10.0);

    @Test
    void matchingPotentialOfTheTeacherConductancesIsTheTarget() {
        double ell = m.lambda() / (1 - m.lambda()) * (m.gL() + m.gDen());
        for (int b = 0; b < teacher.cycleBins(); b += 7) {
            for (int i = 0; i < 13; i++) {
                double ge = teacher.excitation(i, b);
                double gi = teacher.inhibition(i, b);
                double matching = (ge * m.eE() + gi * m.eI()) / (ge + gi);
                assertEquals(teacher.targetPotential(i, b), matching, 1e-9);
                assertEquals(ell, ge + gi, 1e-12);
                assertTrue(ge >= 0 && gi >= 0);
            }
        }
    }

    @Test
    void targetIsRestWhenOffAndAboutMinus50InTheMiddleOfAnOnStep() {
        // Für Elise: note 6 is on in step 0 only (previous step 24 is on too, next step 1 off)
        assertEquals(-50.0, teacher.targetPotential(0, 1 * 100 + 50), 0.5);   // note 0 on in step 1
        assertEquals(-70.0, teacher.targetPotential(0, 2 * 100 + 50), 1e-3);  // off in step 2, middle
        assertEquals(-70.0, teacher.targetPotential(7, 100 * 3 + 50), 1e-3);  // note 7 only in step 12
    }

    @Test
    void targetIsContinuousAcrossStepBoundariesWithinTheEdgeSlope() {
        // the edges are sigmoids of at most 5 mV/ms: between bins (0.1 ms) the target moves by < 0.5 mV; where
        // the table of §5 hands over at t = 2L/3 of an off step, it jumps from E_l to up(−L/3) ≈ E_l + 1.38 mV
        for (int i = 0; i < 13; i++) {
            for (int b = 1; b < teacher.cycleBins(); b++) {
                double jump = Math.abs(teacher.targetPotential(i, b) - teacher.targetPotential(i, b - 1));
                assertTrue(jump < 1.4, "neuron " + i + " bin " + b + " jumps " + jump + " mV");
            }
        }
    }

    @Test
    void sampledTargetRatesAreThePhiOfEveryOtherBin() {
        double[][] y = teacher.sampledTargetRates();
        assertEquals(13, y.length);
        assertEquals(1250, y[0].length);
        assertEquals(m.phi(teacher.targetPotential(4, 802)), y[4][401], 1e-15);
    }
}
