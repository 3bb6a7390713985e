package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A frontier over one field of a clamp scenario (replay.scenarios.<name>.<field>). */
class ScenarioFrontierTest {
    private static String file(String path, String from, String to, String scenarios, String axes) {
        return "name = clamp\nseed = 1\n"
                + "base { training.cycles = 40, replay.cycles = 8, replay.scenarios = " + scenarios + " }\n"
                + "axes = [ " + axes + " ]\n"
                + "frontier { path = " + path + ", from = " + from + ", to = " + to
                + ", criterion = \"robustness['window'].recovered\", precision = 1, replicates = 1 }\n";
    }

    private static final String WINDOW = "[silence-cycle, { name = window, from-ms = 90, to-ms = 150, offset-mv = 0 }]";
    private static final String N_LAT = "{ path = model.n-lat, values = [6, 8] }";

    @Test
    void aProbeSetsTheNamedClampsFieldAndNothingElse() {
        FrontierPlan plan = FrontierFileTest.plan(file("replay.scenarios.window.offset-mv", "0", "20", WINDOW, N_LAT));
        assertEquals(2, plan.configurations().size());
        FrontierPlan.Configuration c = plan.configurations().get(0);
        SweepPoint at = plan.probe(c, 7.5);
        List<String> scenarios = ParameterType.elements((String) at.parameters().get("replay.scenarios"));
        assertEquals("silence-cycle", scenarios.get(0), "the other scenarios stay as they were");
        assertTrue(scenarios.get(1).contains("\"offset-mv\":7.5") && scenarios.get(1).contains("\"name\":\"window\"")
                && scenarios.get(1).contains("\"from-ms\":90"), scenarios.get(1));
        assertNotEquals(at.pointId(), plan.probe(c, 10).pointId(), "each probe is its own point");
        assertEquals(at.pointId(), plan.probe(c, 7.5).pointId());
        // the configurations differ in N_lat only: the scenario list is not a configuration axis
        assertEquals(java.util.Set.of("model.n-lat"), plan.varyingPaths());
    }

    @Test
    void aFrontierOverAnotherParameterKeepsTheBasesScenarioList() {
        FrontierPlan plan = FrontierFileTest.plan(file("noise.membrane.dendrite-sigma", "0", "10", "[]", N_LAT)
                .replace("robustness['window'].recovered", "replay_mean_sumcorr_per_neuron >= 0.8"));
        assertEquals("[]", plan.probe(plan.configurations().get(0), 0.5).parameters().get("replay.scenarios"));
    }

    @Test
    void badScenarioPathsAndImpossibleEndsAreRefusedByPath() {
        String missing = FrontierFileTest.problems(file("replay.scenarios.nope.offset-mv", "0", "20", WINDOW, N_LAT));
        assertTrue(missing.contains("frontier.path: replay.scenarios has no clamp object named 'nope'"), missing);
        String field = FrontierFileTest.problems(file("replay.scenarios.window.offset", "0", "20", WINDOW, N_LAT));
        assertTrue(field.contains("frontier.path: expected replay.scenarios.<scenario name>.<field> with a field of"),
                field);
        // a fraction above 1 at the range's upper end is caught by the clamp's own validation
        String end = FrontierFileTest.problems(file("replay.scenarios.window.fraction", "0.1", "1.5", WINDOW, N_LAT));
        assertTrue(end.contains("fraction"), end);
        // the scenario list itself may not also be an axis
        String axis = FrontierFileTest.problems(file("replay.scenarios.window.offset-mv", "0", "20", WINDOW,
                "{ path = replay.scenarios, values = [[], [silence-cycle]] }"));
        assertTrue(axis.contains("axes[0].path: replay.scenarios"), axis);
    }
}
