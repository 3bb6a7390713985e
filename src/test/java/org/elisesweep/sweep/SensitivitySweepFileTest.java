package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The sensitivity section of a sweep file: the design it plans, each point's role, and its errors. */
class SensitivitySweepFileTest {
    private static final String BASE = "name = s, base { training.cycles = 40, model.n-lat = 8 }\n";

    static SweepPlan plan(String hocon) {
        return SweepFile.parse(ConfigFactory.parseString(hocon), "test", null);
    }

    static String problems(String hocon) {
        return assertThrows(ConfigProblems.class, () -> plan(hocon)).getMessage();
    }

    static String section(String body) {
        return BASE + "sensitivity { " + body + " }";
    }

    private static final String RANGES = "ranges = [ { path = model.eta-vis, from = 1e-5, to = 1e-3, log = true },"
            + " { path = model.lambda, from = 0.3, to = 0.9 } ]";

    @Test
    void aSobolSectionPlansTheSaltelliDesignWithARolePerPoint() {
        SweepPlan plan = plan(section("method = sobol, n = 8, outputs = [replay_mean_sumcorr], " + RANGES));
        assertEquals(8 * (2 + 2), plan.points().size());
        assertEquals(SensitivitySpec.Method.SOBOL, plan.sensitivity().method());
        Set<String> roles = plan.points().stream().map(SweepPoint::role).collect(Collectors.toSet());
        assertEquals(32, roles.size());
        assertTrue(roles.containsAll(List.of("A:0", "B:7", "AB0:3", "AB1:7")));
        // A_B^0 row j takes eta-vis from B and lambda from A
        Map<String, SweepPoint> byRole = plan.points().stream().collect(Collectors.toMap(SweepPoint::role, p -> p));
        for (int j = 0; j < 8; j++) {
            SweepPoint a = byRole.get("A:" + j);
            SweepPoint b = byRole.get("B:" + j);
            SweepPoint ab0 = byRole.get("AB0:" + j);
            assertEquals(b.parameters().get("model.eta-vis"), ab0.parameters().get("model.eta-vis"));
            assertEquals(a.parameters().get("model.lambda"), ab0.parameters().get("model.lambda"));
            double eta = (Double) a.parameters().get("model.eta-vis");
            assertTrue(eta >= 1e-5 && eta < 1e-3, "log range: " + eta);
            assertEquals(40, a.parameters().get("training.cycles"));
        }
        // every run carries its point's role
        assertTrue(plan.runs().stream().allMatch(r -> byRole.get(r.role()).pointId().equals(r.pointId())));
    }

    @Test
    void equalParametersInTwoRolesAreTwoPoints() {
        // an integer parameter over two values: many A_B^i rows round to their A row
        SweepPlan plan = plan(BASE.replace(", model.n-lat = 8", "") + "sensitivity { method = sobol, n = 8,"
                + " outputs = [final_mse], ranges = [ { path = model.n-lat, from = 8, to = 9 },"
                + " { path = model.lambda, from = 0.3, to = 0.9 } ] }");
        Map<String, SweepPoint> byRole = plan.points().stream().collect(Collectors.toMap(SweepPoint::role, p -> p));
        int equal = 0;
        for (int j = 0; j < 8; j++) {
            SweepPoint a = byRole.get("A:" + j);
            SweepPoint ab0 = byRole.get("AB0:" + j);
            if (a.parameters().equals(ab0.parameters())) {
                equal++;
                assertNotEquals(a.pointId(), ab0.pointId());
                assertEquals(SweepPoint.idOf(a.parameters()), SweepPoint.idOf(ab0.parameters()));
            }
        }
        assertTrue(equal > 0, "the design should have rows where rounding makes A_B^0 equal A");
        assertEquals(plan.points().size(), new HashSet<>(plan.points().stream().map(SweepPoint::pointId).toList()).size());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("model.n-lat: values rounded to whole numbers")));
    }

    @Test
    void aMorrisSectionPlansTrajectoriesOnTheGrid() {
        SweepPlan plan = plan(section("method = morris, n = 5, levels = 4, outputs = [final_mse], " + RANGES));
        assertEquals(5 * 3, plan.points().size());
        Set<Object> lambdas = plan.points().stream().map(p -> p.parameters().get("model.lambda")).collect(Collectors.toSet());
        Set<Double> grid = Set.of(0.3, 0.5, 0.7, 0.9);
        assertTrue(lambdas.stream().allMatch(l -> grid.stream().anyMatch(g -> Math.abs(g - (Double) l) < 1e-12)), lambdas.toString());
        assertTrue(plan.points().stream().anyMatch(p -> "T4:2".equals(p.role())));
    }

    @Test
    void theDesignIsTheSameEveryTime() {
        String file = section("method = sobol, n = 8, outputs = [final_mse], " + RANGES);
        assertEquals(plan(file).points(), plan(file).points());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown parameter | method = sobol, n = 8, outputs = [final_mse], ranges = [ { path = model.eta-vsi, from = 0, to = 1 } ]"
                + " | sensitivity.ranges[0].path: unknown parameter 'model.eta-vsi'; did you mean 'model.eta-vis'?",
        "unknown output | method = sobol, n = 8, outputs = [final_msee], " + "ranges = [ { path = model.lambda, from = 0.3, to = 0.9 } ]"
                + " | sensitivity.outputs[0]: unknown output 'final_msee'; did you mean 'final_mse'?",
        "from >= to | method = sobol, n = 8, outputs = [final_mse], ranges = [ { path = model.lambda, from = 0.9, to = 0.9 } ]"
                + " | sensitivity.ranges[0].to: must be greater than from (0.9), got 0.9",
        "log range at 0 | method = sobol, n = 8, outputs = [final_mse], ranges = [ { path = model.eta-vis, from = 0, to = 1e-3, log = true } ]"
                + " | sensitivity.ranges[0].from: must be > 0 for a log range (got 0.0)",
        "N below minimum | method = sobol, n = 4, outputs = [final_mse], ranges = [ { path = model.lambda, from = 0.3, to = 0.9 } ]"
                + " | sensitivity.n: must be ≥ 8 for sobol (got 4)",
        "r below minimum | method = morris, n = 1, levels = 4, outputs = [final_mse], ranges = [ { path = model.lambda, from = 0.3, to = 0.9 } ]"
                + " | sensitivity.n: must be ≥ 2 for morris (got 1)",
        "odd levels | method = morris, n = 4, levels = 3, outputs = [final_mse], ranges = [ { path = model.lambda, from = 0.3, to = 0.9 } ]"
                + " | sensitivity.levels: must be an even number ≥ 2 (got 3)",
        "unknown method | method = sobel, n = 8, outputs = [final_mse], ranges = [ { path = model.lambda, from = 0.3, to = 0.9 } ]"
                + " | sensitivity.method: 'sobel' is not allowed; use one of sobol, morris",
        "substitute without policy | method = sobol, n = 8, substitute = 0, outputs = [final_mse], ranges = [ { path = model.lambda, from = 0.3, to = 0.9 } ]"
                + " | sensitivity.substitute: is used only with failures = substitute",
    })
    void badInputIsNamedByItsPath(String rule, String body, String expected) {
        String message = problems(section(body));
        assertTrue(message.contains(expected), rule + ": " + message);
    }

    @Test
    void aParameterBothAnalysedAndOnAnAxisIsNamedInBothPlaces() {
        String message = problems(section("method = sobol, n = 8, outputs = [final_mse], " + RANGES)
                + "\naxes = [ { path = model.lambda, values = [0.4, 0.6] } ]");
        assertTrue(message.contains("axes[0].path: model.lambda is also in sensitivity.ranges[1]; a parameter is either"
                + " analysed or on an axis"), message);
        String base = problems(section("method = sobol, n = 8, outputs = [final_mse], " + RANGES)
                .replace("model.n-lat = 8", "model.n-lat = 8, model.lambda = 0.5"));
        assertTrue(base.contains("base.model.lambda: is also in sensitivity.ranges[1]"), base);
        String otherAxis = problems(section("method = sobol, n = 8, outputs = [final_mse], " + RANGES)
                + "\naxes = [ { path = model.g-den, values = [1.0, 2.0] } ]");
        assertTrue(otherAxis.contains("axes[0]: a sensitivity sweep has no axes"), otherAxis);
    }

    @Test
    void invalidSimulationValuesAreBlamedOnTheSection() {
        String message = problems(section("method = sobol, n = 8, outputs = [final_mse], ranges = [ { path = model.lambda,"
                + " from = -2, to = -1 } ]"));
        assertTrue(message.contains("sensitivity model.lambda = "), message);
    }
}
