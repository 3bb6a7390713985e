package org.elisesweep.spark;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.elisesweep.model.Lockstep;
import org.elisesweep.model.Network;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.sweep.Execution;
import org.elisesweep.sweep.LockstepGroups;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepPlan;
import org.elisesweep.sweep.SweepPoint;

/**
 * {@code --dry-run}: the size of a sweep and its cost: each point's planned steps times the µs per
 * step of its network size, taken from the runs this output already committed (their median) or,
 * for a size it has no three of, from a calibration of the real step loop that holds on a busy
 * machine: after a warm-up, {@value #REPEATS} repeats of at least {@value #REPEAT_NANOS} ns each, the
 * fastest taken (other processes only ever slow a repeat down), the median and slowest as spread.
 *
 * @param microsPerStepBySize the µs per step used for the estimate, by network size (N_vis + N_lat)
 * @param speedBySize         how each size's figure was obtained and its spread
 * @param coreHours           the whole sweep's estimated cost
 * @param medianCoreHours     the same at each size's median speed (the spread's other end)
 * @param committed           planned simulations the output already holds
 * @param remainingCoreHours  the estimated cost of the simulations not yet committed
 * @param lockstep            how {@code execution.lockstep} groups the simulations (the estimate
 *                            assumes each alone: the single loop's speed)
 */
public record DryRun(String sweep, int points, int simulations, List<SweepPoint> sample, List<String> varied,
                     Map<Integer, Double> microsPerStepBySize, Map<Integer, Speed> speedBySize, double coreHours,
                     double medianCoreHours, int committed, double remainingCoreHours, Grouping lockstep,
                     List<String> warnings) {

    private static final int SAMPLE = 5;
    private static final int REPEATS = 5;
    private static final long REPEAT_NANOS = 100_000_000L;
    private static final int MEASURED_ENOUGH = 3;

    /** µs per step of one network size: the figure used, its spread, and where it comes from. */
    public record Speed(double used, double median, double slowest, String source) {
    }

    /**
     * The lock-step groups of a sweep ({@link LockstepGroups#of}): how many simulations fall in a
     * group of more than one, and in how many groups. Where they are stepped together also depends
     * on the executors (8-double vectors for auto) and on there being as many groups as cores.
     *
     * @param setting {@code execution.lockstep}: {@link Execution#LOCKSTEP_AUTO} or B
     */
    public record Grouping(int setting, int grouped, int groups) {
        static Grouping of(SweepPlan plan) {
            int setting = plan.execution().lockstep();
            int grouped = 0;
            int groups = 0;
            for (List<PlannedRun> g : LockstepGroups.of(plan.runs(), setting)) {
                if (g.size() > 1) {
                    grouped += g.size();
                    groups++;
                }
            }
            return new Grouping(setting, grouped, groups);
        }

        String describe(int simulations) {
            String name = setting == Execution.LOCKSTEP_AUTO ? "auto" : Integer.toString(setting);
            if (grouped == 0) {
                return "lock-step (" + name + "): every simulation alone" + (setting == Execution.LOCKSTEP_AUTO
                        ? " (auto forms " + Lockstep.autoRule() + ": points of a replicate that change no "
                                + "scaffold or delay parameter)" : "");
            }
            return String.format("lock-step (%s): %d of %d simulations in %d groups, the rest alone", name, grouped,
                    simulations, groups);
        }
    }

    public static DryRun of(SweepPlan plan) {
        return of(plan, CommittedSpeeds.NONE);
    }

    /** The estimate of {@code plan}, knowing what its output already holds. */
    public static DryRun of(SweepPlan plan, CommittedSpeeds done) {
        Map<Integer, Speed> speeds = new TreeMap<>();
        Map<String, SimulationSpec> specs = new HashMap<>();
        double seconds = 0;
        double atMedian = 0;
        double remaining = 0;
        int committed = 0;
        for (PlannedRun run : plan.runs()) {
            SimulationSpec spec = specs.computeIfAbsent(run.pointId(), id -> run.spec());
            int n = spec.pattern().neurons() + spec.model().nLat();
            Speed speed = speeds.computeIfAbsent(n, k -> speedOf(spec, done.microsBySize().get(k)));
            long steps = run.network() == null ? spec.plannedSteps() : spec.plannedStepsAfterTraining();
            double s = steps * speed.used() * 1e-6;
            seconds += s;
            atMedian += steps * speed.median() * 1e-6;
            if (done.committed().contains(CommittedRuns.key(run.pointId(), run.replicate()))) {
                committed++;
            } else {
                remaining += s;
            }
        }
        Map<Integer, Double> used = new TreeMap<>();
        speeds.forEach((n, sp) -> used.put(n, sp.used()));
        return new DryRun(plan.name(), plan.points().size(), plan.simulations(),
                plan.points().subList(0, Math.min(SAMPLE, plan.points().size())), variedPaths(plan.points()),
                used, speeds, seconds / 3600, atMedian / 3600, committed, remaining / 3600, Grouping.of(plan),
                plan.warnings());
    }

    private static Speed speedOf(SimulationSpec spec, List<Double> measured) {
        if (measured != null && measured.size() >= MEASURED_ENOUGH) {
            double[] sorted = measured.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted[sorted.length / 2];
            return new Speed(median, median, sorted[sorted.length - 1],
                    "median of " + sorted.length + " committed runs of this output");
        }
        double[] repeats = calibrate(spec);
        return new Speed(repeats[0], repeats[REPEATS / 2], repeats[REPEATS - 1],
                "fastest of " + REPEATS + " calibration repeats");
    }

    /** Parameter paths whose value is not the same at every point. */
    static List<String> variedPaths(List<SweepPoint> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        Map<String, Object> first = points.get(0).parameters();
        return first.keySet().stream()
                .filter(path -> points.stream().anyMatch(p -> !Objects.equals(p.parameters().get(path),
                        first.get(path))))
                .toList();
    }

    /** µs per Euler step of this network in each of {@value #REPEATS} repeats after a warm-up, sorted. */
    private static double[] calibrate(SimulationSpec spec) {
        Network net = Network.create(spec.model(), spec.pattern(), spec.protocol().stepMs(), spec.seed());
        long warmUpEnd = System.nanoTime() + 700_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            net.runCycle(true, null, null);   // warm-up: let the JIT compile the step loop
        }
        double[] us = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            int cycles = 0;
            long t0 = System.nanoTime();
            long t;
            do {
                net.runCycle(true, null, null);
                cycles++;
                t = System.nanoTime();
            } while (t - t0 < REPEAT_NANOS);
            us[r] = (t - t0) / 1e3 / ((double) cycles * net.teacher().cycleBins());
        }
        Arrays.sort(us);
        return us;
    }

    public void print(PrintStream out) {
        out.printf("sweep %s: %d points, %d simulations%n", sweep, points, simulations);
        out.println("sample of points (the parameters that vary):");
        for (SweepPoint p : sample) {
            StringBuilder sb = new StringBuilder("  " + p.pointId());
            for (String path : varied) {
                sb.append("  ").append(path).append('=').append(p.parameters().get(path));
            }
            out.println(sb);
        }
        speedBySize.forEach((n, sp) -> out.printf("speed: %d neurons, %.2f µs per step (%s; median %.2f, slowest %.2f)%n",
                n, sp.used(), sp.source(), sp.median(), sp.slowest()));
        out.printf("estimated cost: %.3f core-hours (%.1f core-minutes; %.1f at the median speeds)%n", coreHours,
                coreHours * 60, medianCoreHours * 60);
        if (committed > 0) {
            out.printf("already committed: %d of %d simulations; left: %.1f core-minutes%n", committed, simulations,
                    remainingCoreHours * 60);
        }
        out.println(lockstep.describe(simulations));
        warnings.forEach(w -> out.println("warning: " + w));
    }
}
