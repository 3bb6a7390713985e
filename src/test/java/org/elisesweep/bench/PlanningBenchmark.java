package org.elisesweep.bench;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.Execution;
import org.elisesweep.sweep.LockstepGroups;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;

/**
 * Driver-side cost of a large sweep, without running it: time and heap to parse and validate a
 * sweep file of P points, list its simulations and estimate their cost (what the driver does
 * before submitting tasks). Prints one line per size, so growth with P can be read off.
 *
 * <p>Usage: {@code java ... PlanningBenchmark [points...]} (default 1000 10000 100000).
 */
public final class PlanningBenchmark {
    private PlanningBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int points : sizes) {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heapBefore = rt.totalMemory() - rt.freeMemory();
            long t0 = System.nanoTime();
            SweepPlan plan = SweepFile.parse(ConfigFactory.parseString("""
                    name = planning
                    axes = [ { path = model.n-lat, values = [20, 30, 40, 50, 60, 70, 80, 90, 100, 110] },
                             { sample = latin-hypercube, count = %d, ranges = [
                                 { path = model.lambda, from = 0.3, to = 0.8 },
                                 { path = model.eta-lat, from = 1e-4, to = 1e-2, log = true } ] } ]
                    """.formatted(points / 10)), "planning", Path.of("."));
            long t1 = System.nanoTime();
            List<PlannedRun> runs = plan.runs();
            double cost = 0;
            for (PlannedRun r : runs) {
                cost += r.pointId().length() + r.seed();   // touch every run as the batching does
            }
            long t2 = System.nanoTime();
            int groups = LockstepGroups.of(runs, Execution.LOCKSTEP_AUTO).size();
            long t3 = System.nanoTime();
            long heapAfter = rt.totalMemory() - rt.freeMemory();
            System.gc();
            long retained = rt.totalMemory() - rt.freeMemory() - heapBefore;
            System.out.printf("%,d points: parse + validate %.2f s, list runs %.2f s, heap +%.0f MB (%.1f kB per point),"
                            + " retained after GC %.0f MB (%.1f kB per point), lock-step groups (%,d) %.2f s%s%n",
                    plan.points().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (heapAfter - heapBefore) / 1e6,
                    (heapAfter - heapBefore) / 1e3 / plan.points().size(), retained / 1e6,
                    retained / 1e3 / plan.points().size(), groups, (t3 - t2) / 1e9, cost < 0 || runs.isEmpty() ? "" : "");
        }
    }
}
