package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Train once, disturb many; clamps; divergence as data. */
class ReplayScenarioTest {
    private static Network trainedBriefly() {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(10).build();
        Network net = Network.create(m, Pattern.fuerElise(), 10.0, 8);
        for (int c = 0; c < 4; c++) {
            net.runCycle(true, null, null);
        }
        return net;
    }

    @Test
    void disturbingACopyLeavesTheOriginalUntouched() {
        Network trained = trainedBriefly();
        NetworkState snapshot = trained.state().copy();
        Network disturbed = trained.copy();
        disturbed.runCycle(false, new Clamp("tonic", 4, 0, 2500, 0, 12, 15), null);
        assertTrue(trained.state().sameAs(snapshot));
        assertFalse(disturbed.state().sameAs(snapshot));
        // an undisturbed copy replays exactly like the original
        Network again = trained.copy();
        trained.runCycle(false, null, null);
        again.runCycle(false, null, null);
        assertTrue(trained.state().sameAs(again.state()));
    }

    @Test
    void clampHoldsExactlyTheChosenNeuronsInExactlyTheWindow() {
        Network net = trainedBriefly();
        Network free = net.copy();
        Clamp clamp = new Clamp("c", 4, 1000, 1200, 2, 5, 15);
        double[][] rec = new double[13][1250];
        double[][] freeRec = new double[13][1250];
        net.runCycle(false, clamp, rec);
        free.runCycle(false, null, freeRec);
        double clampedRate = net.params().phi(net.params().eL() + 15);
        for (int i = 0; i < 13; i++) {
            for (int k = 0; k < 1250; k++) {
                int bin = 2 * k;
                boolean held = i >= 2 && i <= 5 && bin >= 1000 && bin < 1200;
                if (held) {
                    assertEquals(clampedRate, rec[i][k], 0.0, "neuron " + i + " bin " + bin);
                } else if (bin < 1000) {
                    assertEquals(freeRec[i][k], rec[i][k], 0.0, "before the window nothing differs");
                }
            }
        }
        // after the window the clamped neurons integrate on from E_l + 15 rather than jump back
        assertTrue(Math.abs(rec[3][600] - freeRec[3][600]) > 1e-6);
    }

    @Test
    void divergenceIsReportedNotThrown() {
        // a huge time step makes forward Euler unstable (dt·conductance > 2)
        ModelParams m = ModelParams.defaults().toBuilder().nLat(10).dt(2.5).build();
        SimulationSpec spec = new SimulationSpec(m, new ProtocolParams(40, 20, 8, 3, 10.0), Pattern.fuerElise(),
                List.of(), 1);
        SimulationResult r = Simulation.run(spec, SimulationListener.NONE);
        assertEquals(Status.DIVERGED, r.status());
        assertTrue(r.message().contains("diverged at step"), r.message());
        assertTrue(r.steps() < spec.plannedSteps());
    }

    @Test
    void timeBudgetEndsTheRunAsTimeout() {
        SimulationSpec spec = new SimulationSpec(ModelParams.defaults(), ProtocolParams.defaults(),
                Pattern.fuerElise(), List.of(), 1);
        SimulationResult r = Simulation.run(spec, SimulationListener.NONE, 200_000_000L);
        assertEquals(Status.TIMEOUT, r.status());
        assertTrue(r.wallSeconds() < 5, "stopped after " + r.wallSeconds() + " s");
    }

    @Test
    void everyScenarioIsScoredAndClampsHaveRobustness() {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(10).build();
        SimulationSpec spec = new SimulationSpec(m, new ProtocolParams(40, 20, 10, 3, 10.0), Pattern.fuerElise(),
                Clamp.paperCases(13, 2500, 0.1), 2);
        SimulationResult r = Simulation.run(spec, SimulationListener.NONE);
        assertEquals(Status.OK, r.status(), r.message());
        assertEquals(5, r.scenarios().size());
        assertEquals(Clamp.UNDISTURBED, r.scenarios().get(0).name());
        assertEquals(6, r.scenarios().get(0).scores().cycles());   // cycles 3 … RC − 2
        for (ScenarioResult s : r.scenarios().subList(1, 5)) {
            assertNotNull(s.robustness(), s.name());
            // "before" comes from the undisturbed run's cycle before the clamp
            assertEquals(r.scenarios().get(0).scores().sumCorr()[0], s.robustness().sumCorrBefore(), 0.0);
        }
        for (ScenarioResult s : r.scenarios().subList(1, 5)) {
            Robustness rb = s.robustness();
            assertTrue(rb.recoveryCycles() == -1 || rb.recoveryCycles() >= 1, s.name());
            assertTrue(rb.phaseJumpMs() > -125 && rb.phaseJumpMs() <= 125, s.name());
        }
        assertEquals(2, r.curve().points());
    }
}
