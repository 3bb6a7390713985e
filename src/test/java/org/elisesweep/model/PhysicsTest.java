package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Fixed points of the dynamics (docs/model.md §3) reached by the real step loop. */
class PhysicsTest {
    /** One visible neuron that is always on (constant target), a few latents, no learning. */
    private static Network constantTask(double weightSd, double eta, Mode mode) {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(3).weightSd(weightSd).etaVis(eta).etaLat(eta)
                .mode(mode).build();
        return Network.create(m, Pattern.parse("test", "1111\n0000\n"), 10.0, 3);
    }

    private static void settle(Network net, boolean teacherOn, int cycles) {
        for (int c = 0; c < cycles; c++) {
            assertEquals(-1, net.runCycle(teacherOn, null, null));
        }
    }

    @Test
    void nudgedSomaSettlesBetweenDendriticPredictionAndTarget() {
        Network net = constantTask(0.8, 0.0, Mode.ELISE);
        settle(net, true, 40);
        ModelParams m = net.params();
        NetworkState s = net.state();
        for (int i = 0; i < 2; i++) {
            double vStar = (m.gL() * m.eL() + m.gDen() * s.v[i]) / (m.gL() + m.gDen());
            double uTarget = net.teacher().targetPotential(i, 0);
            double expected = (1 - m.lambda()) * vStar + m.lambda() * uTarget;
            assertEquals(expected, s.u[i], 1e-9, "visible neuron " + i);
        }
        // the two visible neurons have different targets, so the check is not trivially E_l
        assertTrue(Math.abs(s.u[0] - s.u[1]) > 5);
    }

    @Test
    void freeSomaSettlesAtTheDendriticPrediction() {
        Network net = constantTask(0.8, 0.0, Mode.ELISE);
        settle(net, false, 40);
        ModelParams m = net.params();
        NetworkState s = net.state();
        double vStar = (m.gL() * m.eL() + m.gDen() * s.v[0]) / (m.gL() + m.gDen());
        assertEquals(vStar, s.u[0], 1e-9);
    }

    @Test
    void dendriteSettlesAtRestPlusWeightedDelayedRates() {
        Network net = constantTask(0.8, 0.0, Mode.ELISE);
        settle(net, true, 40);
        NetworkState s = net.state();
        int n = s.neurons();
        double largestShift = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += s.weight(i, j) * s.rate[j];   // at rest r^d = r
            }
            assertEquals(net.params().eL() + sum, s.v[i], 1e-9, "neuron " + i);
            largestShift = Math.max(largestShift, Math.abs(sum));
        }
        assertTrue(largestShift > 0.1, "weights must move some dendrite away from E_l");
    }

    @Test
    void presynapticTraceSettlesAtItsSteadyState() {
        Network net = constantTask(0.8, 0.0, Mode.ELISE);
        settle(net, true, 40);
        ModelParams m = net.params();
        NetworkState s = net.state();
        for (int j = 0; j < s.neurons(); j++) {
            assertEquals(m.gDen() / (m.gL() + m.gDen()) * s.rate[j], s.trace[j], 1e-12);
        }
    }

    @Test
    void learningStopsWhereRateEqualsDendriticPrediction() {
        // soma-only: latents have no dendrite, so only visible synapses learn; with the teacher off,
        // each visible soma relaxes to v*, r → r*, and the weights stop changing
        Network net = constantTask(0.8, 1e-3, Mode.SOMA_ONLY);
        settle(net, true, 20);
        double nudgedChange = weightChangeOverOneCycle(net, true);
        settle(net, false, 60);
        double freeChange = weightChangeOverOneCycle(net, false);
        assertTrue(nudgedChange > 1e-4, "nudging must drive learning: " + nudgedChange);
        assertTrue(freeChange < 1e-10, "free weights still change by " + freeChange);
    }

    private static double weightChangeOverOneCycle(Network net, boolean teacherOn) {
        NetworkState before = net.state().copy();
        net.runCycle(teacherOn, null, null);
        double change = 0;
        for (int i = 0; i < before.neurons(); i++) {
            for (int j = 0; j < before.neurons(); j++) {
                change += Math.abs(net.state().weight(i, j) - before.weight(i, j));
            }
        }
        return change;
    }

    @Test
    void noSelfConnectionsAndSilentSynapsesStayZero() {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(20).connectivity(Connectivity.SPARSE).density(0.3)
                .build();
        Network net = Network.create(m, Pattern.fuerElise(), 10.0, 5);
        for (int c = 0; c < 3; c++) {
            net.runCycle(true, null, null);
        }
        NetworkState s = net.state();
        int absent = 0;
        for (int i = 0; i < s.neurons(); i++) {
            assertEquals(0.0, s.weight(i, i), 0.0);
            for (int j = 0; j < s.neurons(); j++) {
                if (!net.wiring().hasSynapse(j, i)) {
                    absent++;
                    assertEquals(0.0, s.weight(i, j), 0.0);
                }
            }
        }
        assertTrue(absent > 0.5 * 33 * 33, "density 0.3 must leave most synapses out: " + absent);
    }
}
