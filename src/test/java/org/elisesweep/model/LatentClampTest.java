package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clamps of a fraction of a population (the latent disturbance of docs/model.md §8) and train-once-disturb-many with noise. */
class LatentClampTest {
    private static final int N_LAT = 20;

    /** Every kind of noise that acts during replay, so that the checks also cover the noise state. */
    private static NoiseParams noisy() {
        return new NoiseParams(new NoiseParams.MembraneNoise(1.5, 5.0, 1.0, 0.0, NoisePhase.BOTH),
                new NoiseParams.TeacherNoise(1.0, 5.0, 1.0, NoisePhase.BOTH), NoiseParams.none().weights());
    }

    private static Network trainedBriefly(NoiseParams noise) {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(N_LAT).build();
        Network net = Network.create(m, Pattern.fuerElise(), 10.0, 8, noise);
        for (int c = 0; c < 3; c++) {
            assertEquals(-1, net.runCycle(true, null, null));
        }
        return net;
    }

    @Test
    void theChosenLatentsAreTheRequestedFractionOfTheRange() {
        Network net = trainedBriefly(NoiseParams.none());
        Clamp third = new Clamp("third", 4, 0, 100, Population.LATENT, 2, 16, 1.0 / 3, 0.0);
        int[] held = net.clampedNeurons(third);
        assertEquals(5, held.length);
        for (int k = 0; k < held.length; k++) {
            assertTrue(held[k] >= 13 + 2 && held[k] <= 13 + 16, "neuron " + held[k] + " outside the range");
            assertTrue(k == 0 || held[k] > held[k - 1], "ascending, distinct");
        }
        // a function of the seed and the range: the same for another scenario, nested across fractions
        assertArrayEquals(held, net.copy().clampedNeurons(new Clamp("other", 6, 5, 9, Population.LATENT, 2, 16,
                1.0 / 3, 15.0)));
        int[] twoThirds = net.clampedNeurons(new Clamp("more", 4, 0, 100, Population.LATENT, 2, 16, 2.0 / 3, 0.0));
        assertEquals(10, twoThirds.length);
        for (int i : held) {
            assertTrue(Arrays.binarySearch(twoThirds, i) >= 0, "neuron " + i + " of the smaller fraction");
        }
        assertArrayEquals(new int[] {13, 14, 15}, net.clampedNeurons(new Clamp("all", 4, 0, 100, Population.LATENT,
                0, 2, 1.0, 0.0)));
        assertEquals(0, net.clampedNeurons(new Clamp("empty", 4, 0, 100, Population.LATENT, 0, 2, 0.0, 0.0)).length);
        assertThrows(IllegalArgumentException.class, () -> net.clampedNeurons(new Clamp("big", 4, 0, 100,
                Population.LATENT, 0, N_LAT, 1.0, 0.0)));
    }

    /**
     * With membrane and teacher noise on (the clamp overrides the noisy update too): in every
     * step, exactly the chosen latents sit at E_l + offset inside the window and no neuron does
     * outside it; up to the window the run is bit-identical to an unclamped copy.
     */
    @Test
    void aLatentClampHoldsExactlyTheChosenLatentsInExactlyTheWindow() {
        Network net = trainedBriefly(noisy());
        Network free = net.copy();
        Clamp clamp = new Clamp("latents", 4, 1000, 1200, Population.LATENT, 0, N_LAT - 1, 0.3, 15.0);
        int[] held = net.clampedNeurons(clamp);
        assertEquals(6, held.length);
        double value = net.params().eL() + 15.0;
        int n = net.wiring().neurons();
        double[][] freeU = new double[net.teacher().cycleBins()][];
        free.runCycle(Phase.REPLAY, true, null, null, (b, s) -> freeU[b] = s.u.clone());
        int[] heldSteps = {0};
        net.runCycle(Phase.REPLAY, true, clamp, null, (b, s) -> {
            boolean window = b >= 1000 && b < 1200;
            for (int i = 0; i < n; i++) {
                boolean chosen = Arrays.binarySearch(held, i) >= 0;
                if (window && chosen) {
                    assertEquals(value, s.u[i], 0.0, "held neuron " + i + " at bin " + b);
                    heldSteps[0]++;
                } else {
                    assertTrue(s.u[i] != value, "neuron " + i + " at bin " + b + " must not be held");
                }
            }
            if (b < 1000) {
                assertArrayEquals(freeU[b], s.u, "nothing differs before the window (bin " + b + ")");
            }
        });
        assertEquals(200 * held.length, heldSteps[0]);
    }

    @Test
    void aDisturbedCopyLeavesTheOriginalAndItsNoiseUntouched() {
        Network trained = trainedBriefly(noisy());
        NetworkState snapshot = trained.state().copy();
        assertTrue(trained.state().sameAs(snapshot));
        Network disturbed = trained.copy();
        disturbed.perturbWeights(new NoiseParams.WeightNoise(0.1, WeightNoiseKind.ADDITIVE, 0.2));
        disturbed.runCycle(Phase.REPLAY, true, new Clamp("tonic", 4, 0, 2500, Population.LATENT, 0, N_LAT - 1, 0.5,
                15.0), null);
        assertTrue(trained.state().sameAs(snapshot), "the original, noise processes and streams included");
        assertTrue(trained.synapseMaskArray() == null, "the original keeps all its synapses");
        assertFalse(disturbed.state().noise.sameAs(snapshot.noise), "the copy drew its own noise");
        // an undisturbed copy replays exactly like the original: the same noise realisation
        Network again = trained.copy();
        trained.runCycle(Phase.REPLAY, true, null, null);
        again.runCycle(Phase.REPLAY, true, null, null);
        assertTrue(trained.state().sameAs(again.state()));
    }

    @Test
    void latentScenariosAreValidatedAgainstTheLatentPopulation() {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(N_LAT).build();
        ProtocolParams p = new ProtocolParams(20, 20, 8, 3, 10.0);
        Clamp tooFar = new Clamp("far", 4, 0, 2500, Population.LATENT, 0, N_LAT, 0.5, 0.0);
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> new SimulationSpec(m, p, Pattern.fuerElise(), List.of(tooFar), 1));
        assertTrue(e.getMessage().contains("replay.scenarios.far.last-neuron: must be < N_lat = 20"), e.getMessage());
        InvalidParametersException fraction = assertThrows(InvalidParametersException.class,
                () -> new Clamp("f", 4, 0, 2500, Population.LATENT, 0, 3, 1.5, 0.0));
        assertTrue(fraction.getMessage().contains("replay.scenarios.f.fraction: must be in [0.0, 1.0]"),
                fraction.getMessage());
    }
}
