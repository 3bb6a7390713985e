package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elisesweep.model.Clamp;
import org.elisesweep.model.Mode;
import org.elisesweep.model.NoiseParams;
import org.elisesweep.model.NoisePhase;
import org.elisesweep.model.Population;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.WeightNoiseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every invalid input is rejected before simulating, with the path and what is allowed. */
class SimulationConfigTest {
    private static SimulationSpec parse(String hocon) {
        return SimulationConfig.parse(ConfigFactory.parseString(hocon), "test");
    }

    private static String problems(String hocon) {
        return assertThrows(ConfigProblems.class, () -> parse(hocon)).getMessage();
    }

    @Test
    void defaultsAreThePapers() {
        SimulationSpec s = parse("");
        assertEquals(50, s.model().nLat());
        assertEquals(13, s.pattern().neurons());
        assertEquals(10_000, s.protocol().trainingCycles());
        assertEquals(4, s.clamps().size());
        assertEquals(0.6, s.model().lambda());
        assertEquals(NoiseParams.none(), s.noise());
    }

    @Test
    void noiseParametersReachTheRecords() {
        SimulationSpec s = parse("noise.membrane { sigma = 2.5, tau = 8, dendrite-sigma = 1.0, phase = replay }\n"
                + "noise.teacher { sigma = 1.5, tau = 3.0, jitter-ms = 2.0, phase = training }\n"
                + "noise.weights { sigma = 0.1, kind = multiplicative, delete-fraction = 0.25 }");
        NoiseParams n = s.noise();
        assertEquals(new NoiseParams.MembraneNoise(2.5, 8.0, 1.0, 0.0, NoisePhase.REPLAY), n.membrane());
        assertEquals(8.0, n.membrane().effectiveDendriteTau());
        assertEquals(new NoiseParams.TeacherNoise(1.5, 3.0, 2.0, NoisePhase.TRAINING), n.teacher());
        assertEquals(new NoiseParams.WeightNoise(0.1, WeightNoiseKind.MULTIPLICATIVE, 0.25), n.weights());
    }

    @Test
    void latentScenariosReachTheRecords() {
        SimulationSpec s = parse("model.n-lat = 30\nreplay.scenarios = [{name = lat, population = latent, "
                + "fraction = 0.5, from-ms = 90, to-ms = 150, offset-mv = 15}, {name = vis, last-neuron = 3}]");
        Clamp lat = s.clamps().get(0);
        assertEquals(Population.LATENT, lat.population());
        assertEquals(0.5, lat.fraction());
        assertEquals(29, lat.lastNeuron(), "the latent range defaults to the whole latent population");
        assertEquals(900, lat.fromBin());
        Clamp vis = s.clamps().get(1);
        assertEquals(Population.VISIBLE, vis.population());
        assertEquals(1.0, vis.fraction());
    }

    @Test
    void overridesReachTheRecords() {
        SimulationSpec s = parse("training.cycles = 3000\nmodel { n-lat = 30, mode = reservoir }\nseed = 7\n"
                + "replay.scenarios = [tonic-cycle, {name = late, cycle = 6, from-ms = 10, to-ms = 20, offset-mv = 5}]");
        assertEquals(3000, s.protocol().trainingCycles());
        assertEquals(30, s.model().nLat());
        assertEquals(Mode.RESERVOIR, s.model().mode());
        assertEquals(7, s.seed());
        assertEquals("late", s.clamps().get(1).name());
        assertEquals(100, s.clamps().get(1).fromBin());
        assertEquals(200, s.clamps().get(1).toBin());
        assertEquals(12, s.clamps().get(1).lastNeuron());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "model.n-lat = 0                      | model.n-lat: must be ≥ 1",
        "model.n-lat = -5                     | model.n-lat: must be ≥ 1",
        "training.cycles = 0                  | training.cycles: must be ≥ 1",
        "replay.cycles = 2                    | replay.cycles: must be ≥ 5",
        "model.lambda = 1.0                   | model.lambda: must be in [0.0, 1.0)",
        "model.lambda = -0.1                  | model.lambda: must be in [0.0, 1.0)",
        "model.eta-vis = -1e-4                | model.eta-vis: must be a finite number ≥ 0",
        "model.eta-lat = -1                   | model.eta-lat: must be a finite number ≥ 0",
        "model.scaffold.p = 1.5               | model.scaffold.p: must be in [0.0, 1.0)",
        "model.scaffold.q = -0.2              | model.scaffold.q: must be in [0.0, 1.0]",
        "model.scaffold.p0 = 2                | model.scaffold.p0: must be in [0.0, 1.0]",
        "model { connectivity = sparse, density = 0 }   | model.density: must be in",
        "model { connectivity = sparse, density = 1.5 } | model.density: must be in",
        "model.dt = 0                         | model.dt: must be a finite number > 0",
        "model.mode = dendritic               | model.mode: 'dendritic' is not allowed; use one of elise, reservoir, soma-only",
        "model.n-lat = many                   | model.n-lat: expected a whole number, found \"many\"",
        "model.n-lat = 20.5                   | model.n-lat: expected a whole number, found 20.5",
        "model.scaffold = 2                   | model.scaffold: is a group of parameters, not a value",
        "model.n-lats = 30                    | model.n-lats: unknown parameter; did you mean 'model.n-lat'?",
        "trainig.cycles = 30                  | trainig.cycles: unknown parameter; did you mean 'training.cycles'?",
        "replay.scenarios = [silence]         | replay.scenarios[0]: unknown scenario 'silence'",
        "replay.scenarios = [{name = x, cycel = 4}] | replay.scenarios[0].cycel: unknown scenario key; did you mean 'cycle'?",
        "replay.scenarios = [{name = x, cycle = 1}] | replay.scenarios.x.cycle: must be in [4, 98]",
        "replay.scenarios = [{name = x, last-neuron = 13}] | replay.scenarios.x.last-neuron: must be < N_vis = 13",
        "pattern.source = no/such/file.txt    | pattern.source: pattern no/such/file.txt: is neither a built-in pattern",
        "noise.membrane.sigma = -1            | noise.membrane.sigma: must be a finite number ≥ 0",
        "noise.membrane.tau = 0               | noise.membrane.tau: must be a finite number > 0",
        "noise.membrane.tau = -5.0            | noise.membrane.tau: must be a finite number > 0",
        "noise.membrane.dendrite-sigma = -0.5 | noise.membrane.dendrite-sigma: must be a finite number ≥ 0",
        "noise.membrane.dendrite-tau = -1     | noise.membrane.dendrite-tau: must be a finite number ≥ 0",
        "noise.membrane.phase = always        | noise.membrane.phase: 'always' is not allowed; use one of training, replay, both",
        "noise.membrane.sigma = loud          | noise.membrane.sigma: expected a number, found \"loud\"",
        "noise.teacher.sigma = -0.1           | noise.teacher.sigma: must be a finite number ≥ 0",
        "noise.teacher.tau = 0.0              | noise.teacher.tau: must be a finite number > 0",
        "noise.teacher.jitter-ms = -1         | noise.teacher.jitter-ms: must be a finite number ≥ 0",
        "noise.teacher.jitter-ms = 5.0        | noise.teacher.jitter-ms: must be below half a pattern step, 5.0 ms",
        "noise.teacher.phase = replays        | noise.teacher.phase: 'replays' is not allowed; use one of training, replay, both",
        "noise.weights.sigma = -0.2           | noise.weights.sigma: must be a finite number ≥ 0",
        "noise.weights.kind = additiv         | noise.weights.kind: 'additiv' is not allowed; use one of additive, multiplicative",
        "noise.weights.delete-fraction = 1.5  | noise.weights.delete-fraction: must be in [0.0, 1.0]",
        "noise.weights.delete-fraction = -0.1 | noise.weights.delete-fraction: must be in [0.0, 1.0]",
        "noise.membrane = 1                   | noise.membrane: is a group of parameters, not a value",
        "noise.membrane.sigmaa = 1            | noise.membrane.sigmaa: unknown parameter; did you mean 'noise.membrane.sigma'?",
        "replay.scenarios = [{name = x, population = hidden}] | replay.scenarios[0].population: 'hidden' is not allowed; use one of visible, latent",
        "replay.scenarios = [{name = x, fraction = 1.5}]      | replay.scenarios.x.fraction: must be in [0.0, 1.0]",
        "replay.scenarios = [{name = x, fraction = -0.5}]     | replay.scenarios.x.fraction: must be in [0.0, 1.0]",
        "replay.scenarios = [{name = x, population = latent, last-neuron = 50}] | replay.scenarios.x.last-neuron: must be < N_lat = 50",
        "replay.scenarios = [{name = x, fractoin = 0.5}]      | replay.scenarios[0].fractoin: unknown scenario key; did you mean 'fraction'?",
    })
    void eachInvalidValueIsNamedWithWhatIsAllowed(String hocon, String expected) {
        String message = problems(hocon);
        assertTrue(message.contains(expected.strip()), message);
    }

    @Test
    void anInlinePatternReplacesTheSource() {
        SimulationSpec s = parse("pattern.inline = \"110\\n011\\n\"\nreplay.scenarios = []");
        assertEquals(2, s.pattern().neurons());
        assertEquals(3, s.pattern().steps());
        assertTrue(problems("pattern.inline = \"12\"").contains("pattern.inline: pattern fuer_elise: line 1: '2'"));
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        String message = problems("model { n-lat = 0, lambda = 2, eta-vis = -1 }\ntraining.cycles = 0\nfoo = 1");
        assertTrue(message.startsWith("test: 5 problems"), message);
    }

    @Test
    void patternFilesAreCheckedForShape(@TempDir Path dir) throws Exception {
        Path ragged = dir.resolve("ragged.txt");
        Files.writeString(ragged, "# two notes\n0101\n011\n");
        assertTrue(problems("pattern.source = \"" + ragged + "\"").contains("line 3 has 3 steps but line 2 has 4"));
        Path letters = dir.resolve("letters.txt");
        Files.writeString(letters, "0102\n");
        assertTrue(problems("pattern.source = \"" + letters + "\"").contains("'2' at step 4; only 0 and 1 are allowed"));
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# nothing\n\n");
        assertTrue(problems("pattern.source = \"" + empty + "\"").contains("contains no rows"));
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "0 1 0 1\n1 0 1 0\n0 0 1 1\n");
        SimulationSpec s = parse("pattern.source = \"" + good + "\"\nreplay.scenarios = [silence-cycle]");
        assertEquals(3, s.pattern().neurons());
        assertEquals(4, s.pattern().steps());
        assertEquals(2, s.clamps().get(0).lastNeuron());
        // the paper's 90–150 ms window does not fit in a 40-ms cycle
        assertTrue(problems("pattern.source = \"" + good + "\"\nreplay.scenarios = [tonic-window]")
                .contains("replay.scenarios.tonic-window: needs a cycle of at least 150 ms"));
    }
}
