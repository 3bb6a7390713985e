package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which runs step together: one shape, one wiring first, the widths of execution.lockstep. */
class LockstepGroupsTest {
    /** {@code points} noise levels × 2 replicates: every point of a replicate has that replicate's wiring. */
    private static List<PlannedRun> runs(int nLat, int points, String moreAxes) {
        return runs("model.n-lat = " + nLat, points, moreAxes);
    }

    private static List<PlannedRun> runs(String base, int points, String moreAxes) {
        StringBuilder levels = new StringBuilder();
        for (int k = 0; k < points; k++) {
            levels.append(k == 0 ? "" : ", ").append(0.1 * k);
        }
        SweepPlan plan = SweepFile.parse(ConfigFactory.parseString("""
                name = groups
                replicates = 2
                base { BASE }
                axes = [ { path = noise.membrane.dendrite-sigma, values = [LEVELS] } MORE ]
                """.replace("BASE", base).replace("LEVELS", levels).replace("MORE", moreAxes)), "test",
                Path.of("."));
        return plan.runs();
    }

    private static Set<Long> seeds(List<PlannedRun> group) {
        Set<Long> seeds = new HashSet<>();
        group.forEach(r -> seeds.add(r.seed()));
        return seeds;
    }

    private static void assertEveryRunOnce(List<PlannedRun> runs, List<List<PlannedRun>> groups) {
        List<PlannedRun> all = new ArrayList<>();
        groups.forEach(all::addAll);
        assertEquals(runs.size(), all.size());
        assertEquals(new HashSet<>(runs), new HashSet<>(all));
    }

    @Test
    void autoStepsEightRunsOfOneWiringTogetherAndTheRestAlone() {
        List<PlannedRun> runs = runs(50, 10, "");
        List<List<PlannedRun>> groups = LockstepGroups.of(runs, Execution.LOCKSTEP_AUTO);
        assertEveryRunOnce(runs, groups);
        // per replicate: 10 points of one wiring → one group of 8 and 2 alone
        assertEquals(List.of(8, 1, 1, 8, 1, 1), groups.stream().map(List::size).toList());
        for (List<PlannedRun> g : groups) {
            assertEquals(1, seeds(g).size(), "one wiring, one seed: " + g);
        }
    }

    @Test
    void sparseMasksOfDifferentDensitiesShareTheirDelaysAndScaffold() {
        List<PlannedRun> runs = runs("model.n-lat = 50, model.connectivity = sparse", 4,
                ", { path = model.density, values = [0.3, 0.6] }");
        List<List<PlannedRun>> groups = LockstepGroups.of(runs, Execution.LOCKSTEP_AUTO);
        assertEquals(List.of(8, 8), groups.stream().map(List::size).toList(), "4 noise levels × 2 densities per seed");
    }

    @Test
    void autoLeavesLargerNetworksAndDifferentWiringsAlone() {
        for (List<PlannedRun> runs : List.of(runs(100, 10, ""),
                runs(50, 4, ", { path = model.scaffold.p, values = [0.1, 0.2, 0.3] }"))) {
            List<List<PlannedRun>> groups = LockstepGroups.of(runs, Execution.LOCKSTEP_AUTO);
            assertEveryRunOnce(runs, groups);
            assertTrue(groups.stream().allMatch(g -> g.size() == 1), "all alone: " + groups);
        }
    }

    @Test
    void tasksArePlannedFromGroupsOnlyWhereExecutorsStepThemAndNoCoreIdles() {
        List<PlannedRun> runs = runs(50, 10, "");   // auto: 2 groups of 8 and 4 alone, 6 units
        assertEquals(6, LockstepGroups.forTasks(runs, Execution.LOCKSTEP_AUTO, 6, true).size());
        // more cores than units: every run alone, so that each core has work
        assertEquals(20, LockstepGroups.forTasks(runs, Execution.LOCKSTEP_AUTO, 7, true).size());
        // executors without the vector kernels run auto alone
        assertEquals(20, LockstepGroups.forTasks(runs, Execution.LOCKSTEP_AUTO, 2, false).size());
        // a width given is kept, whatever the cores
        assertEquals(List.of(4, 4, 4, 4, 4),
                LockstepGroups.forTasks(runs, 4, 64, false).stream().map(List::size).toList());
    }

    @Test
    void aGivenWidthGroupsRunsOfOneShapeThoseOfOneWiringFirst() {
        List<PlannedRun> runs = runs(20, 5, "");
        List<List<PlannedRun>> groups = LockstepGroups.of(runs, 4);
        assertEveryRunOnce(runs, groups);
        // 5 runs of replicate 0's wiring, then 5 of replicate 1's, in groups of 4
        assertEquals(List.of(4, 4, 2), groups.stream().map(List::size).toList());
        assertEquals(1, seeds(groups.get(0)).size());
        assertEquals(2, seeds(groups.get(1)).size());
        assertEquals(1, seeds(groups.get(2)).size());
        assertTrue(LockstepGroups.of(runs, 1).stream().allMatch(g -> g.size() == 1));
    }
}
