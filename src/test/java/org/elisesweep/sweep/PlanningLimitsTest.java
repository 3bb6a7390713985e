package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counts too large for a plan are refused, naming their path and the limit, before anything is
 * allocated for them. Each oversized count here would need gigabytes (a billion doubles, rows or
 * runs) if it were built first, more than the test JVM's heap, so building it first fails the test
 * with an OutOfMemoryError; the timeout only guards against a hang.
 */
class PlanningLimitsTest {
    private static final String NAME = "name = t\n";
    private static final String POINT_LIMIT = "more than the 1000000 a sweep file may have; split it into several sweeps";
    private static final String BILLION = "1000000000";

    static Stream<Arguments> oversized() {
        return Stream.of(
            Arguments.of("linear count", NAME + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.9, count = "
                    + BILLION + " } }]", "axes[0].linear.count: " + BILLION + " points is " + POINT_LIMIT),
            Arguments.of("log count", NAME + "axes = [{ path = model.g-den, log { from = 1, to = 3, count = "
                    + BILLION + " } }]", "axes[0].log.count: " + BILLION + " points is " + POINT_LIMIT),
            Arguments.of("random sampler count", sample("random", BILLION), "axes[0].count: " + BILLION + " points is "
                    + POINT_LIMIT),
            Arguments.of("latin-hypercube sampler count", sample("latin-hypercube", BILLION),
                    "axes[0].count: " + BILLION + " points is " + POINT_LIMIT),
            Arguments.of("sobol sampler count", sample("sobol", "1073741824"),
                    "axes[0].count: 1073741824 points is " + POINT_LIMIT),
            Arguments.of("count beyond a 32-bit number", sample("random", "1000000000000"),
                    "axes[0].count: 1000000000000 points is " + POINT_LIMIT),
            Arguments.of("zip member count", NAME + "axes = [{ zip = [ { path = model.eta-lat, values = [1e-3, 2e-3] },"
                    + " { path = model.eta-vis, linear { from = 1e-4, to = 1e-3, count = " + BILLION + " } } ] }]",
                    "axes[0].zip[1].linear.count: " + BILLION + " points is " + POINT_LIMIT),
            Arguments.of("product of axes", NAME + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.9, count = 1001 } },"
                    + " { path = model.g-den, linear { from = 1, to = 3, count = 1000 } }]",
                    "axes[1].linear.count: 1001 × 1000 points is " + POINT_LIMIT),
            Arguments.of("explicit values after a large axis", NAME
                    + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.9, count = 500001 } },"
                    + " { path = model.n-lat, values = [20, 30] }]",
                    "axes[1].values: 500001 × 2 points is " + POINT_LIMIT),
            Arguments.of("replicates", NAME + "replicates = " + BILLION,
                    "replicates: 1 points × " + BILLION + " replicates is more than the 10000000 simulations"),
            Arguments.of("replicates beyond a 64-bit product", NAME + "replicates = 9223372036854775807\n"
                    + "axes = [{ path = model.n-lat, values = [20, 30, 40] }]",
                    "replicates: 3 points × 9223372036854775807 replicates is more than the 10000000 simulations"));
    }

    private static String sample(String sampler, String count) {
        return NAME + "axes = [{ sample = " + sampler + ", count = " + count + ", seed = 1, ranges = ["
                + " { path = model.lambda, from = 0.1, to = 0.9 } ] }]";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void anOversizedCountIsRefusedWithItsPathAndLimitBeforeItIsBuilt(String kind, String hocon, String expected) {
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(ConfigProblems.class,
                () -> SweepFile.parse(ConfigFactory.parseString(hocon), "test", null)).getMessage());
        assertTrue(message.contains(expected), kind + ": expected «" + expected + "» in\n" + message);
    }

    @Test
    void axesAfterTheOneThatExceedsTheLimitAreNotBuiltNorReportedAgain() {
        // three axes of a million positions each: the product (10^18) is refused at the second, once
        String million = "linear { from = 1, to = 2, count = 1000000 }";
        List<String> problems = assertThrows(ConfigProblems.class, () -> SweepFile.parse(ConfigFactory.parseString(NAME
                + "axes = [{ path = model.lambda, " + million.replace("1, to = 2", "0.1, to = 0.9") + " },"
                + " { path = model.g-den, " + million + " }, { path = model.eta-lat, "
                + million.replace("1, to = 2", "1e-4, to = 1e-2") + " }]"), "test", null)).problems();
        assertEquals(List.of("axes[1].linear.count: 1000000 × 1000000 points is " + POINT_LIMIT), problems);
    }

    @Test
    void otherProblemsOfAnOversizedSweepAreStillReported() {
        String message = assertThrows(ConfigProblems.class, () -> SweepFile.parse(ConfigFactory.parseString(NAME
                + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.9, count = " + BILLION + " } },"
                + " { path = model.n-lats, values = [20] }]"), "test", null)).getMessage();
        assertTrue(message.contains("axes[0].linear.count: " + BILLION + " points is " + POINT_LIMIT), message);
        assertTrue(message.contains("axes[1].path: unknown parameter 'model.n-lats'"), message);
    }

    @Test
    void axesWhoseProductIsExactlyTheLimitFit() {
        PointBudget budget = new PointBudget(1_000_000);
        List<String> problems = new ArrayList<>();
        assertTrue(budget.admits("axes[0].values", 1000, problems));
        budget.add(1000);
        assertTrue(budget.admits("axes[1].linear.count", 1000, problems));
        budget.add(1000);
        assertEquals(List.of(), problems);
        assertFalse(budget.exceeded());
        assertFalse(budget.admits("axes[2].count", 2, problems));
        assertEquals(List.of("axes[2].count: 1000 × 1000 × 2 points is " + POINT_LIMIT), problems);
        assertTrue(budget.exceeded());
    }
}
