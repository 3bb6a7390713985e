package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elisesweep.model.Lockstep;
import org.elisesweep.model.SimulationSpec;

/**
 * Runs in lock-step groups (issue 13, {@link Lockstep}): the driver plans its tasks from whole
 * groups, and each executor groups its task's runs again the same way, so a group is never split
 * across tasks. Groups change no result (every run has the bits it has alone), only the speed.
 *
 * <p>Only runs of one shape ({@link Lockstep#groupKey}) step together, and runs of one wiring
 * ({@link Lockstep#wiringKey}) are put next to each other, since only they share one rate
 * history. With {@code execution.lockstep = auto} a group is exactly {@link Lockstep#defaultWidth}
 * runs of one wiring, and the runs left over go alone: groups of different wirings, and groups
 * narrower than a vector of 8 lanes, were measured slower than the single loop. With B given,
 * groups of at most B runs of one shape, those of one wiring first. Runs whose spec is invalid,
 * and every run with B = 1, go alone.
 */
public final class LockstepGroups {
    private LockstepGroups() {
    }

    /**
     * The groups of {@code runs} for {@code execution.lockstep} = {@code lockstep}: shape by shape
     * and wiring by wiring, each in the order of its first run, the runs in their order.
     */
    public static List<List<PlannedRun>> of(List<PlannedRun> runs, int lockstep) {
        // shape → wiring → runs, each map in the order of its first run; an invalid run is its own shape
        Map<Object, Map<Object, List<PlannedRun>>> byShape = new LinkedHashMap<>();
        Map<Object, Integer> widthOfShape = new LinkedHashMap<>();
        for (PlannedRun run : runs) {
            Object shape;
            Object wiring;
            int width;
            try {
                SimulationSpec spec = run.spec();
                shape = Lockstep.groupKey(spec);
                wiring = Lockstep.wiringKey(spec);
                width = lockstep == Execution.LOCKSTEP_AUTO
                        ? Lockstep.defaultWidth(spec.pattern().neurons() + spec.model().nLat()) : lockstep;
            } catch (ConfigProblems e) {
                shape = new Object();
                wiring = shape;
                width = 1;
            }
            byShape.computeIfAbsent(shape, k -> new LinkedHashMap<>()).computeIfAbsent(wiring, k -> new ArrayList<>())
                    .add(run);
            widthOfShape.put(shape, width);
        }
        List<List<PlannedRun>> groups = new ArrayList<>();
        for (Map.Entry<Object, Map<Object, List<PlannedRun>>> shape : byShape.entrySet()) {
            int width = widthOfShape.get(shape.getKey());
            if (lockstep == Execution.LOCKSTEP_AUTO) {
                for (List<PlannedRun> wiring : shape.getValue().values()) {
                    int whole = wiring.size() / width * width;
                    chunk(wiring.subList(0, whole), width, groups);
                    chunk(wiring.subList(whole, wiring.size()), 1, groups);
                }
            } else {
                List<PlannedRun> all = new ArrayList<>();
                shape.getValue().values().forEach(all::addAll);
                chunk(all, width, groups);
            }
        }
        return groups;
    }

    /**
     * The groups a JVM steps: those of {@link #of}, but for {@code auto} every run alone where it
     * does not step groups ({@code stepsGroups} false: no vector kernels of 8 doubles, without
     * which groups were not measured faster than alone; {@code Lockstep.autoStepsGroups}).
     */
    public static List<List<PlannedRun>> steppedBy(List<PlannedRun> runs, int lockstep, boolean stepsGroups) {
        return lockstep == Execution.LOCKSTEP_AUTO && !stepsGroups ? of(runs, 1) : of(runs, lockstep);
    }

    /**
     * The units a driver plans its tasks from: the groups its executors step
     * ({@link #steppedBy}), but for {@code auto} every run alone when there would be fewer groups
     * than cores (an idle core costs more than lock-step gains: 1.13–1.26× measured).
     */
    public static List<List<PlannedRun>> forTasks(List<PlannedRun> runs, int lockstep, int cores,
                                                  boolean executorsStepGroups) {
        List<List<PlannedRun>> groups = steppedBy(runs, lockstep, executorsStepGroups);
        boolean idleCores = groups.size() < Math.min(runs.size(), cores);
        return lockstep == Execution.LOCKSTEP_AUTO && idleCores ? of(runs, 1) : groups;
    }

    private static void chunk(List<PlannedRun> runs, int width, List<List<PlannedRun>> groups) {
        for (int from = 0; from < runs.size(); from += width) {
            groups.add(List.copyOf(runs.subList(from, Math.min(runs.size(), from + width))));
        }
    }
}
