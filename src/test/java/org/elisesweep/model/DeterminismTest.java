package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reproducibility and independence of random streams (docs/model.md §9). */
class DeterminismTest {
    private static SimulationSpec small(long seed, ModelParams m) {
        ProtocolParams p = new ProtocolParams(60, 20, 8, 3, 10.0);
        Pattern pat = Pattern.fuerElise();
        return new SimulationSpec(m, p, pat, List.of(new Clamp("silence", 4, 0, 2500, 0, 12, 0)), seed);
    }

    private static ModelParams smallModel() {
        return ModelParams.defaults().toBuilder().nLat(15).build();
    }

    @Test
    void sameParametersAndSeedGiveBitIdenticalResults() {
        SimulationResult a = Simulation.run(small(11, smallModel()), SimulationListener.NONE);
        SimulationResult b = Simulation.run(small(11, smallModel()), SimulationListener.NONE);
        assertEquals(Status.OK, a.status());
        assertArrayEquals(a.curve().mse(), b.curve().mse());
        assertArrayEquals(a.curve().sumCorr(), b.curve().sumCorr());
        for (int k = 0; k < a.scenarios().size(); k++) {
            assertArrayEquals(a.scenarios().get(k).scores().mse(), b.scenarios().get(k).scores().mse());
            assertArrayEquals(a.scenarios().get(k).scores().bestShiftMs(), b.scenarios().get(k).scores().bestShiftMs());
        }
        assertEquals(a.weights(), b.weights());
    }

    @Test
    void anotherSeedGivesAnotherNetwork() {
        SimulationResult a = Simulation.run(small(11, smallModel()), SimulationListener.NONE);
        SimulationResult b = Simulation.run(small(12, smallModel()), SimulationListener.NONE);
        assertFalse(Arrays.equals(a.curve().mse(), b.curve().mse()));
    }

    @Test
    void delaysAreInRange() {
        ModelParams m = ModelParams.defaults();
        int minDen = Integer.MAX_VALUE;
        int maxDen = 0;
        for (long seed = 0; seed < 50; seed++) {
            Wiring w = Wiring.draw(m, 13, new RandomStreams(seed));
            for (int j = 0; j < w.neurons(); j++) {
                minDen = Math.min(minDen, w.dendriticDelay(j));
                maxDen = Math.max(maxDen, w.dendriticDelay(j));
                assertTrue(w.scaffoldDelay(j) >= 50 && w.scaffoldDelay(j) <= 150);
            }
        }
        assertEquals(50, minDen);
        assertEquals(150, maxDen);
    }

    @Test
    void changingOneSourceLeavesTheOtherStreamsAlone() {
        // common random numbers: the sparse mask has its own stream, so density changes neither
        // the delays, nor the scaffold, nor the initial weights of synapses that exist in both
        ModelParams dense = ModelParams.defaults().toBuilder().nLat(20).connectivity(Connectivity.SPARSE)
                .density(0.9).build();
        ModelParams sparse = dense.toBuilder().density(0.4).build();
        Network a = Network.create(dense, Pattern.fuerElise(), 10.0, 99);
        Network b = Network.create(sparse, Pattern.fuerElise(), 10.0, 99);
        for (int j = 0; j < 33; j++) {
            assertEquals(a.wiring().dendriticDelay(j), b.wiring().dendriticDelay(j));
            assertEquals(a.wiring().scaffoldDelay(j), b.wiring().scaffoldDelay(j));
            assertArrayEquals(a.wiring().scaffold().sourcesOf(j), b.wiring().scaffold().sourcesOf(j));
        }
        int shared = 0;
        for (int i = 0; i < 33; i++) {
            for (int j = 0; j < 33; j++) {
                if (a.wiring().hasSynapse(j, i) && b.wiring().hasSynapse(j, i)) {
                    shared++;
                    assertEquals(a.state().weight(i, j), b.state().weight(i, j), 0.0);
                }
            }
        }
        assertTrue(shared > 100);
    }

    @Test
    void namedStreamsAreIndependentOfEachOther() {
        RandomStreams s = new RandomStreams(5);
        long first = s.stream(RandomStreams.SCAFFOLD).nextLong();
        for (int k = 0; k < 1000; k++) {
            s.stream("noise").nextLong();
        }
        assertEquals(first, s.stream(RandomStreams.SCAFFOLD).nextLong());
        assertTrue(first != s.stream(RandomStreams.INITIAL_WEIGHTS).nextLong());
        assertTrue(first != new RandomStreams(6).stream(RandomStreams.SCAFFOLD).nextLong());
    }
}
