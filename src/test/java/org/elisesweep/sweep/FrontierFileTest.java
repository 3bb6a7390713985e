package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The frontier section of a sweep file: what it plans, and every kind of bad input, each named by its path. */
class FrontierFileTest {
    static final String FILE = """
            name = f
            base { training.cycles = 40, replay.cycles = 8 }
            axes = [ { path = model.n-lat, values = [6, 8] }, { path = model.lambda, values = [0.5, 0.6, 0.7] } ]
            frontier {
              path = noise.weights.delete-fraction
              from = 0, to = 1
              criterion = "replay_mean_sumcorr / n_vis >= 0.8"
              precision = 0.05
              replicates = 3
            }
            """;

    static FrontierPlan plan(String hocon) {
        return FrontierFile.parse(ConfigFactory.parseString(hocon), "test", Path.of("."));
    }

    static String problems(String hocon) {
        return assertThrows(ConfigProblems.class, () -> plan(hocon)).getMessage();
    }

    @Test
    void theOtherAxesMakeTheConfigurationsAndProbesAreOrdinaryPointsWithCommonSeeds() {
        FrontierPlan plan = plan(FILE);
        assertEquals(6, plan.configurations().size());
        assertEquals(List.of("model.lambda", "model.n-lat"), List.copyOf(plan.varyingPaths()));
        FrontierSpec spec = plan.spec();
        assertEquals("noise.weights.delete-fraction", spec.path());
        assertEquals(3, spec.replicates());
        assertTrue(spec.passesBelow());
        FrontierPlan.Configuration c = plan.configurations().get(1);
        assertEquals(6, c.parameters().get("model.n-lat"));
        assertEquals(0.6, c.parameters().get("model.lambda"));
        SweepPoint probe = plan.probe(c, 0.25);
        assertEquals(0.25, probe.parameters().get("noise.weights.delete-fraction"));
        assertEquals(SweepPoint.idOf(probe.parameters()), probe.pointId());
        assertNotEquals(probe.pointId(), plan.probe(plan.configurations().get(2), 0.25).pointId());
        SweepPlan round = plan.sweepOf(List.of(probe, plan.probe(plan.configurations().get(2), 0.25)));
        assertEquals(6, round.simulations());
        // common random numbers: replicate k has the same seed in every configuration
        assertEquals(round.runs().get(0).seed(), round.runs().get(3).seed());
        assertEquals(2 * 5, plan.firstRound().points().size() / 3, "5 first-round probes per configuration");
        // the whole file counts for the config hash, frontier section included
        assertNotEquals(plan.sweepOf(List.of()).configHash(),
                plan(FILE.replace("precision = 0.05", "precision = 0.04")).sweepOf(List.of()).configHash());
    }

    @Test
    void aWholeNumberParameterIsProbedAtWholeNumbers() {
        FrontierPlan plan = plan("""
                name = w
                frontier { path = model.n-lat, from = 4, to = 40, passes = above, criterion = "final_mse < 1", precision = 2 }
                """);
        assertTrue(plan.spec().wholeNumbers());
        assertEquals(1, plan.configurations().size());
        assertEquals(7.0, plan.spec().snap(6.6));
        assertEquals(7, plan.probe(plan.configurations().get(0), 7).parameters().get("model.n-lat"));
    }

    static Stream<Arguments> badInput() {
        String f = "name = b\n";
        String crit = "criterion = \"final_mse < 1\"";
        return Stream.of(
                Arguments.of(f + "frontier { path = noise.weights.delete-fractoin, from = 0, to = 1, " + crit
                        + ", precision = 0.1 }", "frontier.path: unknown parameter 'noise.weights.delete-fractoin'; did"
                        + " you mean 'noise.weights.delete-fraction'?"),
                Arguments.of(f + "frontier { path = noise.membrane.phase, from = 0, to = 1, " + crit + ", precision = 0.1 }",
                        "frontier.path: noise.membrane.phase is not a number"),
                Arguments.of(f + "frontier { path = model.n-lat, from = 4, to = 40, " + crit + ", precision = 0.5 }",
                        "frontier.precision: model.n-lat takes whole numbers only"),
                Arguments.of(f + "frontier { path = model.n-lat, from = 4, to = 40, " + crit
                        + ", relative-precision = 0.1 }", "frontier.relative-precision: model.n-lat takes whole numbers only"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.7, to = 0.7, " + crit + ", precision = 0.1 }",
                        "frontier.to: must be greater than from (0.7), got 0.7: the range is empty"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + ", precision = 0.5 }",
                        "frontier.precision: 0.5 is not smaller than the range"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + " }",
                        "frontier: needs exactly one of precision"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.5, to = 0.7, precision = 0.01 }",
                        "frontier.criterion: missing"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + ", precision = 0.01,"
                        + " replicates = 4, probes = 3, max-simulations = 19 }", "frontier.max-simulations: 19 is below one"
                        + " round: the first round of each configuration runs (probes + 2) × replicates = 20 simulations"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + ", precision = 0.01,"
                        + " max-rounds = 0 }", "frontier.max-rounds: must be ≥ 1, got 0"),
                Arguments.of(f + "axes = [ { path = model.n-lat, values = [6] }, { zip = [ { path = model.lambda, values = [0.5, 0.6] },"
                        + " { path = model.eta-lat, values = [1e-3, 2e-3] } ] } ]\n"
                        + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + ", precision = 0.01 }",
                        "axes[1].zip[0].path: model.lambda is the parameter frontier.path searches; it cannot also be on an axis"),
                Arguments.of(f + "frontier { path = model.lambda, from = -3, to = 0.7, " + crit + ", precision = 0.01 }",
                        "frontier.from (model.lambda = -3.0): model.lambda: must be in"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + ", precision = 0.01,"
                        + " passes = left }", "frontier.passes: 'left' is not allowed; use one of below, above"),
                Arguments.of(f + "replicates = 3\nfrontier { path = model.lambda, from = 0.5, to = 0.7, " + crit
                        + ", precision = 0.01 }", "replicates: a frontier sweep sets the replicates of each probe in"
                        + " frontier.replicates"),
                Arguments.of(f + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + ", precision = 0.01,"
                        + " step = 2 }", "frontier.step: unknown key"),
                Arguments.of(f + "sensitivity { method = morris, n = 4, levels = 4, outputs = [final_mse], ranges = ["
                        + " { path = model.eta-lat, from = 1e-3, to = 2e-3 } ] }\n"
                        + "frontier { path = model.lambda, from = 0.5, to = 0.7, " + crit + ", precision = 0.01 }",
                        "sensitivity: a sweep file is either a frontier search or a sensitivity design, not both"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsRefusedNamingItsPath(String hocon, String expected) {
        String message = problems(hocon);
        assertTrue(message.contains(expected), "expected «" + expected + "» in:\n" + message);
    }

    @Test
    void theReadyFrontierFilesAreValid() throws java.io.IOException {
        try (Stream<Path> files = java.nio.file.Files.list(Path.of("conf/frontiers"))) {
            List<Path> confs = files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
            assertEquals(3, confs.size(), confs.toString());
            for (Path conf : confs) {
                FrontierPlan plan = FrontierFile.load(conf);
                assertEquals(3, plan.configurations().size(), conf.toString());
                assertTrue(FrontierFile.declaresFrontier(conf));
            }
        }
        assertTrue(!FrontierFile.declaresFrontier(Path.of("conf/quickstart.conf")));
    }

    @Test
    void problemsOfTheSectionAndOfTheRestOfTheFileComeTogether() {
        String message = problems(FILE.replace("to = 1", "to = 0").replace("training.cycles = 40", "training.cycles = -1"));
        assertTrue(message.contains("frontier.to: must be greater than from"), message);
        assertTrue(message.contains("training.cycles"), message);
    }
}
