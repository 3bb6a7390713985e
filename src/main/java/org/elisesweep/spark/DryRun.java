package org.elisesweep.spark;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.elisesweep.model.Network;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepPlan;
import org.elisesweep.sweep.SweepPoint;

/**
 * {@code --dry-run}: the size of a sweep and its cost, estimated by timing a short run of the
 * real step loop for each distinct network size (after a warm-up), times each point's planned steps.
 */
public record DryRun(String sweep, int points, int simulations, List<SweepPoint> sample, List<String> varied,
                     Map<Integer, Double> microsPerStepBySize, double coreHours, List<String> warnings) {

    private static final int SAMPLE = 5;

    public static DryRun of(SweepPlan plan) {
        Map<Integer, Double> usPerStep = new TreeMap<>();
        Map<String, SimulationSpec> specs = new HashMap<>();
        double seconds = 0;
        for (PlannedRun run : plan.runs()) {
            SimulationSpec spec = specs.computeIfAbsent(run.pointId(), id -> run.spec());
            int n = spec.pattern().neurons() + spec.model().nLat();
            double us = usPerStep.computeIfAbsent(n, k -> calibrate(spec));
            seconds += (run.network() == null ? spec.plannedSteps() : spec.plannedStepsAfterTraining()) * us * 1e-6;
        }
        return new DryRun(plan.name(), plan.points().size(), plan.simulations(),
                plan.points().subList(0, Math.min(SAMPLE, plan.points().size())), variedPaths(plan.points()),
                usPerStep, seconds / 3600, plan.warnings());
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

    /** µs per Euler step of this network, measured over a few cycles after a warm-up. */
    private static double calibrate(SimulationSpec spec) {
        Network net = Network.create(spec.model(), spec.pattern(), spec.protocol().stepMs(), spec.seed());
        long warmUpEnd = System.nanoTime() + 700_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            net.runCycle(true, null, null);   // warm-up: let the JIT compile the step loop
        }
        int cycles = 4;
        long t0 = System.nanoTime();
        for (int c = 0; c < cycles; c++) {
            net.runCycle(true, null, null);
        }
        return (System.nanoTime() - t0) / 1e3 / ((double) cycles * net.teacher().cycleBins());
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
        microsPerStepBySize.forEach((n, us) -> out.printf("calibration: %d neurons, %.2f µs per step%n", n, us));
        out.printf("estimated cost: %.3f core-hours (%.1f core-minutes)%n", coreHours, coreHours * 60);
        warnings.forEach(w -> out.println("warning: " + w));
    }
}
