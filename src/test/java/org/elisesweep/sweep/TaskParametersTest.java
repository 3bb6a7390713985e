package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.PatternGenerator;
import org.elisesweep.model.PatternRecipe;
import org.elisesweep.model.SimulationSpec;
import org.junit.jupiter.api.Test;

/** Generated patterns as parameters: `--set`, sweep-file axes, and their errors (docs/tasks.md). */
class TaskParametersTest {
    private static SimulationSpec parse(Map<String, Object> overrides) {
        return SimulationConfig.parse(ConfigFactory.parseMap(overrides), "--set");
    }

    private static List<String> problems(Map<String, Object> overrides) {
        return assertThrows(ConfigProblems.class, () -> parse(overrides)).problems();
    }

    @Test
    void aRandomPatternFromParametersIsTheRecipesAndIndependentOfTheSimulationSeed() {
        Map<String, Object> set = Map.of("pattern.generator", "random", "pattern.seed", 5, "pattern.neurons", 8,
                "pattern.steps", 20, "pattern.markov-order", 3, "seed", 11);
        SimulationSpec spec = parse(set);
        Pattern expected = new PatternRecipe(PatternGenerator.RANDOM, 5, 8, 20, 1, 2, 3, 4, 5, "A A B C A B D", 7)
                .generate();
        assertEquals(expected, spec.pattern());
        assertEquals(3, spec.pattern().markovOrder());
        Map<String, Object> otherSeed = new java.util.HashMap<>(set);
        otherSeed.put("seed", 12);
        assertEquals(expected, parse(otherSeed).pattern());
        assertEquals(expected, SimulationConfig.pattern(Map.of("pattern.generator", "random", "pattern.seed", 5L,
                "pattern.neurons", 8, "pattern.steps", 20, "pattern.markov-order", 3)));
    }

    @Test
    void theDefaultMotifIsTheBirdsongMockUp() {
        Pattern p = parse(Map.of("pattern.generator", "motif")).pattern();
        assertEquals(13, p.neurons());
        assertEquals(35, p.steps());      // A A B C A B D, 5 steps per syllable
        assertTrue(p.markovOrder() > 5);
    }

    @Test
    void impossibleRequestsAreRejectedBeforeAnythingRunsNamingThePath() {
        assertStartsWith("pattern.active-max: 14 active neurons per step, but pattern.neurons is 13",
                problems(Map.of("pattern.generator", "random", "pattern.active-max", 14)));
        assertStartsWith("pattern.markov-order: must be below pattern.steps",
                problems(Map.of("pattern.generator", "random", "pattern.markov-order", 25)));
        assertStartsWith("pattern.motif: a motif of 7 syllables of 200 steps is 1400 steps long",
                problems(Map.of("pattern.generator", "motif", "pattern.syllable-steps", 200)));
        assertStartsWith("pattern.syllables: must be ≥ 2 (got 0)",
                problems(Map.of("pattern.generator", "motif", "pattern.syllables", 0)));
        List<String> both = problems(Map.of("pattern.generator", "random", "pattern.active-max", 14,
                "pattern.markov-order", 25));
        assertStartsWith("pattern.active-max: 14 active", both);
        assertStartsWith("pattern.markov-order: must be below pattern.steps", both);
        assertStartsWith("pattern.generator: is random, which makes the pattern; leave pattern.source and",
                problems(Map.of("pattern.generator", "random", "pattern.inline", "0101\n1010\n")));
    }

    @Test
    void generatorParametersAreSweepAxesAndABadCombinationIsNamedAtPlanning() {
        SweepPlan plan = SweepFile.parse(ConfigFactory.parseString("""
                name = t
                base { pattern.generator = random, pattern.neurons = 6, training.cycles = 20, replay.cycles = 5, replay.scenarios = [] }
                axes = [
                  { path = pattern.steps, values = [8, 12] }
                  { path = pattern.markov-order, values = [1, 3] }
                  { path = pattern.seed, values = [1, 2] }
                ]
                """), "test", Path.of("."));
        assertEquals(8, plan.points().size());
        Set<Pattern> patterns = new HashSet<>();
        for (PlannedRun run : plan.runs()) {
            Pattern p = run.spec().pattern();
            assertEquals(run.parameters().get("pattern.steps"), p.steps());
            assertEquals(run.parameters().get("pattern.markov-order"), p.markovOrder());
            patterns.add(p);
        }
        assertEquals(8, patterns.size());
        String message = assertThrows(ConfigProblems.class, () -> SweepFile.parse(ConfigFactory.parseString("""
                name = t
                base { pattern.generator = random, pattern.steps = 10, replay.scenarios = [] }
                axes = [ { path = pattern.markov-order, values = [3, 10] } ]
                """), "test", Path.of("."))).getMessage();
        assertTrue(message.contains("pattern.markov-order = 10: pattern.markov-order: must be below pattern.steps"),
                message);
    }

    private static void assertStartsWith(String prefix, List<String> problems) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(prefix)), "no problem starts with '" + prefix + "': "
                + problems);
    }
}
