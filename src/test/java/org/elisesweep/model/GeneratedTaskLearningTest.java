package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small generated task is learned in ELiSe mode and not in reservoir mode: LearningTest's
 * cut-down setting (40 latents, learning rates ×20 the paper's, 2500 training cycles, 20 replay
 * cycles) on a random pattern of 5 neurons × 10 steps, one active per step, Markov order exactly 3
 * (pattern.seed 1), instead of the hand-made melody.
 */
class GeneratedTaskLearningTest {
    static final PatternRecipe TASK = new PatternRecipe(PatternGenerator.RANDOM, 1, 5, 10, 1, 1, 3, 4, 5, "", 7);

    static SimulationResult train(Mode mode, Pattern pattern) {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(LearningTest.N_LAT).mode(mode)
                .etaVis(LearningTest.ETA_VIS).etaLat(LearningTest.ETA_LAT).build();
        SimulationSpec spec = new SimulationSpec(m,
                new ProtocolParams(LearningTest.TRAINING_CYCLES, 20, LearningTest.REPLAY_CYCLES, 3, 10.0), pattern,
                List.of(), LearningTest.SEED);
        SimulationResult r = Simulation.run(spec, SimulationListener.NONE);
        assertEquals(Status.OK, r.status(), r.message());
        return r;
    }

    @Test
    void aGeneratedTaskIsLearnedByEliseAndNotByTheReservoir() {
        Pattern pattern = TASK.generate();
        assertEquals(3, pattern.markovOrder());
        int n = pattern.neurons();
        SimulationResult elise = train(Mode.ELISE, pattern);
        SimulationResult reservoir = train(Mode.RESERVOIR, pattern);
        ReplayScores e = elise.scenarios().get(0).scores();
        ReplayScores r = reservoir.scenarios().get(0).scores();
        String report = String.format("elise: learned at %d, final %.3f, replay mean %.3f min %.3f; reservoir: learned"
                        + " at %d, final %.3f, replay mean %.3f final %.3f (Σcorr / N_vis)",
                elise.curve().learnedAtCycle(n), elise.curve().finalSumCorr() / n, e.meanSumCorr() / n,
                e.minSumCorr() / n, reservoir.curve().learnedAtCycle(n), reservoir.curve().finalSumCorr() / n,
                r.meanSumCorr() / n, r.finalSumCorr() / n);
        System.out.println(report);
        assertTrue(elise.curve().learnedAtCycle(n) >= 0, report);
        assertTrue(e.meanSumCorr() / n >= 0.75, report);
        assertTrue(e.minSumCorr() / n >= 0.7, report);
        assertEquals(-1, reservoir.curve().learnedAtCycle(n), report);
        assertTrue(r.meanSumCorr() / n < 0.4, report);
    }
}
