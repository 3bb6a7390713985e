package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End-to-end learning: a small task learns to replay in ELiSe mode within a test-sized budget,
 * and the same task (same seed, same rates, same budget) fails in reservoir mode, where the
 * latent dendrites keep their random weights (docs/model.md §1, §7).
 *
 * <p>The task is cut down so that it runs in seconds: 5 visible and 40 latent neurons, a
 * 10-step (100 ms) non-Markovian melody 0 1 0 1 0 2 3 4 2 3 (note 0 is followed by 1, 1 and
 * then 2; note 3 by 4 and then, wrapping, by 0), 2500 training cycles, 20 replay cycles (3
 * re-aligning, 17 free, of which 16 are scored). To learn within 2500 cycles the learning
 * rates are ×20 the paper's (η_vis = 2e-3, η_lat = 2e-2 per step, the paper's 1:10 ratio
 * kept); everything else is the default.
 *
 * <p>Measured while choosing these settings (Σcorr divided by N_vis = 5):
 * <pre>
 *                         seed 1 (used here)    seeds 1–10
 * ELiSe     learned at     cycle 780             540 … 1700 (10/10 learned)
 *           final valid.   0.953                 0.822 … 0.977
 *           replay mean    0.964                 0.819 … 0.990
 *           replay min     0.954                 0.715 … 0.985 (9/10 ≥ 0.87)
 * reservoir learned at     never                 never (0/10)
 *           final valid.   0.142                 0.001 … 0.360
 *           replay mean    0.138                 0.001 … 0.138
 *           replay final   0.000 (silent)        0.000 for all 10
 * </pre>
 * The same rates ×10 with 4000 cycles behave alike (10/10 learn, replay min ≥ 0.879) but cost
 * 60 % more. With N_lat = 30 instead of 40, one or two of eight seeds do not replay reliably
 * (replay min Σcorr/N 0.24–0.34, even after 8000 cycles). The thresholds below sit roughly
 * halfway between the measured values and failure, not at the measured values.
 *
 * <p>Cost, single-threaded: about 3 s per case with C2; with C1 only
 * ({@code -XX:TieredStopAtLevel=1}, the surefire argLine) about 7–9 s, more on a loaded
 * machine. Results are bit-identical under both.
 */
class LearningTest {
    /** Rows are visible neurons, columns the 10 steps of 10 ms: melody 0 1 0 1 0 2 3 4 2 3. */
    static final String MELODY = """
            1010100000
            0101000000
            0000010010
            0000001001
            0000000100
            """;
    static final int N_LAT = 40;
    static final double ETA_VIS = 2e-3;
    static final double ETA_LAT = 2e-2;
    static final int TRAINING_CYCLES = 2500;
    static final int REPLAY_CYCLES = 20;
    static final long SEED = 1;

    static SimulationResult train(Mode mode) {
        ModelParams m = ModelParams.defaults().toBuilder()
                .nLat(N_LAT).mode(mode).etaVis(ETA_VIS).etaLat(ETA_LAT).build();
        SimulationSpec spec = new SimulationSpec(m,
                new ProtocolParams(TRAINING_CYCLES, 20, REPLAY_CYCLES, 3, 10.0),
                Pattern.parse("melody-5x10", MELODY), List.of(), SEED);
        SimulationResult r = Simulation.run(spec, SimulationListener.NONE);
        assertEquals(Status.OK, r.status(), r.message());
        return r;
    }

    @Test
    void eliseLearnsASmallNonMarkovianMelodyAndReplaysIt() {
        SimulationResult r = train(Mode.ELISE);
        int n = 5;
        LearningCurve curve = r.curve();
        ReplayScores replay = r.scenarios().get(0).scores();
        assertNotNull(replay);
        String report = String.format("learned at %d, final validation Σcorr/N %.3f, replay Σcorr/N mean %.3f min %.3f",
                curve.learnedAtCycle(n), curve.finalSumCorr() / n, replay.meanSumCorr() / n, replay.minSumCorr() / n);

        // measured: cycle 780 (seeds 1–10: 540 … 1700, all ≥ 0)
        assertTrue(curve.learnedAtCycle(n) >= 0, "never reached Σcorr ≥ 0.9·N in validation; " + report);
        // measured 0.953 (seeds 1–10: ≥ 0.822); resting output scores 0
        assertTrue(curve.finalSumCorr() / n >= 0.6, report);
        // measured 0.964 / 0.954 (seeds 1–10: ≥ 0.819 / ≥ 0.715): replay holds in every scored free cycle
        assertTrue(replay.meanSumCorr() / n >= 0.75, report);
        assertTrue(replay.minSumCorr() / n >= 0.7, report);
        assertEquals(REPLAY_CYCLES - 1 - 3, replay.cycles(), "scored free replay cycles");
    }

    @Test
    void reservoirFailsTheSameTask() {
        SimulationResult r = train(Mode.RESERVOIR);
        int n = 5;
        LearningCurve curve = r.curve();
        ReplayScores replay = r.scenarios().get(0).scores();
        assertNotNull(replay);
        String report = String.format("learned at %d, final validation Σcorr/N %.3f, replay Σcorr/N mean %.3f final %.3f",
                curve.learnedAtCycle(n), curve.finalSumCorr() / n, replay.meanSumCorr() / n, replay.finalSumCorr() / n);

        // measured: never (0 of 10 seeds)
        assertEquals(-1, curve.learnedAtCycle(n), report);
        // measured 0.142 (seeds 1–10: ≤ 0.360), against ELiSe's 0.953
        assertTrue(curve.finalSumCorr() / n < 0.5, report);
        // measured 0.138 (seeds 1–10: ≤ 0.138), against ELiSe's 0.964
        assertTrue(replay.meanSumCorr() / n < 0.4, report);
        // measured 0.000: the free replay dies out (seeds 1–10: all 0.000), against ELiSe's 0.96
        assertTrue(replay.finalSumCorr() / n < 0.3, report);
    }
}
