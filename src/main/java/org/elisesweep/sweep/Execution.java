package org.elisesweep.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * Execution options of a sweep file: how the sweep runs, never what it computes, so none of
 * them is part of a point's id.
 *
 * @param timeBudget  wall-time limit of one simulation, after which it becomes a TIMEOUT row;
 *                    {@link Duration#ZERO} = none
 * @param failFast    0 = off; else abort the sweep when its first {@code failFast} simulations all
 *                    fail with the same error (a broken setup, not an unlucky point)
 * @param taskSeconds target wall time of one Spark task, so that tasks last seconds to minutes
 * @param lockstep    simulations of one shape stepped together by an executor (issue 13,
 *                    {@link LockstepGroups}): B ≥ 1 (1 = off), or {@link #LOCKSTEP_AUTO}: groups of
 *                    one wiring of the width the benchmark chose for the shape
 *                    ({@code Lockstep.defaultWidth}); results are the same bits either way
 */
public record Execution(Duration timeBudget, int failFast, double taskSeconds, int lockstep) {
    /** {@code lockstep = auto}: the benchmark's width for each shape, groups of one wiring. */
    public static final int LOCKSTEP_AUTO = 0;
    /** No time budget, no fail-fast, 20-second tasks, lock-step width by shape. */
    public static final Execution DEFAULTS = new Execution(Duration.ZERO, 0, 20.0, LOCKSTEP_AUTO);

    public Execution {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || failFast < 0 || !(taskSeconds > 0) || Double.isInfinite(taskSeconds)
                || lockstep < 0) {
            throw new IllegalArgumentException("invalid execution options: time budget " + timeBudget
                    + ", fail-fast " + failFast + ", task seconds " + taskSeconds + ", lockstep " + lockstep);
        }
    }

    /** The options with lock-step width by shape. */
    public Execution(Duration timeBudget, int failFast, double taskSeconds) {
        this(timeBudget, failFast, taskSeconds, LOCKSTEP_AUTO);
    }
}
